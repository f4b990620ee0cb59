/*
 * The cortex-m0 convolution's and fully-connected layer's output features four at a time for one
 * pixel (tx_scalar_quads_m0), sums and output stage in one Thumb-1 routine, and the driver that
 * runs a pixel's features as quads, then a pair (tx_scalar_pairs_m0.h) when two are left
 * (tx_scalar_groups_m0), for calls whose every shift is -2 or below.
 * Four rows share each load of the column: two taps a loop take 32 instructions for eight MACs
 * (4.0 a MAC, where the pairs' loop takes 4.5): one LDM of two int16 values, SXTH and ASRS to split
 * them, and per tap and row LDRSB, MULS and ADD into the sums r8-r11; rows 0 and 2 indexed by r3,
 * rows 1 and 3 by r4 = r3 + n (two bases and two indexes: four bases, an index, the two values and
 * a product would take nine low registers). The output stage is the pairs' (33 instructions an
 * output), with sums 2 and 3 put on the frame so that r10 and r11 can hold the activation range.
 * Included by tx_scalar_dot.h, whose tx_scalar_features calls them (one copy a build: TX_SCALAR_SHARED_ASM).
 */
#ifndef TX_SCALAR_QUADS_M0_H
#define TX_SCALAR_QUADS_M0_H

#include <stdint.h>

#include "tx_scalar_pairs_m0.h"

#if defined(__ARM_ARCH_6M__)
/* One tap of the quads' dot loop, the column value in register X: into r8-r11, product in r7. */
#define TX_SCALAR_QUADS_M0_TAP(X)                                                                  \
    "ldrsb  r7, [r1, r3]\n\t"                                                                      \
    "muls   r7, " X ", r7\n\t"                                                                     \
    "add    r8, r8, r7\n\t"                                                                        \
    "ldrsb  r7, [r1, r4]\n\t"                                                                      \
    "muls   r7, " X ", r7\n\t"                                                                     \
    "add    r9, r9, r7\n\t"                                                                        \
    "ldrsb  r7, [r2, r3]\n\t"                                                                      \
    "muls   r7, " X ", r7\n\t"                                                                     \
    "add    r10, r10, r7\n\t"                                                                      \
    "ldrsb  r7, [r2, r4]\n\t"                                                                      \
    "muls   r7, " X ", r7\n\t"                                                                     \
    "add    r11, r11, r7\n\t"

/* out[4k .. 4k + 3], k < job->groups: features 4k .. 4k + 3 of the pixel whose int16 column
 * (word aligned) is col, their rows of weights from 4k n bytes on in w. Frame: col, the quad's
 * row 0, its outputs, job, 16k (the quad's offset in the per-feature arrays), quads left, sums 2
 * and 3 during the output stage. */
TX_SCALAR_SHARED_ASM void
tx_scalar_quads_m0(const int16_t *col __attribute__((unused)),
                   const int8_t *w __attribute__((unused)), int8_t *out __attribute__((unused)),
                   const tx_scalar_pairs_m0_job *job __attribute__((unused)))
{
    __asm__(
        ".syntax unified\n\t"
        TX_SCALAR_M0_ENTER
        "sub    sp, sp, #32\n\t"
        TX_SCALAR_M0_FRAME
        /* a quad: the sums' start, the biases or 0 */
        "1:\n\t"
        "ldr    r3, [sp, #12]\n\t"
        "ldr    r4, [r3, #0]\n\t"
        "movs   r5, #0\n\t"
        "movs   r6, #0\n\t"
        "movs   r7, #0\n\t"
        "cmp    r4, #0\n\t"
        "beq    2f\n\t"
        "ldr    r7, [sp, #16]\n\t"
        "adds   r4, r4, r7\n\t"
        "ldm    r4, {r4, r5, r6, r7}\n"
        "2:\n\t"
        "mov    r8, r4\n\t"
        "mov    r9, r5\n\t"
        "mov    r10, r6\n\t"
        "mov    r11, r7\n\t"
        /* the dot loop: r0 the column, r1 and r2 rows 0 and 2 at the end of the even part, r3
         * from minus the even part's taps up to 0, r4 = r3 + n */
        "ldr    r0, [sp, #0]\n\t"
        "ldr    r5, [r3, #24]\n\t"
        "ldr    r1, [sp, #4]\n\t"
        "lsls   r2, r5, #1\n\t"
        "adds   r2, r1, r2\n\t"
        "lsrs   r6, r5, #1\n\t"
        "lsls   r6, r6, #1\n\t"
        "adds   r1, r1, r6\n\t"
        "adds   r2, r2, r6\n\t"
        "rsbs   r3, r6, #0\n\t"
        "adds   r4, r3, r5\n\t"
        "cmp    r3, #0\n\t"
        "beq    4f\n"
        "3:\n\t"
        "ldm    r0!, {r5}\n\t"
        "sxth   r6, r5\n\t"
        "asrs   r5, r5, #16\n\t"
        TX_SCALAR_QUADS_M0_TAP("r6")
        "adds   r4, r4, #1\n\t"
        "adds   r3, r3, #1\n\t"
        TX_SCALAR_QUADS_M0_TAP("r5")
        "adds   r4, r4, #1\n\t"
        "adds   r3, r3, #1\n\t"
        "bne    3b\n"
        /* an odd last tap: r0 at its column value, r3 = 0 and r4 = n */
        "4:\n\t"
        "ldr    r6, [sp, #12]\n\t"
        "ldr    r6, [r6, #24]\n\t"
        "lsrs   r6, r6, #1\n\t"
        "bcc    7f\n\t"
        "ldrsh  r6, [r0, r3]\n\t"
        TX_SCALAR_QUADS_M0_TAP("r6")
        /* the output stage: sums 2 and 3 to the frame, the activation range into r10 and r11,
         * r4 and r5 at the quad's multipliers and shifts, r7 its outputs */
        "7:\n\t"
        "mov    r0, r10\n\t"
        "str    r0, [sp, #24]\n\t"
        "mov    r0, r11\n\t"
        "str    r0, [sp, #28]\n\t"
        "ldr    r3, [sp, #12]\n\t"
        "ldr    r0, [r3, #16]\n\t"
        "mov    r10, r0\n\t"
        "ldr    r0, [r3, #20]\n\t"
        "mov    r11, r0\n\t"
        TX_SCALAR_M0_STAGE_POINTERS
        TX_SCALAR_M0_PAIR_STAGES
        "ldr    r0, [sp, #24]\n\t"
        "ldr    r1, [r4, #8]\n\t"
        TX_SCALAR_PAIRS_M0_STAGE(8, 2)
        "ldr    r0, [sp, #28]\n\t"
        "ldr    r1, [r4, #12]\n\t"
        TX_SCALAR_PAIRS_M0_STAGE(12, 3)
        /* the next quad: outputs 4 on, offset 16 on, rows 4n on */
        TX_SCALAR_M0_NEXT(4, 16, 2)
        "add    sp, sp, #32\n\t"
        TX_SCALAR_M0_LEAVE);
}

/* A pixel's count >= 2 features in assembly: count / 4 quads, then a pair if two are left. */
typedef struct {
    tx_scalar_pairs_m0_job quads, pair;
    int32_t pair_at; /* the pair's first feature, or -1 for none */
} tx_scalar_groups_m0_jobs;

/* The jobs of features [0, count), count >= 2, with rows of n >= 1 weights. */
static inline void tx_scalar_groups_m0_init(tx_scalar_groups_m0_jobs *j, const int32_t *bias,
                                            const int32_t *multipliers, const int32_t *shifts,
                                            int32_t zp, int32_t act_min, int32_t act_max,
                                            int32_t n, int32_t count)
{
    const int32_t at = count & ~INT32_C(3);
    j->quads.bias = bias;
    j->quads.multipliers = multipliers;
    j->quads.shifts = shifts;
    j->quads.zero_point = zp;
    j->quads.act_min = act_min;
    j->quads.act_max = act_max;
    j->quads.n = n;
    j->quads.groups = count >> 2;
    j->pair = j->quads;
    j->pair.bias = bias != 0 ? bias + at : 0;
    j->pair.multipliers = multipliers + at;
    j->pair.shifts = shifts + at;
    j->pair.groups = 1;
    j->pair_at = (count & 2) != 0 ? at : -1;
}

/* Features [0, count & ~1) of the pixel whose column (word aligned) is col, rows from w, outputs
 * at out; returns how many. */
static inline int32_t tx_scalar_groups_m0(const int16_t *col, const int8_t *w, int8_t *out,
                                          const tx_scalar_groups_m0_jobs *j)
{
    if (j->quads.groups != 0) {
        tx_scalar_quads_m0(col, w, out, &j->quads);
    }
    if (j->pair_at >= 0) {
        tx_scalar_pairs_m0(col, w + j->pair_at * j->quads.n, out + j->pair_at, &j->pair);
        return j->pair_at + 2;
    }
    return 4 * j->quads.groups;
}
#endif

#endif /* TX_SCALAR_QUADS_M0_H */
