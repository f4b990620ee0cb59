/*
 * Dot products of int16 columns (inputs with the input offset already added, 0 for padding) with
 * int8 weight rows, and the output features they give, for the scalar Cortex-M variants
 * (runtime-c/arm-scalar: cores without the DSP extension, cortex-m0 and cortex-m3). A pass shares
 * each load among several MACs:
 *   - cortex-m3: one pixel by four rows (tx_scalar_dot4, C that GCC turns into LDRSH, four LDRSB
 *     and four MLA a tap, the fully-connected layer); the convolution's three pixels by two rows
 *     are in tx_scalar_conv3.h;
 *   - cortex-m0: one pixel by two rows (tx_scalar_dot2_m0, Thumb-1 assembly);
 *   - elsewhere (the host cross-checks) and for unaligned columns: tx_scalar_dot2 in C.
 * Bit-exact with the reference loops: each product of an int16 column value (|v| <= 255) and an
 * int8 weight fits int32, and the sums wrap modulo 2^32 in uint32_t as tx_add_wrap_s32 does.
 * Static functions, but for the ones that several kernels call (TX_SCALAR_SHARED, one copy a
 * build): include only from a kernel's source.
 */
#ifndef TX_SCALAR_DOT_H
#define TX_SCALAR_DOT_H

#include <stdint.h>

#include "tx_fixed_point.h"
#include "tx_scalar.h"
#include "tx_scalar_quads_m0.h"
#include "tx_scalar_requant.h"

#if defined(__ARM_ARCH_6M__)
/* cortex-m0: io[0] += col . w0 and io[1] += col . w1 over io[2] >= 1 values, col word aligned.
 * Two taps a loop in 18 instructions (4.5 per MAC; GCC's loop takes 7.6: TX_SCALAR_M0_TWO_TAPS
 * of tx_scalar_pairs_m0.h, the rows indexed from their ends with a negative index); an odd last
 * tap after the loop. For the pairs of features whose output stage the C does (shifts of -1 and
 * above, unaligned columns, builds for size). */
TX_SCALAR_SHARED_ASM void
tx_scalar_dot2_m0(const int16_t *col __attribute__((unused)),
                  const int8_t *w0 __attribute__((unused)),
                  const int8_t *w1 __attribute__((unused)), uint32_t *io __attribute__((unused)))
{
    __asm__(
        ".syntax unified\n\t"
        "push   {r4-r7, lr}\n\t"
        "mov    r4, r8\n\t"
        "mov    r5, r9\n\t"
        "push   {r3, r4, r5}\n\t"
        "ldr    r4, [r3, #0]\n\t"
        "mov    r8, r4\n\t"
        "ldr    r4, [r3, #4]\n\t"
        "mov    r9, r4\n\t"
        "ldr    r4, [r3, #8]\n\t"
        "lsrs   r4, r4, #1\n\t"
        "beq    2f\n\t"
        "lsls   r4, r4, #1\n\t"
        "adds   r1, r1, r4\n\t"
        "adds   r2, r2, r4\n\t"
        "rsbs   r3, r4, #0\n"
        "1:\n\t"
        TX_SCALAR_M0_TWO_TAPS
        "bne    1b\n"
        "2:\n\t"
        "ldr    r3, [sp, #0]\n\t"
        "ldr    r4, [r3, #8]\n\t"
        "lsrs   r4, r4, #1\n\t"
        "bcc    3f\n\t"
        TX_SCALAR_M0_LAST_TAP
        "3:\n\t"
        "pop    {r3, r4, r5}\n\t"
        "mov    r6, r8\n\t"
        "str    r6, [r3, #0]\n\t"
        "mov    r6, r9\n\t"
        "str    r6, [r3, #4]\n\t"
        "mov    r8, r4\n\t"
        "mov    r9, r5\n\t"
        "pop    {r4-r7, pc}\n\t");
}
#endif

/* s[0] += col . w0 and s[1] += col . w1 over n values. */
TX_SCALAR_SHARED void tx_scalar_dot2(const int16_t *col, const int8_t *w0, const int8_t *w1,
                                   int32_t n, uint32_t *s)
{
    uint32_t a0;
    uint32_t a1;
    int32_t k;
#if defined(__ARM_ARCH_6M__)
    if (n >= 1 && ((uintptr_t)col & 3u) == 0u) {
        uint32_t io[3];
        io[0] = s[0];
        io[1] = s[1];
        io[2] = (uint32_t)n;
        tx_scalar_dot2_m0(col, w0, w1, io);
        s[0] = io[0];
        s[1] = io[1];
        return;
    }
#endif
    a0 = s[0];
    a1 = s[1];
    k = n >> 2;
    while (k-- > 0) {
        const int32_t x0 = col[0];
        const int32_t x1 = col[1];
        const int32_t x2 = col[2];
        const int32_t x3 = col[3];
        a0 += (uint32_t)(x0 * w0[0]);
        a1 += (uint32_t)(x0 * w1[0]);
        a0 += (uint32_t)(x1 * w0[1]);
        a1 += (uint32_t)(x1 * w1[1]);
        a0 += (uint32_t)(x2 * w0[2]);
        a1 += (uint32_t)(x2 * w1[2]);
        a0 += (uint32_t)(x3 * w0[3]);
        a1 += (uint32_t)(x3 * w1[3]);
        col += 4;
        w0 += 4;
        w1 += 4;
    }
    k = n & 3;
    while (k-- > 0) {
        const int32_t x = *col++;
        a0 += (uint32_t)(x * *w0++);
        a1 += (uint32_t)(x * *w1++);
    }
    s[0] = a0;
    s[1] = a1;
}

#if defined(__thumb2__)
/* s[j] += col . (row j) for the four rows of n weights from w, one after the other. */
TX_SCALAR_SHARED void tx_scalar_dot4(const int16_t *col, const int8_t *w, int32_t n, uint32_t *s)
{
    const int8_t *w1 = w + n;
    const int8_t *w2 = w1 + n;
    const int8_t *w3 = w2 + n;
    const int16_t *end = col + n;
    uint32_t a0 = s[0];
    uint32_t a1 = s[1];
    uint32_t a2 = s[2];
    uint32_t a3 = s[3];
    /* not unrolled: GCC then keeps everything in registers and post-increments the pointers
     * (LDRSH, four LDRSB and four MLA a tap on cortex-m3) */
    while (col < end) {
        const int32_t x = *col++;
        a0 += (uint32_t)(x * *w++);
        a1 += (uint32_t)(x * *w1++);
        a2 += (uint32_t)(x * *w2++);
        a3 += (uint32_t)(x * *w3++);
    }
    s[0] = a0;
    s[1] = a1;
    s[2] = a2;
    s[3] = a3;
}
#endif

/* n int8 values plus offset as int16 (|value| <= 255). */
static inline void tx_scalar_widen(const int8_t *x, int32_t offset, int16_t *col, int32_t n)
{
    while (n-- > 0) {
        *col++ = (int16_t)((int32_t)*x++ + offset);
    }
}

/* The sums' start of features o .. o + count - 1: their bias, or 0 without one. */
static inline void tx_scalar_start(const int32_t *bias, int32_t o, int32_t count, uint32_t *s)
{
    int32_t j;
    for (j = 0; j < count; j++) {
        s[j] = bias != 0 ? (uint32_t)bias[o + j] : 0u;
    }
}

/* The output stage of features o .. o + count - 1. */
static inline void tx_scalar_outputs(const uint32_t *s, int32_t o, int32_t count,
                                     const int32_t *multipliers, const int32_t *shifts,
                                     int32_t zp, int32_t act_min, int32_t act_max, int8_t *out)
{
    int32_t j;
    for (j = 0; j < count; j++) {
        out[o + j] = tx_scalar_requantize_s8(tx_wrap_s32(s[j]), multipliers[o + j], shifts[o + j],
                                             zp, act_min, act_max);
    }
}

/* Output features [0, count) of one row: rows of n weights one after the other (w), per
 * feature bias (or none), multiplier and shift; out[o] gets feature o. Groups of four features
 * on cortex-m3 (four sums, four row pointers and the column in registers), of two on cortex-m0;
 * a lone last feature is a pair of the same row. The group sizes are constants in each loop, so
 * that GCC unrolls the start and the output stage. high_word: every shift is -2 or below
 * (tx_scalar_high_word, once a call), which on cortex-m0 runs the features in assembly, four or
 * two at a time (tx_scalar_quads_m0.h), when the column is word aligned. */
TX_SCALAR_SHARED void tx_scalar_features(const int16_t *col, int32_t n, const int8_t *w,
                                       int32_t count, const int32_t *bias,
                                       const int32_t *multipliers, const int32_t *shifts,
                                       int32_t zp, int32_t act_min, int32_t act_max,
                                       int high_word, int8_t *out)
{
    int32_t o = 0;
    uint32_t s[4];
#if defined(__ARM_ARCH_6M__)
    if (TX_SCALAR_FAST_CODE && high_word && count >= 2 && n >= 1
        && ((uintptr_t)col & 3u) == 0u) {
        tx_scalar_groups_m0_jobs jobs;
        tx_scalar_groups_m0_init(&jobs, bias, multipliers, shifts, zp, act_min, act_max, n, count);
        o = tx_scalar_groups_m0(col, w, out, &jobs);
        w += o * n;
    }
#else
    (void)high_word;
#endif
#if defined(__thumb2__)
    for (; o + 4 <= count; o += 4) {
        tx_scalar_start(bias, o, 4, s);
        tx_scalar_dot4(col, w, n, s);
        tx_scalar_outputs(s, o, 4, multipliers, shifts, zp, act_min, act_max, out);
        w += 4 * n;
    }
#endif
    for (; o + 2 <= count; o += 2) {
        tx_scalar_start(bias, o, 2, s);
        tx_scalar_dot2(col, w, w + n, n, s);
        tx_scalar_outputs(s, o, 2, multipliers, shifts, zp, act_min, act_max, out);
        w += 2 * n;
    }
    if (o < count) {
        tx_scalar_start(bias, o, 1, s);
        s[1] = 0u;
        tx_scalar_dot2(col, w, w, n, s);
        tx_scalar_outputs(s, o, 1, multipliers, shifts, zp, act_min, act_max, out);
    }
}

#endif /* TX_SCALAR_DOT_H */
