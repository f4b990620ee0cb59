/*
 * tx_gemmlowp.h: the gemmlowp fixed-point functions of int8 softmax (TFLite reference, CMSIS-NN
 * arm_softmax_s8) on raw int32 values. Twin of dev.tenax.quant.GemmlowpFixedPoint:
 *
 *   tx_sat_rounding_mul_by_pot         saturatingRoundingMultiplyByPot
 *   tx_rounding_half_sum               roundingHalfSum
 *   tx_exp_on_interval_neg_quarter_0   expOnIntervalBetweenNegativeOneQuarterAnd0Excl
 *   tx_exp_on_negative_values          expOnNegativeValues (input Q5.26, output Q0.31)
 *   tx_one_over_one_plus_x             oneOverOnePlusXForXIn01 (Q0.31)
 *
 * Sums wrap through uint32_t (tx_add_wrap_s32) so that only defined operations remain.
 *
 * TX_GEMMLOWP_HIGH_MUL(a, b) is the saturating rounding doubling high multiply they are built from:
 * tx_sat_rounding_doubling_high_mul unless the includer defines another with the same bits (the
 * MSP430 softmax takes it from the 16x16 hardware multiplier instead of a 64-bit product in
 * software).
 */
#ifndef TX_GEMMLOWP_H
#define TX_GEMMLOWP_H

#include <stdint.h>

#include "tx_fixed_point.h"

#ifndef TX_GEMMLOWP_HIGH_MUL
#define TX_GEMMLOWP_HIGH_MUL tx_sat_rounding_doubling_high_mul
#endif

/* a - b with two's-complement wrap-around. */
static inline int32_t tx_sub_wrap_s32(int32_t a, int32_t b)
{
    return tx_wrap_s32((uint32_t)a - (uint32_t)b);
}

/* x * 2^exponent, exponent in [-31, 31]: saturating for exponent > 0, rounding half away from
 * zero for exponent < 0. */
static inline int32_t tx_sat_rounding_mul_by_pot(int32_t x, int32_t exponent)
{
    int32_t threshold;
    if (exponent <= 0) {
        return tx_rounding_divide_by_pot(x, -exponent);
    }
    threshold = (int32_t)((UINT32_C(1) << (31 - exponent)) - UINT32_C(1));
    if (x > threshold) {
        return INT32_MAX;
    }
    if (x < -threshold) {
        return INT32_MIN;
    }
    return tx_wrap_s32((uint32_t)x << exponent);
}

/* (a + b) / 2 rounded half away from zero. */
static inline int32_t tx_rounding_half_sum(int32_t a, int32_t b)
{
    const int64_t sum = (int64_t)a + (int64_t)b;
    return (int32_t)((sum + (sum >= 0 ? INT64_C(1) : INT64_C(-1))) / INT64_C(2));
}

/* exp(a) for a in [-1/4, 0), Q0.31: fourth-order Taylor expansion around -1/8. */
static inline int32_t tx_exp_on_interval_neg_quarter_0(int32_t a)
{
    const int32_t exp_minus_one_eighth = INT32_C(1895147668);
    const int32_t x = tx_add_wrap_s32(a, INT32_C(1) << 28);
    const int32_t x2 = TX_GEMMLOWP_HIGH_MUL(x, x);
    const int32_t x3 = TX_GEMMLOWP_HIGH_MUL(x2, x);
    const int32_t x4 = TX_GEMMLOWP_HIGH_MUL(x2, x2);
    const int32_t x4_over_4 = tx_sat_rounding_mul_by_pot(x4, -2);
    const int32_t poly = tx_sat_rounding_mul_by_pot(
        tx_add_wrap_s32(TX_GEMMLOWP_HIGH_MUL(tx_add_wrap_s32(x4_over_4, x3),
                                                          INT32_C(715827883)), x2), -1);
    return tx_add_wrap_s32(exp_minus_one_eighth,
        TX_GEMMLOWP_HIGH_MUL(exp_minus_one_eighth, tx_add_wrap_s32(x, poly)));
}

/* exp(a) for a <= 0 in Q5.26, result in Q0.31 (exp(0) is INT32_MAX). */
static inline int32_t tx_exp_on_negative_values(int32_t a)
{
    static const int32_t exp_minus_pot[7] = {
        INT32_C(1672461947), INT32_C(1302514674), INT32_C(790015084), INT32_C(290630308),
        INT32_C(39332535), INT32_C(720401), INT32_C(52)
    };
    const int32_t one_quarter = INT32_C(1) << 24;
    const int32_t a_mod_quarter_minus_quarter = tx_sub_wrap_s32(a & (one_quarter - 1), one_quarter);
    const int32_t remainder = tx_sub_wrap_s32(a_mod_quarter_minus_quarter, a);
    int32_t result = tx_exp_on_interval_neg_quarter_0(
        tx_sat_rounding_mul_by_pot(a_mod_quarter_minus_quarter, 5));
    /* the bit moves one place a turn: a shift by 24 + k is a loop of single shifts on 16-bit cores */
    uint32_t bit = UINT32_C(1) << 24;
    int32_t k;
    for (k = 0; k < 7; k++, bit <<= 1) {
        if (((uint32_t)remainder & bit) != 0u) {
            result = TX_GEMMLOWP_HIGH_MUL(result, exp_minus_pot[k]);
        }
    }
    return a == 0 ? INT32_MAX : result;
}

/* 1 / (1 + a) for a in [0, 1), Q0.31: three Newton-Raphson steps in Q2.29. */
static inline int32_t tx_one_over_one_plus_x(int32_t a)
{
    const int32_t half_denominator = tx_rounding_half_sum(a, INT32_MAX);
    int32_t x = tx_add_wrap_s32(INT32_C(1515870810),
        TX_GEMMLOWP_HIGH_MUL(half_denominator, INT32_C(-1010580540)));
    int32_t i;
    for (i = 0; i < 3; i++) {
        const int32_t one_minus = tx_sub_wrap_s32(INT32_C(1) << 29,
            TX_GEMMLOWP_HIGH_MUL(half_denominator, x));
        x = tx_add_wrap_s32(x, tx_sat_rounding_mul_by_pot(
            TX_GEMMLOWP_HIGH_MUL(x, one_minus), 2));
    }
    return tx_sat_rounding_mul_by_pot(x, 1);
}

#endif /* TX_GEMMLOWP_H */
