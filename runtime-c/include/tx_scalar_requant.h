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
 * Static functions: include only from a kernel's source.
 */
#ifndef TX_SCALAR_REQUANT_H
#define TX_SCALAR_REQUANT_H

#include <stdint.h>

#include "tx_fixed_point.h"

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

/* tx_requantize_s8, the same bits. */
static inline int8_t tx_scalar_requantize_s8(int32_t acc, int32_t multiplier, int32_t shift,
                                             int32_t zero_point, int32_t act_min,
                                             int32_t act_max)
{
    int32_t v;
    if (shift <= -2) {
        const int32_t s = -1 - shift;
        v = tx_asr_s32(tx_scalar_mul_hi(acc, multiplier) + (INT32_C(1) << (s - 1)), s) + zero_point;
#if defined(__thumb2__)
    } else if (shift == -1) {
        /* r = 32: the rounding bit is the low word's top, SMULL then ADDS and ADC */
        v = (int32_t)tx_asr_s64((int64_t)acc * (int64_t)multiplier + (INT64_C(1) << 31), 32)
            + zero_point;
#endif
    } else {
        v = tx_add_wrap_s32(tx_requantize(acc, multiplier, shift), zero_point);
    }
    return (int8_t)tx_clamp_s32(v, act_min, act_max);
}

#endif /* TX_SCALAR_REQUANT_H */
