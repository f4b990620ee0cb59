/*
 * Dot products of an int16 column (inputs with the input offset already added, 0 for padding)
 * with int8 weight rows, for the scalar Cortex-M variants (runtime-c/arm-scalar: cores without
 * the DSP extension, cortex-m0 and cortex-m3). Plain C99 that GCC turns into LDRSH/LDRSB and
 * MLA (Thumb-2) or MULS/ADDS (Thumb-1); the rows of one pass (four on cortex-m3, two on
 * cortex-m0) share each load of the column.
 * Bit-exact with the reference loops: each product of an int16 column value (|v| <= 255) and an
 * int8 weight fits int32, and the sums wrap modulo 2^32 in uint32_t as tx_add_wrap_s32 does.
 * Static functions: include only from a kernel's source.
 */
#ifndef TX_SCALAR_DOT_H
#define TX_SCALAR_DOT_H

#include <stdint.h>

#include "tx_fixed_point.h"
#include "tx_scalar.h"
#include "tx_scalar_requant.h"

/* s[0] += col . w0 and s[1] += col . w1 over n values. */
TX_SCALAR_LOOP void tx_scalar_dot2(const int16_t *col, const int8_t *w0, const int8_t *w1,
                                   int32_t n, uint32_t *s)
{
    uint32_t a0 = s[0];
    uint32_t a1 = s[1];
    int32_t k = n >> 2;
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
TX_SCALAR_LOOP void tx_scalar_dot4(const int16_t *col, const int8_t *w, int32_t n, uint32_t *s)
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

/* Output features [0, count) of one row: rows of n weights one after the other (w), per
 * feature bias (or none), multiplier and shift; out[o] gets feature o. Groups of four features
 * on cortex-m3 (four sums, four row pointers and the column in registers), of two on cortex-m0;
 * a lone last feature is a pair of the same row. */
TX_SCALAR_LOOP void tx_scalar_features(const int16_t *col, int32_t n, const int8_t *w,
                                       int32_t count, const int32_t *bias,
                                       const int32_t *multipliers, const int32_t *shifts,
                                       int32_t zp, int32_t act_min, int32_t act_max, int8_t *out)
{
    int32_t o = 0;
    uint32_t s[4];
    while (o < count) {
        int32_t group = count - o >= 2 ? 2 : 1;
        int32_t j;
#if defined(__thumb2__)
        group = count - o >= 4 ? 4 : group;
#endif
        for (j = 0; j < group; j++) {
            s[j] = bias != 0 ? (uint32_t)bias[o + j] : 0u;
        }
#if defined(__thumb2__)
        if (group == 4) {
            tx_scalar_dot4(col, w, n, s);
        } else
#endif
        {
            tx_scalar_dot2(col, w, group == 2 ? w + n : w, n, s);
        }
        for (j = 0; j < group; j++) {
            out[o + j] = tx_scalar_requantize_s8(tx_wrap_s32(s[j]), multipliers[o + j],
                                                 shifts[o + j], zp, act_min, act_max);
        }
        w += group * n;
        o += group;
    }
}

#endif /* TX_SCALAR_DOT_H */
