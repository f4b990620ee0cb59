/*
 * The cortex-m3 convolution's inner work (runtime-c/arm-scalar/src/tx_conv2d_s8.c): three
 * pixels' int16 columns (tx_scalar_dot.h says what a column holds) by two rows of int8 weights at
 * a time, in assembly, so that each weight load serves three MACs and each column load two.
 *   - tx_scalar_pairs3 runs every pair of output features of a call and their output stage, for
 *     the usual layer: the whole int8 range as activation range (a ReLU whose output zero point
 *     is -128, or none);
 *   - tx_scalar_dot32 runs one pair's sums only, and C their output stage: the other layers, and
 *     an odd last feature (with tx_scalar_dot2 per pixel).
 * Bit-exact with the reference: the sums wrap modulo 2^32 like tx_scalar_dot.h's, and the output
 * stage is tx_scalar_requant.h's: for shifts of -2 and below the product's high word (SMULL), plus
 * 2^(s - 1), shifted right by s = -1 - shift; for the others the 64-bit product plus 2^(r - 1),
 * r = 31 - shift, shifted right by r; plus the zero point, saturated to int8 (SSAT).
 * Static functions: include only from the kernel's source.
 */
#ifndef TX_SCALAR_CONV3_H
#define TX_SCALAR_CONV3_H

#include <stdint.h>

#include "tx_scalar.h"
#include "tx_scalar_dot.h"
#include "tx_scalar_requant.h"

#if defined(__thumb2__)
/* One tap of the dot loop: the two rows' weights (row 1's at r2 = n bytes on), the three pixels'
 * column values (pixel 1's at 2n bytes on, pixel 2's at 4n: the register offset shifted), six
 * MLA. Sums: pixel p's of row j in r4 + 2p + j. */
#define TX_SCALAR_DOT32_TAP                                                                        \
    "ldrsb  r11, [r1, r2]\n\t"                                                                     \
    "ldrsb  r10, [r1], #1\n\t"                                                                     \
    "ldrsh  r12, [r0, r2, lsl #1]\n\t"                                                             \
    "mla    r6, r12, r10, r6\n\t"                                                                  \
    "mla    r7, r12, r11, r7\n\t"                                                                  \
    "ldrsh  r12, [r0, r2, lsl #2]\n\t"                                                             \
    "mla    r8, r12, r10, r8\n\t"                                                                  \
    "mla    r9, r12, r11, r9\n\t"                                                                  \
    "ldrsh  r12, [r0], #2\n\t"                                                                     \
    "mla    r4, r12, r10, r4\n\t"                                                                  \
    "mla    r5, r12, r11, r5\n\t"

/* The dot loop over the n >= 1 taps: col in r0, rows in r1 (left at row 1's start), n in r2,
 * the sums in r4-r9; uses r3 and r10-r12. An odd first tap alone, then two a loop (local
 * labels 8 and 9). */
#define TX_SCALAR_DOT32_LOOP                                                                       \
    "add    r3, r0, r2, lsl #1\n\t"                                                                \
    "tst    r2, #1\n\t"                                                                            \
    "beq    8f\n\t"                                                                                \
    TX_SCALAR_DOT32_TAP                                                                            \
    "cmp    r0, r3\n\t"                                                                            \
    "beq    9f\n"                                                                                  \
    "8:\n\t"                                                                                       \
    TX_SCALAR_DOT32_TAP                                                                            \
    TX_SCALAR_DOT32_TAP                                                                            \
    "cmp    r0, r3\n\t"                                                                            \
    "bne    8b\n"                                                                                  \
    "9:\n\t"

/* s[2 p + j] += (pixel p's column) . (row j): col holds pixel 0's n >= 1 column values, then
 * pixel 1's, then pixel 2's; w row 0's n weights, then row 1's. 11 instructions per tap for six
 * MACs (1.83 per MAC, and the loop's 2 per two taps), with one offset register for everything. */
__attribute__((naked, unused)) static void
tx_scalar_dot32(const int16_t *col __attribute__((unused)), const int8_t *w __attribute__((unused)),
                int32_t n __attribute__((unused)), uint32_t *s __attribute__((unused)))
{
    __asm__(
        "push   {r4-r11, lr}\n\t"
        "mov    lr, r3\n\t"
        "ldm    r3, {r4-r9}\n\t"
        TX_SCALAR_DOT32_LOOP
        "stm    lr, {r4-r9}\n\t"
        "pop    {r4-r11, pc}\n\t");
}

/* What tx_scalar_pairs3 reads; the offsets are the assembly's. */
typedef struct {
    const int16_t *col;         /*  0: the three pixels' columns, as tx_scalar_dot32's */
    const int8_t *w;            /*  4: feature 0's row of n weights, then feature 1's... */
    int32_t n;                  /*  8: taps, at least 1 */
    const int32_t *bias;        /* 12: per feature, or 0 for none */
    const int32_t *multipliers; /* 16 */
    const int32_t *shifts;      /* 20: each in [-31, 30] */
    int32_t zero_point;         /* 24 */
    int8_t *out[3];             /* 28, 32, 36: pixel p's feature 0 (the same place twice for a
                                 * repeated pixel) */
    int32_t end;                /* 40: the features done, even, at least 2 */
} tx_scalar_pairs3_job;

/* One output of a feature whose shift is -2 or below: sum in ACC, multiplier r0, s = -1 - shift
 * in r2, 2^(s - 1) in r3, zero point r1, feature index r12, pixel p's output pointer at job offset
 * OUT: the product's high word (SMULL), plus the rounding term, shifted right by s, plus the zero
 * point, saturated (SSAT), stored: 7 instructions. */
#define TX_SCALAR_PAIRS3_OUT(acc, out)                                                             \
    "smull  r10, r11, " acc ", r0\n\t"                                                             \
    "add    r11, r11, r3\n\t"                                                                      \
    "asr    r11, r11, r2\n\t"                                                                      \
    "add    r11, r11, r1\n\t"                                                                      \
    "ssat   r11, #8, r11\n\t"                                                                      \
    "ldr    r10, [lr, #" out "]\n\t"                                                               \
    "strb   r11, [r10, r12]\n\t"

/* One output of a feature whose shift is -1 or above (r = 31 - shift <= 32): u = 32 - r in r2,
 * 2^(r - 1) in r3: the 64-bit product plus 2^(r - 1) (ADDS, ADC), its bits r to r + 31 (the low
 * word shifted right by r, ACC free after SMULL holding r, ORR the high word shifted left by u;
 * tx_requantize's result modulo 2^32), plus the zero point, saturated, stored: 11 instructions. */
#define TX_SCALAR_PAIRS3_OUT_WIDE(acc, out)                                                        \
    "smull  r10, r11, " acc ", r0\n\t"                                                             \
    "adds   r10, r10, r3\n\t"                                                                      \
    "adc    r11, r11, #0\n\t"                                                                      \
    "lsl    r11, r11, r2\n\t"                                                                      \
    "rsb    " acc ", r2, #32\n\t"                                                                  \
    "lsr    r10, r10, " acc "\n\t"                                                                 \
    "orr    r11, r11, r10\n\t"                                                                     \
    "add    r11, r11, r1\n\t"                                                                      \
    "ssat   r11, #8, r11\n\t"                                                                      \
    "ldr    r10, [lr, #" out "]\n\t"                                                               \
    "strb   r11, [r10, r12]\n\t"

/* Feature r12's multiplier and shift, then its three outputs (sums A0, A1, A2) by the high word
 * (shift -2 or below: s and the rounding term) or the 64-bit sum (local labels 4 and 5). */
#define TX_SCALAR_PAIRS3_FEATURE(a0, a1, a2)                                                       \
    "ldr    r0, [lr, #16]\n\t"                                                                     \
    "ldr    r0, [r0, r12, lsl #2]\n\t"                                                             \
    "ldr    r2, [lr, #20]\n\t"                                                                     \
    "ldr    r2, [r2, r12, lsl #2]\n\t"                                                             \
    "cmn    r2, #1\n\t"                                                                            \
    "bge    4f\n\t"                                                                                \
    "mvn    r2, r2\n\t"                                                                            \
    "movs   r3, #1\n\t"                                                                            \
    "lsl    r3, r3, r2\n\t"                                                                        \
    "lsr    r3, r3, #1\n\t"                                                                        \
    TX_SCALAR_PAIRS3_OUT(a0, "28")                                                                 \
    TX_SCALAR_PAIRS3_OUT(a1, "32")                                                                 \
    TX_SCALAR_PAIRS3_OUT(a2, "36")                                                                 \
    "b      5f\n"                                                                                   \
    "4:\n\t"                                                                                        \
    "add    r2, r2, #1\n\t"                                                                        \
    "mov    r3, #0x80000000\n\t"                                                                   \
    "lsr    r3, r3, r2\n\t"                                                                        \
    TX_SCALAR_PAIRS3_OUT_WIDE(a0, "28")                                                            \
    TX_SCALAR_PAIRS3_OUT_WIDE(a1, "32")                                                            \
    TX_SCALAR_PAIRS3_OUT_WIDE(a2, "36")                                                            \
    "5:\n\t"

/* Output features [0, job->end) of the three pixels, two at a time: the sums start at the bias,
 * the dot loop, then the two features' output stage, about 60 instructions for six outputs (the
 * C one took about 150). The feature index and the next pair's rows wait on the stack while the
 * loop takes every register. */
__attribute__((naked, unused)) static void
tx_scalar_pairs3(const tx_scalar_pairs3_job *job __attribute__((unused)))
{
    __asm__(
        "push   {r4-r11, lr}\n\t"
        "sub    sp, sp, #8\n\t"
        "mov    lr, r0\n\t"
        "movs   r12, #0\n\t"
        "ldr    r1, [lr, #4]\n\t"
        "ldr    r2, [lr, #8]\n"
        "1:\n\t"
        "str    r12, [sp, #0]\n\t"
        "ldr    r3, [lr, #12]\n\t"
        "cbz    r3, 2f\n\t"
        "add    r3, r3, r12, lsl #2\n\t"
        "ldrd   r4, r5, [r3]\n\t"
        "b      3f\n"
        "2:\n\t"
        "movs   r4, #0\n\t"
        "movs   r5, #0\n"
        "3:\n\t"
        "mov    r6, r4\n\t"
        "mov    r7, r5\n\t"
        "mov    r8, r4\n\t"
        "mov    r9, r5\n\t"
        "ldr    r0, [lr, #0]\n\t"
        TX_SCALAR_DOT32_LOOP
        "add    r1, r1, r2\n\t"
        "str    r1, [sp, #4]\n\t"
        "ldr    r12, [sp, #0]\n\t"
        "ldr    r1, [lr, #24]\n\t"
        TX_SCALAR_PAIRS3_FEATURE("r4", "r6", "r8")
        "add    r12, r12, #1\n\t"
        TX_SCALAR_PAIRS3_FEATURE("r5", "r7", "r9")
        "add    r12, r12, #1\n\t"
        "ldr    r1, [sp, #4]\n\t"
        "ldr    r2, [lr, #8]\n\t"
        "ldr    r3, [lr, #40]\n\t"
        "cmp    r12, r3\n\t"
        "blt    1b\n\t"
        "add    sp, sp, #8\n\t"
        "pop    {r4-r11, pc}\n\t");
}

/* Output features [0, count) of three pixels' columns (col: pixel 0's n values, then pixel 1's,
 * then pixel 2's) into out[0], out[1] and out[2] (the same place twice for a repeated pixel).
 * full_range: the activation range is all of int8, so that tx_scalar_pairs3 takes the pairs of
 * features; else tx_scalar_dot32 and the C output stage; an odd last feature by tx_scalar_dot2
 * per pixel. */
TX_SCALAR_LOOP void tx_scalar_features3(const int16_t *col, int32_t n, const int8_t *w,
                                        int32_t count, const int32_t *bias,
                                        const int32_t *multipliers, const int32_t *shifts,
                                        int32_t zp, int32_t act_min, int32_t act_max, int full_range,
                                        int8_t *const *out)
{
    int32_t o = 0;
    int32_t q;
    uint32_t s[6];
    if (TX_SCALAR_FAST_CODE && full_range && count >= 2) {
        tx_scalar_pairs3_job job = {col, w, n, bias, multipliers, shifts, zp,
                                    {out[0], out[1], out[2]}, count & ~INT32_C(1)};
        tx_scalar_pairs3(&job);
        o = job.end;
        w += o * n;
    }
    for (; o + 2 <= count; o += 2) {
        tx_scalar_start(bias, o, 2, s);
        s[2] = s[0];
        s[3] = s[1];
        s[4] = s[0];
        s[5] = s[1];
        tx_scalar_dot32(col, w, n, s);
        tx_scalar_requantize3_s8(s, multipliers[o], shifts[o], zp, act_min, act_max, out, o);
        tx_scalar_requantize3_s8(s + 1, multipliers[o + 1], shifts[o + 1], zp, act_min, act_max,
                                 out, o + 1);
        w += 2 * n;
    }
    if (o < count) {
        for (q = 0; q < 3; q++) {
            tx_scalar_start(bias, o, 1, s + 2 * q);
            s[2 * q + 1] = 0u;
            tx_scalar_dot2(col + q * n, w, w, n, s + 2 * q);
        }
        tx_scalar_requantize3_s8(s, multipliers[o], shifts[o], zp, act_min, act_max, out, o);
    }
}
#endif

#endif /* TX_SCALAR_CONV3_H */
