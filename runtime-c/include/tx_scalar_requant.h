/*
 * The output stage of the scalar Cortex-M variants (runtime-c/arm-scalar), bit-exact with
 * tx_requantize_s8 (tx_fixed_point.h) and cheaper for the usual shifts:
 *
 * tx_requantize(acc, m, shift) = floor((floor(P / 2^(r - 1)) + 1) / 2) with P = acc * m and
 * r = 31 - shift, which is floor((P + 2^(r - 1)) / 2^r) (for integers x and a > 0,
 * floor((floor(x / a) + 1) / 2) = floor((x + a) / 2a)). Write P = hi * 2^32 + lo with
 * 0 <= lo < 2^32. For shift <= -2 (r >= 33), 2^(r - 1) = 2^(r - 33) * 2^32, so
 *   floor((P + 2^(r - 1)) / 2^r) = floor((hi + 2^(r - 33) + lo / 2^32) / 2^(r - 32))
 *                                = floor((hi + 2^(r - 33)) / 2^(r - 32)),
 * as adding a fraction below 1 to an integer never reaches the next multiple of 2^(r - 32):
 * only the high word of the product is needed, then a rounding add and an arithmetic shift.
 * |hi| < 2^30 (|acc| <= 2^31, m < 2^31), so the add cannot overflow. For shift -1 (r = 32) the
 * same sum is floor((P + 2^31) / 2^32), one 64-bit add (on cortex-m3; cortex-m0 would call the
 * 64-bit multiply for it). Other shifts take tx_requantize.
 *
 * The high word: Thumb-2 cores (cortex-m3) multiply into 64 bits with one SMULL; cortex-m0 has
 * only a 32-bit multiply, and GCC's 64-bit product is a call of __aeabi_lmul (a 64 x 64
 * multiply), so there it comes from four 16 x 16 products (Hacker's Delight, mulhs), each of
 * which fits int32 with the sums below.
 * Static functions (tx_scalar_requantize_wide one copy a build, TX_SCALAR_SHARED): include only
 * from a kernel's source.
 */
#ifndef TX_SCALAR_REQUANT_H
#define TX_SCALAR_REQUANT_H

#include <stdint.h>

#include "tx_fixed_point.h"
#include "tx_scalar.h"

/* floor(a * b / 2^32). */
static inline int32_t tx_scalar_mul_hi(int32_t a, int32_t b)
{
#if defined(__thumb2__)
    return (int32_t)tx_asr_s64((int64_t)a * (int64_t)b, 32);
#else
    const int32_t a0 = (int32_t)((uint32_t)a & UINT32_C(0xFFFF));
    const int32_t a1 = tx_asr_s32(a, 16);
    const int32_t b0 = (int32_t)((uint32_t)b & UINT32_C(0xFFFF));
    const int32_t b1 = tx_asr_s32(b, 16);
    /* a0 * b0 < 2^32: as uint32_t */
    const uint32_t w0 = (uint32_t)a0 * (uint32_t)b0;
    /* |a1 * b0| <= 2^15 (2^16 - 1), plus less than 2^16 */
    const int32_t t = a1 * b0 + (int32_t)(w0 >> 16);
    /* a0 * b1 < 2^16 * 2^15, plus less than 2^16 */
    const int32_t w1 = a0 * b1 + (int32_t)((uint32_t)t & UINT32_C(0xFFFF));
    return a1 * b1 + tx_asr_s32(t, 16) + tx_asr_s32(w1, 16);
#endif
}

/* v clamped to int8: one SSAT on Thumb-2 (ARMv7-M has it without the DSP extension). */
static inline int32_t tx_scalar_sat8(int32_t v)
{
#if defined(__thumb2__)
    int32_t r;
    __asm__("ssat %0, #8, %1" : "=r"(r) : "r"(v));
    return r;
#else
    return tx_clamp_s32(v, -128, 127);
#endif
}

/* tx_requantize(acc, multiplier, shift) + zero_point for shifts of -1 and above: out of line,
 * as these shifts are rare (a real multiplier of 1/4 or more) and their code long. */
TX_SCALAR_SHARED int32_t tx_scalar_requantize_wide(int32_t acc, int32_t multiplier, int32_t shift,
                                                 int32_t zero_point)
{
#if defined(__thumb2__)
    if (shift == -1) {
        /* r = 32: the rounding bit is the low word's top, SMULL then ADDS and ADC */
        return (int32_t)tx_asr_s64((int64_t)acc * (int64_t)multiplier + (INT64_C(1) << 31), 32)
               + zero_point;
    }
#endif
    return tx_add_wrap_s32(tx_requantize(acc, multiplier, shift), zero_point);
}

/* tx_requantize_s8, the same bits. */
static inline int8_t tx_scalar_requantize_s8(int32_t acc, int32_t multiplier, int32_t shift,
                                             int32_t zero_point, int32_t act_min,
                                             int32_t act_max)
{
    int32_t v;
    if (shift <= -2) {
        const int32_t s = -1 - shift;
        v = tx_asr_s32(tx_scalar_mul_hi(acc, multiplier) + (INT32_C(1) << (s - 1)), s) + zero_point;
    } else {
        v = tx_scalar_requantize_wide(acc, multiplier, shift, zero_point);
    }
    return (int8_t)tx_clamp_s32(v, act_min, act_max);
}

/* The output stage of two sums of one channel (two pixels' outputs): its multiplier and shift
 * tested and turned into the rounding term once. */
static inline void tx_scalar_requantize2_s8(int32_t acc0, int32_t acc1, int32_t multiplier,
                                            int32_t shift, int32_t zero_point, int32_t act_min,
                                            int32_t act_max, int8_t *out0, int8_t *out1)
{
    if (shift <= -2) {
        const int32_t s = -1 - shift;
        const int32_t round = INT32_C(1) << (s - 1);
        const int32_t v0 = tx_asr_s32(tx_scalar_mul_hi(acc0, multiplier) + round, s) + zero_point;
        const int32_t v1 = tx_asr_s32(tx_scalar_mul_hi(acc1, multiplier) + round, s) + zero_point;
        *out0 = (int8_t)tx_clamp_s32(v0, act_min, act_max);
        *out1 = (int8_t)tx_clamp_s32(v1, act_min, act_max);
    } else {
        *out0 = tx_scalar_requantize_s8(acc0, multiplier, shift, zero_point, act_min, act_max);
        *out1 = tx_scalar_requantize_s8(acc1, multiplier, shift, zero_point, act_min, act_max);
    }
}

/* The output stage of three sums of one channel (three pixels' outputs, acc[0], acc[2] and
 * acc[4]), as tx_scalar_requantize2_s8 does for two; out[q] points at pixel q's channel. */
static inline void tx_scalar_requantize3_s8(const uint32_t *acc, int32_t multiplier, int32_t shift,
                                            int32_t zero_point, int32_t act_min, int32_t act_max,
                                            int8_t *const *out, int32_t j)
{
    int32_t q;
    if (shift <= -2) {
        const int32_t s = -1 - shift;
        const int32_t round = INT32_C(1) << (s - 1);
        for (q = 0; q < 3; q++) {
            const int32_t v =
                tx_asr_s32(tx_scalar_mul_hi(tx_wrap_s32(acc[2 * q]), multiplier) + round, s)
                + zero_point;
            out[q][j] = (int8_t)tx_clamp_s32(v, act_min, act_max);
        }
    } else {
        for (q = 0; q < 3; q++) {
            out[q][j] = tx_scalar_requantize_s8(tx_wrap_s32(acc[2 * q]), multiplier, shift,
                                                zero_point, act_min, act_max);
        }
    }
}

/* Whether the output stage of every one of n channels takes the product's high word alone
 * (each shift -2 or below): the case the cortex-m0 pairs' assembly stage handles
 * (tx_scalar_pairs_m0.h). */
static inline int tx_scalar_high_word(const int32_t *shifts, int32_t n)
{
    int32_t j;
    for (j = 0; j < n; j++) {
        if (shifts[j] > -2) {
            return 0;
        }
    }
    return 1;
}

/* Whether the output stage of every one of n channels takes the high word and saturates to
 * int8 alone (the activation range is all of int8): the case the 3x3 depthwise assembly's output
 * stage handles (tx_scalar_dw3.h); never when it is left out (TX_SCALAR_FAST_CODE). */
static inline int tx_scalar_narrow(const int32_t *shifts, int32_t n, int32_t act_min,
                                   int32_t act_max)
{
    return TX_SCALAR_FAST_CODE && act_min == -128 && act_max == 127
           && tx_scalar_high_word(shifts, n);
}

/* n channels' output stage of two pixels: sums s0[j] and s1[j] of channel j into out0[j] and
 * out1[j]. The activation range that is the whole of int8 (a ReLU whose output zero point is
 * -128, or none) gets its own loop, whose clamp is one SSAT on cortex-m3. */
static inline void tx_scalar_outputs2(const uint32_t *s0, const uint32_t *s1, int32_t n,
                                      const int32_t *multipliers, const int32_t *shifts,
                                      int32_t zero_point, int32_t act_min, int32_t act_max,
                                      int8_t *out0, int8_t *out1)
{
    int32_t j;
    if (act_min == -128 && act_max == 127) {
        for (j = 0; j < n; j++) {
            const int32_t shift = shifts[j];
            if (shift <= -2) {
                const int32_t s = -1 - shift;
                const int32_t round = INT32_C(1) << (s - 1);
                out0[j] = (int8_t)tx_scalar_sat8(
                    tx_asr_s32(tx_scalar_mul_hi(tx_wrap_s32(s0[j]), multipliers[j]) + round, s)
                    + zero_point);
                out1[j] = (int8_t)tx_scalar_sat8(
                    tx_asr_s32(tx_scalar_mul_hi(tx_wrap_s32(s1[j]), multipliers[j]) + round, s)
                    + zero_point);
            } else {
                tx_scalar_requantize2_s8(tx_wrap_s32(s0[j]), tx_wrap_s32(s1[j]), multipliers[j],
                                         shift, zero_point, -128, 127, out0 + j, out1 + j);
            }
        }
    } else {
        for (j = 0; j < n; j++) {
            tx_scalar_requantize2_s8(tx_wrap_s32(s0[j]), tx_wrap_s32(s1[j]), multipliers[j],
                                     shifts[j], zero_point, act_min, act_max, out0 + j, out1 + j);
        }
    }
}

#endif /* TX_SCALAR_REQUANT_H */
