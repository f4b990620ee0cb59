/*
 * The cortex-m0 convolution's and fully-connected layer's pairs of output features for one
 * pixel, sums and output stage in one Thumb-1 routine (tx_scalar_pairs_m0), for calls whose every
 * shift is -2 or below (tx_scalar_high_word: the output stage needs only the product's high word).
 * Where the C took about 100 instructions an output besides its MACs (the sums' start, a call of
 * the dot loop through a wrapper that copies the sums, 57 of output stage and the loop's reloads),
 * the routine takes about 60.
 *   - sums: each feature's bias (or 0), plus its row of n int8 weights times the pixel's int16
 *     column (tx_scalar_dot.h says what it holds), the dot loop of tx_scalar_dot2_m0: two taps a
 *     loop in 18 instructions for four MACs, an odd last tap after it;
 *   - output stage, bit-exact with tx_scalar_requantize_s8 (tx_scalar_requant.h) for shifts of -2
 *     and below: the high word of sum * multiplier from four 16 x 16 products (tx_scalar_mul_hi's
 *     sums, in 17 instructions), plus 2^(s - 1), shifted right by s = -1 - shift, plus the zero
 *     point, clamped to the activation range: about 33 instructions an output.
 * Included by tx_scalar_dot.h, whose tx_scalar_features calls them (one copy a build: TX_SCALAR_SHARED_ASM).
 */
#ifndef TX_SCALAR_PAIRS_M0_H
#define TX_SCALAR_PAIRS_M0_H

#include <stdint.h>

#include "tx_scalar.h"

#if defined(__ARM_ARCH_6M__)
/* What one pixel's pairs (or quads, tx_scalar_quads_m0.h) share. The routines read the words at
 * these byte offsets: do not reorder the fields. */
typedef struct {
    const int32_t *bias;        /*  0: per feature, or 0 for none */
    const int32_t *multipliers; /*  4 */
    const int32_t *shifts;      /*  8: each -2 or below */
    int32_t zero_point;         /* 12 */
    int32_t act_min;            /* 16 */
    int32_t act_max;            /* 20 */
    int32_t n;                  /* 24: taps a row, at least 1 */
    int32_t groups;             /* 28: pairs (quads) of features, at least 1 */
} tx_scalar_pairs_m0_job;

/* Two taps of the dot loop of one column by two rows (the column at r0, word aligned; the rows'
 * taps at r1 + r3 and r2 + r3): one LDM of two int16 values, SXTH and ASRS to split them, and per
 * tap and row LDRSB (register offset, the only addressing LDRSB has), MULS and ADD into the sums
 * r8 and r9 (high registers, so that the eight low ones hold the pointers, the index and the
 * operands): 17 instructions for four MACs; r3 goes up by 2. Uses r4-r7. */
#define TX_SCALAR_M0_TWO_TAPS                                                                      \
    "ldm    r0!, {r4}\n\t"                                                                         \
    "sxth   r5, r4\n\t"                                                                            \
    "asrs   r4, r4, #16\n\t"                                                                       \
    "ldrsb  r6, [r1, r3]\n\t"                                                                      \
    "muls   r6, r5, r6\n\t"                                                                        \
    "add    r8, r8, r6\n\t"                                                                        \
    "ldrsb  r7, [r2, r3]\n\t"                                                                      \
    "muls   r7, r5, r7\n\t"                                                                        \
    "add    r9, r9, r7\n\t"                                                                        \
    "adds   r3, r3, #1\n\t"                                                                        \
    "ldrsb  r6, [r1, r3]\n\t"                                                                      \
    "muls   r6, r4, r6\n\t"                                                                        \
    "add    r8, r8, r6\n\t"                                                                        \
    "ldrsb  r7, [r2, r3]\n\t"                                                                      \
    "muls   r7, r4, r7\n\t"                                                                        \
    "add    r9, r9, r7\n\t"                                                                        \
    "adds   r3, r3, #1\n\t"

/* One tap at r0, r1 and r2 (the odd last one), into r8 and r9. Uses r4-r7. */
#define TX_SCALAR_M0_LAST_TAP                                                                      \
    "movs   r4, #0\n\t"                                                                            \
    "ldrsh  r5, [r0, r4]\n\t"                                                                      \
    "ldrsb  r6, [r1, r4]\n\t"                                                                      \
    "muls   r6, r5, r6\n\t"                                                                        \
    "add    r8, r8, r6\n\t"                                                                        \
    "ldrsb  r7, [r2, r4]\n\t"                                                                      \
    "muls   r7, r5, r7\n\t"                                                                        \
    "add    r9, r9, r7\n\t"

/* A routine's entry and exit: r4-r11 saved (r8-r11 through r4-r7) and restored, return. */
#define TX_SCALAR_M0_ENTER                                                                         \
    "push   {r4-r7, lr}\n\t"                                                                       \
    "mov    r4, r8\n\t"                                                                            \
    "mov    r5, r9\n\t"                                                                            \
    "mov    r6, r10\n\t"                                                                           \
    "mov    r7, r11\n\t"                                                                           \
    "push   {r4-r7}\n\t"
#define TX_SCALAR_M0_LEAVE                                                                         \
    "pop    {r4-r7}\n\t"                                                                           \
    "mov    r8, r4\n\t"                                                                            \
    "mov    r9, r5\n\t"                                                                            \
    "mov    r10, r6\n\t"                                                                           \
    "mov    r11, r7\n\t"                                                                           \
    "pop    {r4-r7, pc}\n\t"

/* After the entry and the frame's space: the frame's first words (col, w, out, job from r0-r3;
 * [sp, #16] the group's offset in the per-feature arrays, 0; [sp, #20] the groups left) and the
 * zero point in r12. */
#define TX_SCALAR_M0_FRAME                                                                         \
    "str    r0, [sp, #0]\n\t"                                                                      \
    "str    r1, [sp, #4]\n\t"                                                                      \
    "str    r2, [sp, #8]\n\t"                                                                      \
    "str    r3, [sp, #12]\n\t"                                                                     \
    "ldr    r4, [r3, #12]\n\t"                                                                     \
    "mov    r12, r4\n\t"                                                                           \
    "movs   r4, #0\n\t"                                                                            \
    "str    r4, [sp, #16]\n\t"                                                                     \
    "ldr    r4, [r3, #28]\n\t"                                                                     \
    "str    r4, [sp, #20]\n\t"

/* Before a group's output stage (job in r3; frame: [sp, #8] the group's outputs, [sp, #16] its
 * offset in the per-feature arrays): r4 and r5 at its multipliers and shifts, r7 at its outputs. */
#define TX_SCALAR_M0_STAGE_POINTERS                                                                \
    "ldr    r7, [sp, #16]\n\t"                                                                     \
    "ldr    r4, [r3, #4]\n\t"                                                                      \
    "adds   r4, r4, r7\n\t"                                                                        \
    "ldr    r5, [r3, #8]\n\t"                                                                      \
    "adds   r5, r5, r7\n\t"                                                                        \
    "ldr    r7, [sp, #8]\n\t"

/* After a group of FEATURES features (r7 at its outputs): the frame's outputs FEATURES on, offset
 * 4 FEATURES on, rows n << ROWS_SHIFT on, groups left one fewer; back to the group's start (local
 * label 1) while any is left, else on at local label 8 (a conditional branch reaches 256 bytes
 * back, a group's code is longer). */
#define TX_SCALAR_M0_NEXT(FEATURES, OFFSET, ROWS_SHIFT)                                            \
    "adds   r7, r7, #" #FEATURES "\n\t"                                                            \
    "str    r7, [sp, #8]\n\t"                                                                      \
    "ldr    r7, [sp, #16]\n\t"                                                                     \
    "adds   r7, r7, #" #OFFSET "\n\t"                                                              \
    "str    r7, [sp, #16]\n\t"                                                                     \
    "ldr    r3, [sp, #12]\n\t"                                                                     \
    "ldr    r4, [r3, #24]\n\t"                                                                     \
    "lsls   r4, r4, #" #ROWS_SHIFT "\n\t"                                                          \
    "ldr    r5, [sp, #4]\n\t"                                                                      \
    "adds   r5, r5, r4\n\t"                                                                        \
    "str    r5, [sp, #4]\n\t"                                                                      \
    "ldr    r4, [sp, #20]\n\t"                                                                     \
    "subs   r4, r4, #1\n\t"                                                                        \
    "str    r4, [sp, #20]\n\t"                                                                     \
    "beq    8f\n\t"                                                                                \
    "b      1b\n"                                                                                   \
    "8:\n\t"

/* The output stage of the sum in r0 with the multiplier in r1 and the shift at [r5, #SHIFT],
 * into the byte at [r7, #OUT]. Zero point in r12, act_min in r10, act_max in r11; uses r0-r3 and
 * r6; local labels 5 and 6. */
#define TX_SCALAR_PAIRS_M0_STAGE(SHIFT, OUT)                                                       \
    "uxth   r3, r0\n\t"                                                                            \
    "asrs   r0, r0, #16\n\t"                                                                       \
    "uxth   r2, r1\n\t"                                                                            \
    "asrs   r1, r1, #16\n\t"                                                                       \
    "movs   r6, r3\n\t"                                                                            \
    "muls   r6, r2, r6\n\t"                                                                        \
    "lsrs   r6, r6, #16\n\t"                                                                       \
    "muls   r2, r0, r2\n\t"                                                                        \
    "adds   r2, r2, r6\n\t"                                                                        \
    "muls   r3, r1, r3\n\t"                                                                        \
    "uxth   r6, r2\n\t"                                                                            \
    "adds   r3, r3, r6\n\t"                                                                        \
    "muls   r1, r0, r1\n\t"                                                                        \
    "asrs   r2, r2, #16\n\t"                                                                       \
    "asrs   r3, r3, #16\n\t"                                                                       \
    "adds   r1, r1, r2\n\t"                                                                        \
    "adds   r1, r1, r3\n\t"                                                                        \
    "ldr    r2, [r5, #" #SHIFT "]\n\t"                                                             \
    "mvns   r2, r2\n\t"                                                                            \
    "subs   r3, r2, #1\n\t"                                                                        \
    "movs   r6, #1\n\t"                                                                            \
    "lsls   r6, r6, r3\n\t"                                                                        \
    "adds   r1, r1, r6\n\t"                                                                        \
    "asrs   r1, r1, r2\n\t"                                                                        \
    "add    r1, r1, r12\n\t"                                                                       \
    "cmp    r1, r11\n\t"                                                                           \
    "ble    5f\n\t"                                                                                \
    "mov    r1, r11\n"                                                                             \
    "5:\n\t"                                                                                       \
    "cmp    r1, r10\n\t"                                                                           \
    "bge    6f\n\t"                                                                                \
    "mov    r1, r10\n"                                                                             \
    "6:\n\t"                                                                                       \
    "strb   r1, [r7, #" #OUT "]\n\t"

/* The output stages of the sums in r8 and r9 (features 0 and 1 of r4's multipliers, r5's shifts,
 * r7's outputs). */
#define TX_SCALAR_M0_PAIR_STAGES                                                                   \
    "mov    r0, r8\n\t"                                                                            \
    "ldr    r1, [r4, #0]\n\t"                                                                      \
    TX_SCALAR_PAIRS_M0_STAGE(0, 0)                                                                 \
    "mov    r0, r9\n\t"                                                                            \
    "ldr    r1, [r4, #4]\n\t"                                                                      \
    TX_SCALAR_PAIRS_M0_STAGE(4, 1)

/* out[2k] and out[2k + 1], k < job->groups: features 2k and 2k + 1 of the pixel whose int16
 * column (word aligned) is col, their rows of weights 2k n and (2k + 1) n bytes from w.
 * Frame: col, the pair's row 0, its outputs, job, 8k (the pair's offset in the per-feature
 * arrays), pairs left; sums in r8 and r9 (the low registers hold the loop's pointers, index and
 * operands). */
TX_SCALAR_SHARED_ASM void
tx_scalar_pairs_m0(const int16_t *col __attribute__((unused)),
                   const int8_t *w __attribute__((unused)), int8_t *out __attribute__((unused)),
                   const tx_scalar_pairs_m0_job *job __attribute__((unused)))
{
    __asm__(
        ".syntax unified\n\t"
        TX_SCALAR_M0_ENTER
        "sub    sp, sp, #24\n\t"
        TX_SCALAR_M0_FRAME
        "ldr    r4, [r3, #16]\n\t"
        "mov    r10, r4\n\t"
        "ldr    r4, [r3, #20]\n\t"
        "mov    r11, r4\n"
        /* a pair: the sums' start */
        "1:\n\t"
        "ldr    r3, [sp, #12]\n\t"
        "ldr    r4, [r3, #0]\n\t"
        "movs   r5, #0\n\t"
        "movs   r6, #0\n\t"
        "cmp    r4, #0\n\t"
        "beq    2f\n\t"
        "ldr    r7, [sp, #16]\n\t"
        "adds   r4, r4, r7\n\t"
        "ldm    r4!, {r5, r6}\n"
        "2:\n\t"
        "mov    r8, r5\n\t"
        "mov    r9, r6\n\t"
        /* the dot loop: r0 the column, r1 and r2 the rows' ends of the even part, r3 the index
         * from minus the even part's taps up to 0 */
        "ldr    r0, [sp, #0]\n\t"
        "ldr    r4, [r3, #24]\n\t"
        "ldr    r1, [sp, #4]\n\t"
        "adds   r2, r1, r4\n\t"
        "lsrs   r5, r4, #1\n\t"
        "beq    4f\n\t"
        "lsls   r5, r5, #1\n\t"
        "adds   r1, r1, r5\n\t"
        "adds   r2, r2, r5\n\t"
        "rsbs   r3, r5, #0\n"
        "3:\n\t"
        TX_SCALAR_M0_TWO_TAPS
        "bne    3b\n"
        /* an odd last tap: r0, r1 and r2 point at it */
        "4:\n\t"
        "ldr    r3, [sp, #12]\n\t"
        "ldr    r4, [r3, #24]\n\t"
        "lsrs   r4, r4, #1\n\t"
        "bcc    7f\n\t"
        TX_SCALAR_M0_LAST_TAP
        /* the output stage: r4 and r5 at the pair's multipliers and shifts, r7 its outputs */
        "7:\n\t"
        TX_SCALAR_M0_STAGE_POINTERS
        TX_SCALAR_M0_PAIR_STAGES
        /* the next pair: outputs 2 on, offset 8 on, rows 2n on */
        TX_SCALAR_M0_NEXT(2, 8, 1)
        "add    sp, sp, #24\n\t"
        TX_SCALAR_M0_LEAVE);
}
#endif

#endif /* TX_SCALAR_PAIRS_M0_H */
