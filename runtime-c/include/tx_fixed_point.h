/*
 * tx_fixed_point.h: fixed-point requantization of the int8 and 16x8 paths.
 *
 * The specification is Java (dev.tenax.quant.FixedPoint and Requantize); every function here
 * gives the same bits for every input, on every target. The mapping:
 *
 *   tx_sat_rounding_doubling_high_mul  FixedPoint.saturatingRoundingDoublingHighMul
 *   tx_doubling_high_mul_no_sat        FixedPoint.doublingHighMulNoSat
 *   tx_rounding_divide_by_pot          FixedPoint.roundingDivideByPot
 *   tx_requantize                      FixedPoint.multiplyByQuantizedMultiplier
 *   tx_requantize_s64                  FixedPoint.multiplyByQuantizedMultiplierS64
 *   tx_requantize_s8 / _s16 / _s64_s16 Requantize.s8 / s16 / s64ToS16
 *
 * Requantization rounds once, as CMSIS-NN built with CMSIS_NN_USE_SINGLE_ROUNDING
 * (arm_nn_requantize, arm_nn_requantize_s64); the doubling-high-multiply primitives serve the
 * gemmlowp-style kernels.
 * Parameter ranges are the Java ones (shift in [-31, 30], or [-31, 7] for the 64-bit path;
 * multipliers >= 0); Java checks them when it computes them, so C does not check again.
 *
 * Portability: C99 leaves signed overflow undefined and right shifts of negative values and
 * out-of-range conversions to signed types implementation-defined. The CMSIS-NN originals rely
 * on all three; here wrap-around goes through uint32_t and arithmetic shifts through the
 * complement trick below, so only defined operations remain (compilers reduce them to single
 * instructions). Constants carry INT32_C/INT64_C because int is 16 bits on MSP430.
 */
#ifndef TX_FIXED_POINT_H
#define TX_FIXED_POINT_H

#include <stdint.h>

/* The int32_t with the bits of u (two's-complement wrap-around, as Java's (int) cast). */
static inline int32_t tx_wrap_s32(uint32_t u)
{
    if (u <= UINT32_C(0x7FFFFFFF)) {
        return (int32_t)u;
    }
    return (int32_t)(u - UINT32_C(0x80000000)) - INT32_C(0x7FFFFFFF) - INT32_C(1);
}

/* floor(x / 2^n) for n in [0, 31]: an arithmetic right shift. For x < 0, ~x = -x - 1 >= 0. */
static inline int32_t tx_asr_s32(int32_t x, int32_t n)
{
    return x < 0 ? ~(~x >> n) : x >> n;
}

/* floor(x / 2^n) for n in [0, 63]. */
static inline int64_t tx_asr_s64(int64_t x, int32_t n)
{
    return x < 0 ? ~(~x >> n) : x >> n;
}

/* a + b with two's-complement wrap-around. */
static inline int32_t tx_add_wrap_s32(int32_t a, int32_t b)
{
    return tx_wrap_s32((uint32_t)a + (uint32_t)b);
}

static inline int32_t tx_clamp_s32(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/* round(a * b / 2^31), ties toward +infinity; MIN * MIN, the only overflow, saturates to MAX. */
static inline int32_t tx_sat_rounding_doubling_high_mul(int32_t a, int32_t b)
{
    const int64_t ab = (int64_t)a * (int64_t)b;
    const int64_t nudge = ab >= 0 ? (INT64_C(1) << 30) : INT64_C(1) - (INT64_C(1) << 30);
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    /* C99 division truncates toward zero, as Java's does. */
    return (int32_t)((ab + nudge) / (INT64_C(1) << 31));
}

/* The same rounding without saturation (MIN * MIN wraps to MIN): requantization multipliers are
 * never negative, so it never matters there, and it is one multiply-accumulate cheaper. */
static inline int32_t tx_doubling_high_mul_no_sat(int32_t a, int32_t b)
{
    const int64_t rounded = (int64_t)a * (int64_t)b + (INT64_C(1) << 30);
    return tx_wrap_s32((uint32_t)tx_asr_s64(rounded, 31));
}

/* x / 2^exponent rounded to nearest, ties away from zero; exponent in [0, 31]. */
static inline int32_t tx_rounding_divide_by_pot(int32_t x, int32_t exponent)
{
    const int32_t mask = (int32_t)((UINT32_C(1) << exponent) - UINT32_C(1));
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? INT32_C(1) : INT32_C(0));
    return tx_asr_s32(x, exponent) + (remainder > threshold ? INT32_C(1) : INT32_C(0));
}

/* acc * multiplier * 2^(shift - 31), rounded once to nearest with ties toward +infinity, like
 * CMSIS-NN's arm_nn_requantize built with CMSIS_NN_USE_SINGLE_ROUNDING (and TFLite's
 * TFLITE_SINGLE_ROUNDING). One rounding keeps integer kernels within float rounding noise of
 * ONNX's QDQ semantics; the double-rounding variant differs in about 0.1% of outputs per layer.
 * The rounding is done in 64 bits (the original truncates its doubled intermediate to int32,
 * which flips the sign of results between 2^30 and 2^31). shift in [-31, 30]; results beyond
 * int32 wrap. */
static inline int32_t tx_requantize(int32_t acc, int32_t multiplier, int32_t shift)
{
    const int64_t product = (int64_t)acc * (int64_t)multiplier;
    return tx_wrap_s32((uint32_t)tx_asr_s64(tx_asr_s64(product, INT32_C(30) - shift) + 1, 1));
}

/* acc * reduced_multiplier * 2^(shift - 15), rounded once (ties toward +infinity), like
 * arm_nn_requantize_s64. acc in [-2^47, 2^47), reduced_multiplier in [0, 0x7FFF] (a Q15
 * multiplier), shift in [-31, 7]; results beyond int32 wrap. */
static inline int32_t tx_requantize_s64(int64_t acc, int32_t reduced_multiplier, int32_t shift)
{
    const int64_t product = acc * (int64_t)reduced_multiplier;
    const int32_t truncated = tx_wrap_s32((uint32_t)tx_asr_s64(product, INT32_C(14) - shift));
    return tx_asr_s32(tx_wrap_s32((uint32_t)truncated + UINT32_C(1)), 1);
}

/* Output stage: requantize, add the output zero point (wrapping), clamp to the activation range.
 * [act_min, act_max] lies inside the output type, so the final conversion is exact. */
static inline int8_t tx_requantize_s8(int32_t acc, int32_t multiplier, int32_t shift,
                                      int32_t zero_point, int32_t act_min, int32_t act_max)
{
    const int32_t v = tx_add_wrap_s32(tx_requantize(acc, multiplier, shift), zero_point);
    return (int8_t)tx_clamp_s32(v, act_min, act_max);
}

static inline int16_t tx_requantize_s16(int32_t acc, int32_t multiplier, int32_t shift,
                                        int32_t zero_point, int32_t act_min, int32_t act_max)
{
    const int32_t v = tx_add_wrap_s32(tx_requantize(acc, multiplier, shift), zero_point);
    return (int16_t)tx_clamp_s32(v, act_min, act_max);
}

static inline int16_t tx_requantize_s64_s16(int64_t acc, int32_t reduced_multiplier, int32_t shift,
                                            int32_t zero_point, int32_t act_min, int32_t act_max)
{
    const int32_t v = tx_add_wrap_s32(tx_requantize_s64(acc, reduced_multiplier, shift), zero_point);
    return (int16_t)tx_clamp_s32(v, act_min, act_max);
}

#endif /* TX_FIXED_POINT_H */
