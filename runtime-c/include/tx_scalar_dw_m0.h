/*
 * The cortex-m0 depthwise layer's channel pairs for one output pixel (runtime-c/arm-scalar/src/
 * tx_depthwise_conv2d_s8.c, dw_pixel's groups), sums and output stage in one Thumb-1 routine, for
 * calls whose every shift is -2 or below (tx_scalar_high_word).
 * The pixel's in-bounds taps come as the C finds them (dw_window): the first tap's input and
 * filter addresses, channel 0, and a table of steps from tap to tap. Per tap and pair: LDRSB of
 * the input and the filter value of both channels (register offsets c and c + 1, the only
 * addressing LDRSB has), the input offset added (0 where the sums' start holds it), MULS, ADD into
 * the sums r8 and r9, and one LDM of the two steps: 15 instructions for two MACs, where the C took
 * about 20 and 57 of output stage an output; the stage is tx_scalar_pairs_m0.h's (about 33).
 * On DS-CNN-like layers (3x3 windows, 32 channels, 25x5 pixels) 28 instructions a MAC became
 * about 12; 3x3 stride-1 layers now take the planes of tx_scalar_dw3_m0.h (about 9), the other
 * shapes this loop.
 * Static functions: include only from the kernel's source.
 */
#ifndef TX_SCALAR_DW_M0_H
#define TX_SCALAR_DW_M0_H

#include <stdint.h>

#include "tx_scalar_pairs_m0.h"

#if defined(__ARM_ARCH_6M__)
/* One pixel's pairs of channels. The routine reads the words at these byte offsets: do not
 * reorder the fields. */
typedef struct {
    const int8_t *in;           /*  0: the first in-bounds tap's input, channel 0 */
    const int8_t *w;            /*  4: its filter values, channel 0 */
    const int32_t *steps;       /*  8: per tap, bytes to the next tap's input, then filter */
    int32_t taps;               /* 12: in-bounds taps, 0 for a window of padding only */
    const uint32_t *start;      /* 16: per channel, the sums' start */
    int32_t offset;             /* 20: added to each input, 0 when the start holds it */
    const int32_t *multipliers; /* 24 */
    const int32_t *shifts;      /* 28: each -2 or below */
    int32_t zero_point;         /* 32 */
    int32_t act_min;            /* 36 */
    int32_t act_max;            /* 40 */
    int32_t pairs;              /* 44: at least 1 */
} tx_scalar_dw_m0_job;

/* out[c] and out[c + 1] for c = 0, 2, ..., 2 (pairs - 1). Frame: job, c, out, pairs left. */
__attribute__((naked, unused)) static void
tx_scalar_dw_pairs_m0(const tx_scalar_dw_m0_job *job __attribute__((unused)),
                      int8_t *out __attribute__((unused)))
{
    __asm__(
        ".syntax unified\n\t"
        TX_SCALAR_M0_ENTER
        "sub    sp, sp, #16\n\t"
        "str    r0, [sp, #0]\n\t"
        "str    r1, [sp, #8]\n\t"
        "movs   r2, #0\n\t"
        "str    r2, [sp, #4]\n\t"
        "ldr    r2, [r0, #44]\n\t"
        "str    r2, [sp, #12]\n\t"
        "ldr    r2, [r0, #36]\n\t"
        "mov    r10, r2\n\t"
        "ldr    r2, [r0, #40]\n\t"
        "mov    r11, r2\n"
        /* a pair: the sums' start, then r0 and r1 at the tap's input and filter, r2 and r6 the
         * channels, r3 the steps, r7 the taps left, r12 the input offset */
        "1:\n\t"
        "ldr    r3, [sp, #0]\n\t"
        "ldr    r2, [sp, #4]\n\t"
        "ldr    r4, [r3, #16]\n\t"
        "lsls   r5, r2, #2\n\t"
        "adds   r4, r4, r5\n\t"
        "ldm    r4!, {r5, r6}\n\t"
        "mov    r8, r5\n\t"
        "mov    r9, r6\n\t"
        "ldr    r4, [r3, #20]\n\t"
        "mov    r12, r4\n\t"
        "ldr    r0, [r3, #0]\n\t"
        "ldr    r1, [r3, #4]\n\t"
        "ldr    r7, [r3, #12]\n\t"
        "ldr    r3, [r3, #8]\n\t"
        "adds   r6, r2, #1\n\t"
        "cmp    r7, #0\n\t"
        "beq    3f\n"
        "2:\n\t"
        "ldrsb  r4, [r0, r2]\n\t"
        "add    r4, r4, r12\n\t"
        "ldrsb  r5, [r1, r2]\n\t"
        "muls   r5, r4, r5\n\t"
        "add    r8, r8, r5\n\t"
        "ldrsb  r4, [r0, r6]\n\t"
        "add    r4, r4, r12\n\t"
        "ldrsb  r5, [r1, r6]\n\t"
        "muls   r5, r4, r5\n\t"
        "add    r9, r9, r5\n\t"
        "ldm    r3!, {r4, r5}\n\t"
        "adds   r0, r0, r4\n\t"
        "adds   r1, r1, r5\n\t"
        "subs   r7, r7, #1\n\t"
        "bne    2b\n"
        /* the output stage: zero point in r12, r4 and r5 at the pair's multipliers and shifts,
         * r7 at its outputs */
        "3:\n\t"
        "ldr    r3, [sp, #0]\n\t"
        "ldr    r4, [r3, #32]\n\t"
        "mov    r12, r4\n\t"
        "ldr    r2, [sp, #4]\n\t"
        "lsls   r6, r2, #2\n\t"
        "ldr    r4, [r3, #24]\n\t"
        "adds   r4, r4, r6\n\t"
        "ldr    r5, [r3, #28]\n\t"
        "adds   r5, r5, r6\n\t"
        "ldr    r7, [sp, #8]\n\t"
        "adds   r7, r7, r2\n\t"
        TX_SCALAR_M0_PAIR_STAGES
        /* the next pair (a conditional branch reaches 256 bytes back, the pair's code is
         * longer) */
        "ldr    r2, [sp, #4]\n\t"
        "adds   r2, r2, #2\n\t"
        "str    r2, [sp, #4]\n\t"
        "ldr    r4, [sp, #12]\n\t"
        "subs   r4, r4, #1\n\t"
        "str    r4, [sp, #12]\n\t"
        "beq    8f\n\t"
        "b      1b\n"
        "8:\n\t"
        "add    sp, sp, #16\n\t"
        TX_SCALAR_M0_LEAVE);
}
#endif

#endif /* TX_SCALAR_DW_M0_H */
