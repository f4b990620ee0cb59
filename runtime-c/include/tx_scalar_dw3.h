/*
 * The 3x3 depthwise block of the scalar cortex-m3 variant (runtime-c/arm-scalar/src/
 * tx_depthwise_conv2d_s8.c): two output pixels by four channels whose windows share their
 * in-bounds rectangle (1 to 3 rows of 2 or 3 taps), in one pass of assembly.
 *
 * Why: the per-pixel loop (dw_quad) spends 18 instructions per tap on four MACs (4 LDRSB of
 * inputs, 4 of weights, 4 MLA, 2 loads and 2 adds of its steps table, the loop), 4.5 per MAC.
 * Here each weight load serves both pixels and the taps are unrolled with the steps in
 * registers: 20 instructions per tap for eight MACs (4 LDRSB of weights, 8 of inputs, 8 MLA),
 * 2.5 per MAC, plus 8 pointer steps per 3x3 window.
 *
 * Registers: r0 the input (pixel A; pixel B is r2 bytes on, a register offset: the next pixel
 * along a row or down a column, or 0 for a pixel alone), r1 the weights, r3 the column step
 * (dilation_w * ch), r4-r7 pixel A's four sums, r8-r11 pixel B's, r12 and lr the loaded input
 * and weight. The input pointer takes each tap's four channels with writeback, alternately
 * downwards (pre-decrement from the tap + 4: channels 3, 2, 1, 0) and upwards (post-increment
 * from the tap: 0, 1, 2, 3), so that a column step lands exactly on the next tap's start and no
 * other add is needed; tx_scalar_dw3_weights lays the weights out in the same order. The row
 * step is on the stack.
 * Bit-exact: each product of an int8 input and weight fits int32 and MLA's sums wrap modulo 2^32
 * as the reference's do; the caller folds the input offset into the sums' start (bias + offset *
 * the rectangle's weights' sum: sum (x + offset) w = sum x w + offset sum w), so that only
 * in-bounds taps are read and the padded ones add nothing, as the reference's skipping.
 * Static functions: include only from that kernel's source, on Thumb-2 (__thumb2__).
 */
#ifndef TX_SCALAR_DW3_H
#define TX_SCALAR_DW3_H

#include <stdint.h>
#include <string.h>

#include "tx_scalar.h"

/* Bytes of weights of one channel group: nine taps of four channels. */
#define TX_SCALAR_DW3_WEIGHTS 36

/* A tap downwards: the input pointer at the tap + 4, left at the tap; channel j's weight into lr,
 * pixel A's value (pre-decrement) and pixel B's (register offset) into r12, then the MLAs. */
#define TX_SCALAR_DW3_DOWN_CHANNEL(a, b)                                                           \
    "ldrsb  lr, [r1], #1\n\t"                                                                      \
    "ldrsb  r12, [r0, #-1]!\n\t"                                                                   \
    "mla    " a ", r12, lr, " a "\n\t"                                                             \
    "ldrsb  r12, [r0, r2]\n\t"                                                                     \
    "mla    " b ", r12, lr, " b "\n\t"
#define TX_SCALAR_DW3_DOWN                                                                         \
    TX_SCALAR_DW3_DOWN_CHANNEL("r7", "r11")                                                        \
    TX_SCALAR_DW3_DOWN_CHANNEL("r6", "r10")                                                        \
    TX_SCALAR_DW3_DOWN_CHANNEL("r5", "r9")                                                         \
    TX_SCALAR_DW3_DOWN_CHANNEL("r4", "r8")

/* A tap upwards: the input pointer at the tap, left at the tap + 4. */
#define TX_SCALAR_DW3_UP_CHANNEL(a, b)                                                             \
    "ldrsb  lr, [r1], #1\n\t"                                                                      \
    "ldrsb  r12, [r0, r2]\n\t"                                                                     \
    "mla    " b ", r12, lr, " b "\n\t"                                                             \
    "ldrsb  r12, [r0], #1\n\t"                                                                     \
    "mla    " a ", r12, lr, " a "\n\t"
#define TX_SCALAR_DW3_UP                                                                           \
    TX_SCALAR_DW3_UP_CHANNEL("r4", "r8")                                                           \
    TX_SCALAR_DW3_UP_CHANNEL("r5", "r9")                                                           \
    TX_SCALAR_DW3_UP_CHANNEL("r6", "r10")                                                          \
    TX_SCALAR_DW3_UP_CHANNEL("r7", "r11")

/* A window row of three taps: down, a column step, up, a column step, down (the pointer left at
 * the last tap); of two: down, a column step, up (left at the last tap + 4). */
#define TX_SCALAR_DW3_ROW3                                                                         \
    TX_SCALAR_DW3_DOWN                                                                             \
    "add    r0, r0, r3\n\t"                                                                        \
    TX_SCALAR_DW3_UP                                                                               \
    "add    r0, r0, r3\n\t"                                                                        \
    TX_SCALAR_DW3_DOWN
#define TX_SCALAR_DW3_ROW2                                                                         \
    TX_SCALAR_DW3_DOWN                                                                             \
    "add    r0, r0, r3\n\t"                                                                        \
    TX_SCALAR_DW3_UP

/* From one window row to the next: the row step, kept on the stack. */
#define TX_SCALAR_DW3_NEXT_ROW                                                                     \
    "ldr    r12, [sp, #4]\n\t"                                                                     \
    "add    r0, r0, r12\n\t"

/* Window rows in a loop, their count (r12) on the stack: ROW, the row step, until none is left
 * (local label LABEL). */
#define TX_SCALAR_DW3_LOOP(label, row)                                                             \
    "push   {r12}\n"                                                                                \
    label ":\n\t"                                                                                   \
    row                                                                                            \
    "ldr    r12, [sp]\n\t"                                                                         \
    "subs   r12, r12, #1\n\t"                                                                      \
    "str    r12, [sp]\n\t"                                                                         \
    "ldr    r12, [sp, #8]\n\t"                                                                     \
    "add    r0, r0, r12\n\t"                                                                       \
    "bne    " label "b\n\t"                                                                         \
    "add    sp, sp, #4\n\t"

/* The rows of three taps (r12 of them): unrolled, a window of fewer rows entering at a later one;
 * with TX_SMALL_CODE in a loop as the rows of two (about 400 bytes less, a few instructions more
 * a row). */
#if TX_SCALAR_FAST_CODE
#define TX_SCALAR_DW3_ROWS3                                                                        \
    "cmp    r12, #2\n\t"                                                                           \
    "blt    13f\n\t"                                                                               \
    "beq    12f\n\t"                                                                               \
    TX_SCALAR_DW3_ROW3                                                                             \
    TX_SCALAR_DW3_NEXT_ROW                                                                         \
    "12:\n\t"                                                                                       \
    TX_SCALAR_DW3_ROW3                                                                             \
    TX_SCALAR_DW3_NEXT_ROW                                                                         \
    "13:\n\t"                                                                                       \
    TX_SCALAR_DW3_ROW3
#else
#define TX_SCALAR_DW3_ROWS3 TX_SCALAR_DW3_LOOP("22", TX_SCALAR_DW3_ROW3)
#endif

/* What tx_scalar_dw3_pair4 takes besides the input and weights (its assembly reads the fields
 * at these offsets). */
typedef struct {
    int32_t pixel_step;    /* 0: pixel B's input from pixel A's (0: B is A) */
    int32_t col_step;      /* 4: dilation_w * ch */
    int32_t row_step;      /* 8: dilation_h * row bytes - 2 * col_step + 4 (three columns), or
                            *    - col_step (two) */
    const uint32_t *start; /* 12: the four channels' sums' start, the same for both pixels */
    int32_t rows;          /* 16: window rows, 1 to 3 */
    int32_t cols;          /* 20: window columns, 2 or 3 */
    int32_t narrow;        /* 24: 1: the output stage below, into out; 0: the sums into s */
    int32_t zero_point;    /* 28 */
    int8_t *out[2];        /* 32, 36: pixel A's and pixel B's channel 0 (the same for B = A) */
    int32_t multiplier[4]; /* 40: the four channels' */
    int32_t s[4];          /* 56: -1 - shift, each shift -2 or below */
    int32_t round[4];      /* 72: 2^(s - 1) */
} tx_scalar_dw3_geometry;

/* Channel j's output stage for both pixels (sums A and B), with r1 the geometry: its high word of
 * sum * multiplier (SMULL, into the sum's register), plus the rounding term, shifted right by s,
 * plus the zero point (lr), saturated to int8 (SSAT, the activation range being all of int8). */
#define TX_SCALAR_DW3_OUT(acc, out, j)                                                             \
    "smull  r12, " acc ", " acc ", r0\n\t"                                                          \
    "add    " acc ", " acc ", r3\n\t"                                                             \
    "asr    " acc ", " acc ", r2\n\t"                                                             \
    "add    " acc ", " acc ", lr\n\t"                                                             \
    "ssat   " acc ", #8, " acc "\n\t"                                                             \
    "ldr    r12, [r1, #" out "]\n\t"                                                              \
    "strb   " acc ", [r12, #" j "]\n\t"
#define TX_SCALAR_DW3_CHANNEL_OUT(a, b, j, m, s, round)                                           \
    "ldr    r0, [r1, #" m "]\n\t"                                                                 \
    "ldr    r2, [r1, #" s "]\n\t"                                                                 \
    "ldr    r3, [r1, #" round "]\n\t"                                                             \
    TX_SCALAR_DW3_OUT(a, "32", j)                                                                  \
    TX_SCALAR_DW3_OUT(b, "36", j)

/* The end of tx_scalar_dw3_pair4 for g->narrow (r1 = g, the sums in r4-r11): the eight outputs;
 * nothing without the assembly output stages (TX_SCALAR_FAST_CODE), g->narrow being 0 then. */
#if TX_SCALAR_FAST_CODE
#define TX_SCALAR_DW3_STAGE                                                                        \
    "ldr    r12, [r1, #24]\n\t"                                                                   \
    "cmp    r12, #0\n\t"                                                                          \
    "beq    30f\n\t"                                                                              \
    "ldr    lr, [r1, #28]\n\t"                                                                    \
    TX_SCALAR_DW3_CHANNEL_OUT("r4", "r8", "0", "40", "56", "72")                                   \
    TX_SCALAR_DW3_CHANNEL_OUT("r5", "r9", "1", "44", "60", "76")                                   \
    TX_SCALAR_DW3_CHANNEL_OUT("r6", "r10", "2", "48", "64", "80")                                  \
    TX_SCALAR_DW3_CHANNEL_OUT("r7", "r11", "3", "52", "68", "84")                                  \
    "pop    {r4-r11, pc}\n"                                                                        \
    "30:\n\t"
#else
#define TX_SCALAR_DW3_STAGE
#endif

/* s[j] = start[j] + pixel A's window . channel j's weights, s[4 + j] = start[j] + pixel B's,
 * j = 0 .. 3, over a window of 1 to 3 rows of 2 or 3 taps (the in-bounds part of a 3x3 one). x:
 * pixel A's first tap, channel 0, plus 4; w: tx_scalar_dw3_weights' bytes. The rows of three
 * taps are unrolled, a window of fewer rows entering at a later one; the rows of two (the edge
 * columns' windows, fewer) loop, with their count on the stack, for the code's size. When
 * g->narrow, the eight outputs instead, stored at g->out: 7 instructions an output and 3 a
 * channel (the C output stage took about 17 an output, with the sums stored and loaded). */
__attribute__((naked, unused)) static void
tx_scalar_dw3_pair4(const int8_t *x __attribute__((unused)), const int8_t *w __attribute__((unused)),
                    const tx_scalar_dw3_geometry *g __attribute__((unused)),
                    uint32_t *s __attribute__((unused)))
{
    __asm__(
        "push   {r4-r11, lr}\n\t"
        "ldr    r12, [r2, #8]\n\t"
        "push   {r2}\n\t"
        "push   {r3, r12}\n\t"
        "ldr    r12, [r2, #12]\n\t"
        "ldm    r12, {r4-r7}\n\t"
        "mov    r8, r4\n\t"
        "mov    r9, r5\n\t"
        "mov    r10, r6\n\t"
        "mov    r11, r7\n\t"
        "ldr    r12, [r2, #16]\n\t"
        "ldr    lr, [r2, #20]\n\t"
        "ldr    r3, [r2, #4]\n\t"
        "ldr    r2, [r2, #0]\n\t"
        "cmp    lr, #3\n\t"
        "bne    20f\n\t"
        TX_SCALAR_DW3_ROWS3
        "b      9f\n"
        "20:\n\t"
        TX_SCALAR_DW3_LOOP("21", TX_SCALAR_DW3_ROW2)
        "9:\n\t"
        "pop    {r3, r12}\n\t"
        "pop    {r1}\n\t"
        TX_SCALAR_DW3_STAGE
        "stm    r3, {r4-r11}\n\t"
        "pop    {r4-r11, pc}\n\t");
}

/* The weights of channels c .. c + 3 over a window of rows x cols taps of a 3x3 kernel (filter
 * points at channel c of the window's first tap; taps ch bytes apart, kernel rows 3 taps) in the
 * order tx_scalar_dw3_pair4 reads them: per row, the first and third taps' channels 3, 2, 1, 0
 * (a byte-reversed word, REV) and the second's 0, 1, 2, 3; sums[j] (when sums is not 0):
 * channel j's sum of them. */
static void tx_scalar_dw3_weights(const int8_t *filter, int32_t ch, int32_t rows, int32_t cols,
                                  int8_t *w, int32_t *sums)
{
    int32_t r;
    int32_t k;
    int32_t j;
    for (j = 0; j < 4 && sums != 0; j++) {
        sums[j] = 0;
    }
    for (r = 0; r < rows; r++) {
        for (k = 0; k < cols; k++) {
            const int8_t *tap = filter + (3 * r + k) * ch;
            uint32_t v;
            for (j = 0; j < 4 && sums != 0; j++) {
                sums[j] += tap[j];
            }
            memcpy(&v, tap, 4);
            if (k != 1) {
                v = __builtin_bswap32(v);
            }
            memcpy(w, &v, 4);
            w += 4;
        }
    }
}

#endif /* TX_SCALAR_DW3_H */
