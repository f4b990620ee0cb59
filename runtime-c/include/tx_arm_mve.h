/*
 * tx_arm_mve.h: helpers the Helium (MVE, Cortex-M55) kernels in runtime-c/arm-mve/src share.
 *
 * Only meaningful where the compiler defines __ARM_FEATURE_MVE (integer MVE: bit 0); the kernels
 * test TX_MVE themselves and fall back to portable loops elsewhere, so this header is harmless to
 * include on any target.
 *
 * Why the results are bit-exact with the reference:
 * - VMLADAVA.S8 adds the 16 exact int8 x int8 products to a 32-bit scalar modulo 2^32, which is
 *   the reference's tx_add_wrap_s32 in another order (addition modulo 2^32 ignores order).
 * - The input offset is folded as sum (x + off) * w = sum x * w + off * sum w (modulo 2^32).
 *   Padded taps are filled with the input zero point -off (in [-128, 127], so an int8), whose
 *   (x + off) is 0, so every window can use the whole filter's weight sum.
 * - tx_mve_requantize_s8x4 computes tx_requantize_s8 for shifts <= -1 (see there).
 */
#ifndef TX_ARM_MVE_H
#define TX_ARM_MVE_H

#include <stdint.h>

#if defined(__ARM_FEATURE_MVE) && (__ARM_FEATURE_MVE & 1)
#define TX_MVE 1
#include <arm_mve.h>

#include "tx_fixed_point.h"

/* sum of n int8 values (modulo 2^32). */
static inline int32_t tx_mve_sum_s8(const int8_t *w, int32_t n)
{
    int32_t s = 0;
    int32_t i;
    for (i = 0; i + 16 <= n; i += 16) {
        s = vaddvaq_s8(s, vldrbq_s8(w + i));
    }
    if (i < n) {
        const mve_pred16_t p = vctp8q((uint32_t)(n - i));
        s = vaddvaq_s8(s, vldrbq_z_s8(w + i, p));
    }
    return s;
}

/* acc[k] += sum_i x[i] * w[k * stride + i] for k < 4, i < n (no offset). */
static inline void tx_mve_dot4_s8(const int8_t *x, const int8_t *w, int32_t stride, int32_t n,
                                  int32_t acc[4])
{
    const int8_t *w0 = w;
    const int8_t *w1 = w0 + stride;
    const int8_t *w2 = w1 + stride;
    const int8_t *w3 = w2 + stride;
    int32_t a0 = acc[0];
    int32_t a1 = acc[1];
    int32_t a2 = acc[2];
    int32_t a3 = acc[3];
    int32_t k = n >> 4;
    const int32_t rest = n & 15;
    while (k-- > 0) {
        const int8x16_t xv = vldrbq_s8(x);
        a0 = vmladavaq_s8(a0, xv, vldrbq_s8(w0));
        a1 = vmladavaq_s8(a1, xv, vldrbq_s8(w1));
        a2 = vmladavaq_s8(a2, xv, vldrbq_s8(w2));
        a3 = vmladavaq_s8(a3, xv, vldrbq_s8(w3));
        x += 16;
        w0 += 16;
        w1 += 16;
        w2 += 16;
        w3 += 16;
    }
    if (rest != 0) {
        /* lanes past n load as 0 and read no memory */
        const mve_pred16_t p = vctp8q((uint32_t)rest);
        const int8x16_t xv = vldrbq_z_s8(x, p);
        a0 = vmladavaq_s8(a0, xv, vldrbq_z_s8(w0, p));
        a1 = vmladavaq_s8(a1, xv, vldrbq_z_s8(w1, p));
        a2 = vmladavaq_s8(a2, xv, vldrbq_z_s8(w2, p));
        a3 = vmladavaq_s8(a3, xv, vldrbq_z_s8(w3, p));
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* acc + sum_i x[i] * w[i], i < n (no offset). */
static inline int32_t tx_mve_dot1_s8(const int8_t *x, const int8_t *w, int32_t n, int32_t acc)
{
    int32_t i;
    for (i = 0; i + 16 <= n; i += 16) {
        acc = vmladavaq_s8(acc, vldrbq_s8(x + i), vldrbq_s8(w + i));
    }
    if (i < n) {
        const mve_pred16_t p = vctp8q((uint32_t)(n - i));
        acc = vmladavaq_s8(acc, vldrbq_z_s8(x + i, p), vldrbq_z_s8(w + i, p));
    }
    return acc;
}

/* dst[i] = src[i] for i < n, 16 bytes per step. */
static inline void tx_mve_copy_s8(int8_t *dst, const int8_t *src, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; i += 16) {
        const mve_pred16_t p = vctp8q((uint32_t)(n - i));
        vstrbq_p_s8(dst + i, vldrbq_z_s8(src + i, p), p);
    }
}

/* dst[i] = v for i < n. */
static inline void tx_mve_fill_s8(int8_t *dst, int8_t v, int32_t n)
{
    const int8x16_t vv = vdupq_n_s8(v);
    int32_t i;
    for (i = 0; i < n; i += 16) {
        vstrbq_p_s8(dst + i, vv, vctp8q((uint32_t)(n - i)));
    }
}

/* 1 when every shift[i], i < n, is <= -1 (tx_mve_requantize_s8x4 applies). */
static inline int tx_mve_shifts_negative(const int32_t *shift, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; i++) {
        if (shift[i] >= 0) {
            return 0;
        }
    }
    return 1;
}

/*
 * out[k] = tx_requantize_s8(acc[k], mult[k], shift[k], zp, lo, hi) for k < count (1..4), every
 * shift <= -1. With p = acc * mult and r = 31 - shift >= 32, the reference computes
 * floor((p + 2^(r-1)) / 2^r). For r == 32 that is VRMULH. For r >= 33, write p = hi * 2^32 + lo
 * with hi = floor(p / 2^32) (VMULH) and 0 <= lo < 2^32; as 2^(r-1) is a multiple of 2^32,
 * floor((p + 2^(r-1)) / 2^32) = hi + 2^(r-33), so the result is floor((hi + 2^(q-1)) / 2^q) with
 * q = r - 32 = -1 - shift: VRSHL by -q. |hi| < 2^30, so nothing wraps and the int32 is exact.
 */
static inline void tx_mve_requantize_s8x4(int32x4_t acc, const int32_t *mult, const int32_t *shift,
                                          int32_t zp, int32_t lo, int32_t hi, int8_t *out,
                                          int32_t count)
{
    const mve_pred16_t p = vctp32q((uint32_t)count);
    const int32x4_t m = vldrwq_z_s32(mult, p);
    const int32x4_t s = vldrwq_z_s32(shift, p);
    /* vcmpeqq_n_s32(s, -1) makes GCC 12 fail (internal compiler error in trunc_int_for_mode) */
    const mve_pred16_t r32 = vcmpeqq_s32(s, vdupq_n_s32(-1));
    int32x4_t v = vpselq_s32(vrmulhq_s32(acc, m), vmulhq_s32(acc, m), r32);
    v = vrshlq_s32(v, vaddq_n_s32(s, 1));
    v = vaddq_n_s32(v, zp);
    v = vmaxq_s32(v, vdupq_n_s32(lo));
    v = vminq_s32(v, vdupq_n_s32(hi));
    vstrbq_p_s32(out, v, p);
}
#endif /* MVE */

#endif /* TX_ARM_MVE_H */
