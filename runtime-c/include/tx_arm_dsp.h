/*
 * tx_arm_dsp.h: the few helpers the Cortex-M DSP-extension kernels (runtime-c/arm-dsp/src) share.
 *
 * Only meaningful where the compiler defines __ARM_FEATURE_DSP (Cortex-M4, M7, M33, M55); the
 * kernels test that macro themselves and fall back to the portable loops elsewhere, so this
 * header is harmless to include on any target.
 *
 * Why the dual 16-bit MACs stay bit-exact with the reference: an int8 value plus an input offset
 * in [-127, 128] lies in [-256, 255], so adding the offset per halfword (SXTAB16: sign-extend two
 * bytes and add, i.e. SXTB16 + SADD16 in one instruction) never wraps, each int16 x int8 product
 * is exact, and SMLAD / SMLABB add to the int32 accumulator modulo 2^32 (they only set the Q flag
 * on overflow), which is the reference's tx_add_wrap_s32 in another order; addition modulo 2^32
 * does not care about order.
 */
#ifndef TX_ARM_DSP_H
#define TX_ARM_DSP_H

#include <stdint.h>

#if defined(__ARM_FEATURE_DSP)
#include <arm_acle.h>
#include <string.h>

#include "tx_fixed_point.h"

/* An assembly (naked) function that takes the addresses of its own labels with ADR. ADR adds to
 * the word-aligned PC, and the assembler resolves it as if the function's section started on a
 * word: at -Os GCC aligns functions to 2 bytes only, and one linked at 2 mod 4 would jump 2 bytes
 * off its labels (into the middle of an instruction). */
#define TX_ASM_ADR_FUNCTION __attribute__((naked, aligned(4)))

/* Four consecutive int8 values as one word (memcpy: no alignment or aliasing assumption; GCC and
 * Clang emit a single LDR, which Cortex-M4/M7/M33 allow unaligned). */
static inline int32_t tx_dsp_load4(const int8_t *p)
{
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Bytes 1 and 3 of v sign-extended to two halfwords: SXTB16 with its rotate operand, which
 * compilers do not fold from a separate rotate (GCC 12 emits ROR + SXTB16). */
static inline int32_t tx_dsp_sxtb16_ror8(int32_t v)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(v));
    return r;
}

/* a + bytes 1 and 3 of v, sign-extended, per halfword (SXTAB16 with its rotate operand). */
static inline int32_t tx_dsp_sxtab16_ror8(int32_t a, int32_t v)
{
    int32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(v));
    return r;
}

/* The input offset in both halfwords, the first operand of SXTAB16. */
static inline int32_t tx_dsp_dup16(int32_t offset)
{
    const uint32_t lo = (uint32_t)offset & UINT32_C(0xFFFF);
    return tx_wrap_s32(lo | (lo << 16));
}

/* The in-bounds kernel taps [*lo, *hi) along one axis for a window starting at x0. */
static inline void tx_dsp_taps(int32_t x0, int32_t k, int32_t dilation, int32_t size, int32_t *lo,
                               int32_t *hi)
{
    int32_t l = 0;
    int32_t h = k;
    while (l < k && x0 + l * dilation < 0) {
        l++;
    }
    while (h > l && x0 + (h - 1) * dilation >= size) {
        h--;
    }
    *lo = l;
    *hi = h;
}

/*
 * acc0 += sum_i (x[i] + offset) * w0[i], acc1 likewise with w1, for i < n: two output channels
 * share every input load and sign extension. off2 = tx_dsp_dup16(offset).
 */
static inline void tx_dsp_dot2_s8(const int8_t *x, const int8_t *w0, const int8_t *w1, int32_t n,
                                  int32_t offset, int32_t off2, int32_t *acc0, int32_t *acc1)
{
    int32_t a0 = *acc0;
    int32_t a1 = *acc1;
    int32_t i = 0;
    for (; i + 3 < n; i += 4) {
        const int32_t xv = tx_dsp_load4(x + i);
        const int32_t x02 = __sxtab16(off2, xv);
        const int32_t x13 = tx_dsp_sxtab16_ror8(off2, xv);
        const int32_t wa = tx_dsp_load4(w0 + i);
        const int32_t wb = tx_dsp_load4(w1 + i);
        a0 = __smlad(x02, __sxtb16(wa), a0);
        a0 = __smlad(x13, tx_dsp_sxtb16_ror8(wa), a0);
        a1 = __smlad(x02, __sxtb16(wb), a1);
        a1 = __smlad(x13, tx_dsp_sxtb16_ror8(wb), a1);
    }
    for (; i < n; i++) {
        const int32_t v = (int32_t)x[i] + offset;
        a0 = tx_add_wrap_s32(a0, v * (int32_t)w0[i]);
        a1 = tx_add_wrap_s32(a1, v * (int32_t)w1[i]);
    }
    *acc0 = a0;
    *acc1 = a1;
}

/*
 * Two output pixels (inputs xa, xb) times two output channels (filters w0, w1) over n elements:
 * acc[0] += xa.w0, acc[1] += xa.w1, acc[2] += xb.w0, acc[3] += xb.w1, every input offset by
 * offset. Each loaded weight serves two pixels and each loaded input two channels.
 */
static inline void tx_dsp_dot2x2_s8(const int8_t *xa, const int8_t *xb, const int8_t *w0,
                                    const int8_t *w1, int32_t n, int32_t offset, int32_t off2,
                                    int32_t acc[4])
{
    int32_t a0 = acc[0];
    int32_t a1 = acc[1];
    int32_t a2 = acc[2];
    int32_t a3 = acc[3];
    int32_t i = 0;
    for (; i + 3 < n; i += 4) {
        const int32_t wa = tx_dsp_load4(w0 + i);
        const int32_t wa02 = __sxtb16(wa);
        const int32_t wa13 = tx_dsp_sxtb16_ror8(wa);
        const int32_t wb = tx_dsp_load4(w1 + i);
        const int32_t wb02 = __sxtb16(wb);
        const int32_t wb13 = tx_dsp_sxtb16_ror8(wb);
        int32_t xv = tx_dsp_load4(xa + i);
        int32_t x02 = __sxtab16(off2, xv);
        int32_t x13 = tx_dsp_sxtab16_ror8(off2, xv);
        a0 = __smlad(x02, wa02, a0);
        a0 = __smlad(x13, wa13, a0);
        a1 = __smlad(x02, wb02, a1);
        a1 = __smlad(x13, wb13, a1);
        xv = tx_dsp_load4(xb + i);
        x02 = __sxtab16(off2, xv);
        x13 = tx_dsp_sxtab16_ror8(off2, xv);
        a2 = __smlad(x02, wa02, a2);
        a2 = __smlad(x13, wa13, a2);
        a3 = __smlad(x02, wb02, a3);
        a3 = __smlad(x13, wb13, a3);
    }
    for (; i < n; i++) {
        const int32_t va = (int32_t)xa[i] + offset;
        const int32_t vb = (int32_t)xb[i] + offset;
        a0 = tx_add_wrap_s32(a0, va * (int32_t)w0[i]);
        a1 = tx_add_wrap_s32(a1, va * (int32_t)w1[i]);
        a2 = tx_add_wrap_s32(a2, vb * (int32_t)w0[i]);
        a3 = tx_add_wrap_s32(a3, vb * (int32_t)w1[i]);
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* acc += sum_i (x[i] + offset) * w[i] for i < n. */
static inline int32_t tx_dsp_dot1_s8(const int8_t *x, const int8_t *w, int32_t n, int32_t offset,
                                     int32_t off2, int32_t acc)
{
    int32_t i = 0;
    for (; i + 3 < n; i += 4) {
        const int32_t xv = tx_dsp_load4(x + i);
        const int32_t wv = tx_dsp_load4(w + i);
        acc = __smlad(__sxtab16(off2, xv), __sxtb16(wv), acc);
        acc = __smlad(tx_dsp_sxtab16_ror8(off2, xv), tx_dsp_sxtb16_ror8(wv), acc);
    }
    for (; i < n; i++) {
        acc = tx_add_wrap_s32(acc, ((int32_t)x[i] + offset) * (int32_t)w[i]);
    }
    return acc;
}
#endif /* __ARM_FEATURE_DSP */

#endif /* TX_ARM_DSP_H */
