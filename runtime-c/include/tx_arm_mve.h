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
 * - tx_mve_requantize_narrow and _any compute tx_requantize (see there); tx_mve_out4 adds the
 *   zero point modulo 2^32 and clamps, as tx_requantize_s8 does.
 */
#ifndef TX_ARM_MVE_H
#define TX_ARM_MVE_H

#include <stdint.h>

#if defined(__ARM_FEATURE_MVE) && (__ARM_FEATURE_MVE & 1)
#define TX_MVE 1
#include <arm_mve.h>

#include "tx_fixed_point.h"

/*
 * The inner loops are assembly: a low-overhead loop with tail predication (DLSTP.8 / LETP: the
 * last pass enables only the lanes left, whose loads read no memory past n and whose lanes
 * the reductions leave out), loads with post-increment, and each VMLADAVA / VADDVA straight into
 * its accumulator (which must be an even register: hence the register variables). GCC 12's
 * code for the same intrinsics recomputed the row pointers from the stack on every pass, 25
 * instructions a pass where this takes 10. n >= 1 (a kernel's windows and rows are never
 * empty).
 */

/* sum of n int8 values (modulo 2^32). */
static inline int32_t tx_mve_sum_s8(const int8_t *w, int32_t n)
{
    register int32_t s __asm__("r6") = 0;
    __asm__("dlstp.8     lr, %[n]\n"
            "1:\n\t"
            "vldrb.u8    q0, [%[w]], #16\n\t"
            "vaddva.s8   %[s], q0\n\t"
            "letp        lr, 1b"
            : [s] "+r"(s), [w] "+r"(w)
            : [n] "r"(n), "m"(*(const int8_t(*)[])w)
            : "lr", "d0", "d1");
    return s;
}

/* Lanes (a0, a1, a2, a3) as one vector. */
static inline int32x4_t tx_mve_lanes(int32_t a0, int32_t a1, int32_t a2, int32_t a3)
{
    int32x4_t v = vdupq_n_s32(a0);
    v = vsetq_lane_s32(a1, v, 1);
    v = vsetq_lane_s32(a2, v, 2);
    return vsetq_lane_s32(a3, v, 3);
}

/*
 * acc + (x . w_0, x . w_1, x . w_2, x . w_3) over n int8 (no offset), rows w_k = w + k * stride
 * for k < rows and the last row again for k >= rows (1 <= rows <= 4: those lanes are not stored,
 * and no row past the filter's end is read). Every 16 inputs one predicated loop step: lanes past
 * n load as 0 and read no memory. The four sums stay in registers and meet acc once, so the
 * caller's vector never goes through memory.
 */
static inline int32x4_t tx_mve_dot4(const int8_t *x, const int8_t *w, int32_t stride, int32_t n,
                                    int32_t rows, int32x4_t acc)
{
    const int8_t *w0 = w;
    const int8_t *w1 = rows > 1 ? w0 + stride : w0;
    const int8_t *w2 = rows > 2 ? w1 + stride : w1;
    const int8_t *w3 = rows > 3 ? w2 + stride : w2;
    register int32_t a0 __asm__("r6") = 0;
    register int32_t a1 __asm__("r8") = 0;
    register int32_t a2 __asm__("r10") = 0;
    register int32_t a3 __asm__("r12") = 0;
    __asm__("dlstp.8     lr, %[n]\n"
            "1:\n\t"
            "vldrb.u8    q0, [%[x]], #16\n\t"
            "vldrb.u8    q1, [%[w0]], #16\n\t"
            "vldrb.u8    q2, [%[w1]], #16\n\t"
            "vmladava.s8 %[a0], q0, q1\n\t"
            "vldrb.u8    q3, [%[w2]], #16\n\t"
            "vmladava.s8 %[a1], q0, q2\n\t"
            "vldrb.u8    q1, [%[w3]], #16\n\t"
            "vmladava.s8 %[a2], q0, q3\n\t"
            "vmladava.s8 %[a3], q0, q1\n\t"
            "letp        lr, 1b"
            : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [x] "+r"(x),
              [w0] "+r"(w0), [w1] "+r"(w1), [w2] "+r"(w2), [w3] "+r"(w3)
            : [n] "r"(n), "m"(*(const int8_t(*)[])x), "m"(*(const int8_t(*)[])w)
            : "lr", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7");
    return vaddq_s32(acc, tx_mve_lanes(a0, a1, a2, a3));
}

/*
 * tx_mve_dot4 with the input offset off folded in: acc + sum_i (x[i] + off) * w_k[i] (modulo
 * 2^32), as off * (row k's weight sum) + x . w_k: for fully-connected rows, whose sums a call
 * needs once.
 */
static inline int32x4_t tx_mve_dot4_offset(const int8_t *x, const int8_t *w, int32_t stride,
                                           int32_t n, int32_t rows, int32_t off, int32x4_t acc)
{
    const int8_t *w1 = rows > 1 ? w + stride : w;
    const int8_t *w2 = rows > 2 ? w1 + stride : w1;
    const int8_t *w3 = rows > 3 ? w2 + stride : w2;
    const int32x4_t sums = tx_mve_lanes(tx_mve_sum_s8(w, n), tx_mve_sum_s8(w1, n),
                                        tx_mve_sum_s8(w2, n), tx_mve_sum_s8(w3, n));
    /* vmulq wraps modulo 2^32 as tx_wrap_s32 does */
    return tx_mve_dot4(x, w, stride, n, rows, vaddq_s32(acc, vmulq_n_s32(sums, off)));
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

/* 1 when every shift[i], i < n, is <= -1 (tx_mve_requantize_narrow applies). */
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
 * tx_requantize(acc, m, s) per lane for shifts s <= -1. With p = acc * m and r = 31 - s >= 32,
 * the reference computes floor((p + 2^(r-1)) / 2^r). For r == 32 that is VRMULH. For r >= 33,
 * write p = hi * 2^32 + lo with hi = floor(p / 2^32) (VMULH) and 0 <= lo < 2^32; as 2^(r-1) is
 * a multiple of 2^32, floor((p + 2^(r-1)) / 2^32) = hi + 2^(r-33), so the result is
 * floor((hi + 2^(q-1)) / 2^q) with q = r - 32 = -1 - s: VRSHL by -q. |hi| < 2^30, so nothing
 * wraps and the int32 is exact.
 */
static inline int32x4_t tx_mve_requantize_narrow(int32x4_t acc, int32x4_t m, int32x4_t s)
{
    /* vcmpeqq_n_s32(s, -1) makes GCC 12 fail (internal compiler error in trunc_int_for_mode) */
    const mve_pred16_t r32 = vcmpeqq_s32(s, vdupq_n_s32(-1));
    const int32x4_t v = vpselq_s32(vrmulhq_s32(acc, m), vmulhq_s32(acc, m), r32);
    return vrshlq_s32(v, vaddq_n_s32(s, 1));
}

/*
 * tx_requantize(acc, m, s) per lane for every shift s in [-31, 30]. With r = 31 - s, p = hi *
 * 2^32 + lo as above: lanes of r >= 33 as tx_mve_requantize_narrow; for r <= 32,
 * floor((p + 2^(r-1)) / 2^r) = hi * 2^(32-r) + floor((lo + 2^(r-1)) / 2^r), and the last term,
 * lo / 2^r rounded half up, is (lo >> r) + bit r - 1 of lo (unsigned shifts: lo >> 32 is 0).
 * The reference wraps its result to int32, and so do the left shift and the adds here (hi *
 * 2^(32-r) modulo 2^32 is hi << (s + 1)).
 */
static inline int32x4_t tx_mve_requantize_any(int32x4_t acc, int32x4_t m, int32x4_t s)
{
    const int32x4_t hi = vmulhq_s32(acc, m);
    const int32x4_t s1 = vaddq_n_s32(s, 1);
    const uint32x4_t lo = vreinterpretq_u32_s32(vmulq_s32(acc, m));
    const int32x4_t r = vsubq_s32(vdupq_n_s32(31), s);
    const uint32x4_t half = vandq_u32(vshlq_u32(lo, vsubq_s32(vdupq_n_s32(1), r)), vdupq_n_u32(1));
    const uint32x4_t low = vaddq_u32(vshlq_u32(lo, vnegq_s32(r)), half);
    const int32x4_t wide = vaddq_s32(vshlq_s32(hi, s1), vreinterpretq_s32_u32(low));
    /* vcmpltq_n_s32 risks the same GCC 12 failure as vcmpeqq_n_s32 */
    const mve_pred16_t small_r = vcmpgtq_s32(s, vdupq_n_s32(-2));
    return vpselq_s32(wide, vrshlq_s32(hi, s1), small_r);
}

/* The output stage of one call: its tables, output zero point and activation range. */
typedef struct {
    const int32_t *mult;
    const int32_t *shift;
    int32_t zp, lo, hi;
    int narrow; /* every shift <= -1: tx_mve_requantize_narrow */
} tx_mve_out;

static inline void tx_mve_out_init(tx_mve_out *o, const int32_t *mult, const int32_t *shift,
                                   int32_t n, int32_t zp, int32_t lo, int32_t hi)
{
    o->mult = mult;
    o->shift = shift;
    o->zp = zp;
    o->lo = lo;
    o->hi = hi;
    o->narrow = tx_mve_shifts_negative(shift, n);
}

/* out[g + k] = tx_requantize_s8(acc[k], mult[g + k], shift[g + k], zp, lo, hi) for k < count
 * (1 to 4). */
static inline void tx_mve_out4(const tx_mve_out *o, int32x4_t acc, int32_t g, int8_t *out,
                               int32_t count)
{
    const mve_pred16_t p = vctp32q((uint32_t)count);
    const int32x4_t m = vldrwq_z_s32(o->mult + g, p);
    const int32x4_t s = vldrwq_z_s32(o->shift + g, p);
    int32x4_t v = o->narrow ? tx_mve_requantize_narrow(acc, m, s) : tx_mve_requantize_any(acc, m, s);
    v = vaddq_n_s32(v, o->zp);
    v = vmaxq_s32(v, vdupq_n_s32(o->lo));
    v = vminq_s32(v, vdupq_n_s32(o->hi));
    vstrbq_p_s32(out + g, v, p);
}
#endif /* MVE */

#endif /* TX_ARM_MVE_H */
