/*
 * The Thumb-1 routine of the cortex-m0 3x3 stride-1 depthwise path (tx_scalar_dw3_m0.h): one
 * channel's output rows from its plane of bytes, four pixels at a time (five for a row's last
 * five), the row's last one to three one at a time.
 *   - four pixels: per tap one LDR of the filter value (the job holds the channel's nine), then
 *     per pixel LDRB of its input (immediate offsets 0-5 from the pixel group's plane pointer),
 *     MULS and ADDS into its sum: 13 instructions for 4 MACs; a kernel row's next plane row is
 *     one ADD on;
 *   - output stage, bit-exact with tx_scalar_requantize_s8 for shifts of -2 and below: the high
 *     word of sum * multiplier from four 16 x 16 products (tx_scalar_mul_hi's sums, the
 *     multiplier's halves split once a channel), plus 2^(s - 1), shifted right by s, plus the zero
 *     point, clamped: about 30 instructions an output.
 * Static: include only from the depthwise kernel's source.
 */
#ifndef TX_SCALAR_DW3_M0_BLOCK_H
#define TX_SCALAR_DW3_M0_BLOCK_H

#include <stdint.h>

#include "tx_scalar_pairs_m0.h"

#if defined(__ARM_ARCH_6M__)
/* One channel's rows. The routine reads the words at these byte offsets: do not reorder the
 * fields. */
typedef struct {
    const uint8_t *plane;  /*  0: the plane row of output row 0's kernel row 0, its first column */
    int32_t pw;            /*  4: bytes from plane row to plane row */
    int8_t *out;           /*  8: output row 0's first pixel, this channel */
    int32_t ch;            /* 12: bytes from output pixel to pixel */
    int32_t ow;            /* 16: outputs a row, at least 1 */
    int32_t rows;          /* 20: output rows, at least 1 */
    uint32_t start;        /* 24: the sums' start */
    int32_t ml;            /* 28: the multiplier's low half, 0 .. 65535 */
    int32_t mh;            /* 32: its high half, arithmetic shift right by 16 */
    int32_t round;         /* 36: 2^(s - 1) */
    int32_t s;             /* 40: -1 - shift, at least 1 */
    int32_t zero_point;    /* 44 */
    int32_t act_min;       /* 48 */
    int32_t act_max;       /* 52 */
    int32_t out_row;       /* 56: bytes from output row to row, ow * ch */
    int32_t w[9];          /* 60: the filter values, row by row */
    const uint8_t *q;      /* 96: the routine's own: the pixel group's plane position */
} tx_dw3_m0_job;

/* One tap of four pixels: the filter value at [r1, #OFF], their inputs D .. D + 3 bytes from r0,
 * into the sums r4-r7. */
#define TX_DW3_M0_TAP4(OFF, D0, D1, D2, D3)                                                        \
    "ldr    r3, [r1, #" #OFF "]\n\t"                                                                \
    "ldrb   r2, [r0, #" #D0 "]\n\t"                                                                 \
    "muls   r2, r3, r2\n\t"                                                                        \
    "adds   r4, r4, r2\n\t"                                                                        \
    "ldrb   r2, [r0, #" #D1 "]\n\t"                                                                 \
    "muls   r2, r3, r2\n\t"                                                                        \
    "adds   r5, r5, r2\n\t"                                                                        \
    "ldrb   r2, [r0, #" #D2 "]\n\t"                                                                 \
    "muls   r2, r3, r2\n\t"                                                                        \
    "adds   r6, r6, r2\n\t"                                                                        \
    "ldrb   r2, [r0, #" #D3 "]\n\t"                                                                 \
    "muls   r2, r3, r2\n\t"                                                                        \
    "adds   r7, r7, r2\n\t"

/* One tap of five pixels: as TX_DW3_M0_TAP4, the fifth pixel's sum in r8. */
#define TX_DW3_M0_TAP5(OFF, D0, D1, D2, D3, D4)                                                    \
    TX_DW3_M0_TAP4(OFF, D0, D1, D2, D3)                                                            \
    "ldrb   r2, [r0, #" #D4 "]\n\t"                                                                 \
    "muls   r2, r3, r2\n\t"                                                                        \
    "add    r8, r8, r2\n\t"

/* One tap of one pixel: filter value at [r1, #OFF], input D bytes from r0, into r4. */
#define TX_DW3_M0_TAP1(OFF, D)                                                                     \
    "ldr    r3, [r1, #" #OFF "]\n\t"                                                                \
    "ldrb   r2, [r0, #" #D "]\n\t"                                                                  \
    "muls   r2, r3, r2\n\t"                                                                        \
    "adds   r4, r4, r2\n\t"

/* r0 one plane row on. */
#define TX_DW3_M0_NEXT_ROW                                                                         \
    "ldr    r2, [r1, #4]\n\t"                                                                      \
    "adds   r0, r0, r2\n\t"

/* The output stage of the sum in SUM (a low register other than r0-r3), job in r1; uses r0, r2
 * and r3, local labels 6 and 7. */
#define TX_DW3_M0_STAGE(SUM)                                                                       \
    "uxth   r2, " SUM "\n\t"                                                                       \
    "asrs   " SUM ", " SUM ", #16\n\t"                                                             \
    "ldr    r3, [r1, #28]\n\t"                                                                     \
    "movs   r0, r3\n\t"                                                                            \
    "muls   r0, r2, r0\n\t"                                                                        \
    "lsrs   r0, r0, #16\n\t"                                                                       \
    "muls   r3, " SUM ", r3\n\t"                                                                   \
    "adds   r3, r3, r0\n\t"                                                                        \
    "ldr    r0, [r1, #32]\n\t"                                                                     \
    "muls   r2, r0, r2\n\t"                                                                        \
    "muls   " SUM ", r0, " SUM "\n\t"                                                              \
    "uxth   r0, r3\n\t"                                                                            \
    "adds   r2, r2, r0\n\t"                                                                        \
    "asrs   r3, r3, #16\n\t"                                                                       \
    "adds   " SUM ", " SUM ", r3\n\t"                                                              \
    "asrs   r2, r2, #16\n\t"                                                                       \
    "adds   " SUM ", " SUM ", r2\n\t"                                                              \
    "ldr    r3, [r1, #36]\n\t"                                                                     \
    "adds   " SUM ", " SUM ", r3\n\t"                                                              \
    "ldr    r3, [r1, #40]\n\t"                                                                     \
    "asrs   " SUM ", " SUM ", r3\n\t"                                                              \
    "ldr    r3, [r1, #44]\n\t"                                                                     \
    "adds   " SUM ", " SUM ", r3\n\t"                                                              \
    "ldr    r3, [r1, #52]\n\t"                                                                     \
    "cmp    " SUM ", r3\n\t"                                                                       \
    "ble    6f\n\t"                                                                                \
    "movs   " SUM ", r3\n"                                                                         \
    "6:\n\t"                                                                                       \
    "ldr    r3, [r1, #48]\n\t"                                                                     \
    "cmp    " SUM ", r3\n\t"                                                                       \
    "bge    7f\n\t"                                                                                \
    "movs   " SUM ", r3\n"                                                                         \
    "7:\n\t"

/* Four stored outputs r4-r7, r9 at the first, then r9 on past them (uses r0 and r2). */
#define TX_DW3_M0_STORE4                                                                           \
    "mov    r0, r9\n\t"                                                                            \
    "ldr    r2, [r1, #12]\n\t"                                                                     \
    "strb   r4, [r0]\n\t"                                                                          \
    "adds   r0, r0, r2\n\t"                                                                        \
    "strb   r5, [r0]\n\t"                                                                          \
    "adds   r0, r0, r2\n\t"                                                                        \
    "strb   r6, [r0]\n\t"                                                                          \
    "adds   r0, r0, r2\n\t"                                                                        \
    "strb   r7, [r0]\n\t"                                                                          \
    "adds   r0, r0, r2\n\t"                                                                        \
    "mov    r9, r0\n\t"

/* The rows of job's channel. Registers: r1 the job; r9 the pixel group's output, r10 the row's
 * pixels left, r11 the row's plane row, r12 the rows left, lr the row's output; the group's plane
 * position in job->q; a group of five (a row's last when its width leaves one over fours: DS-CNN
 * KWS's five columns) keeps its fifth sum in r8. */
__attribute__((naked, unused)) static void
tx_dw3_m0_rows(const tx_dw3_m0_job *job __attribute__((unused)))
{
    __asm__(
        ".syntax unified\n\t"
        TX_SCALAR_M0_ENTER
        "movs   r1, r0\n\t"
        "ldr    r0, [r1, #0]\n\t"
        "mov    r11, r0\n\t"
        "ldr    r0, [r1, #8]\n\t"
        "mov    lr, r0\n\t"
        "ldr    r0, [r1, #20]\n\t"
        "mov    r12, r0\n"
        /* a row */
        "1:\n\t"
        "mov    r0, r11\n\t"
        "str    r0, [r1, #96]\n\t"
        "mov    r0, lr\n\t"
        "mov    r9, r0\n\t"
        "ldr    r0, [r1, #16]\n\t"
        "mov    r10, r0\n"
        /* the next group: five when five are left, four while four are, else one */
        "2:\n\t"
        "cmp    r0, #5\n\t"
        "bne    9f\n\t"
        "b      8f\n"
        "9:\n\t"
        "cmp    r0, #4\n\t"
        "bge    9f\n\t"
        "b      3f\n"
        "9:\n\t"
        "ldr    r0, [r1, #96]\n\t"
        "ldr    r4, [r1, #24]\n\t"
        "movs   r5, r4\n\t"
        "movs   r6, r4\n\t"
        "movs   r7, r4\n\t"
        TX_DW3_M0_TAP4(60, 0, 1, 2, 3)
        TX_DW3_M0_TAP4(64, 1, 2, 3, 4)
        TX_DW3_M0_TAP4(68, 2, 3, 4, 5)
        TX_DW3_M0_NEXT_ROW
        TX_DW3_M0_TAP4(72, 0, 1, 2, 3)
        TX_DW3_M0_TAP4(76, 1, 2, 3, 4)
        TX_DW3_M0_TAP4(80, 2, 3, 4, 5)
        TX_DW3_M0_NEXT_ROW
        TX_DW3_M0_TAP4(84, 0, 1, 2, 3)
        TX_DW3_M0_TAP4(88, 1, 2, 3, 4)
        TX_DW3_M0_TAP4(92, 2, 3, 4, 5)
        TX_DW3_M0_STAGE("r4")
        TX_DW3_M0_STAGE("r5")
        TX_DW3_M0_STAGE("r6")
        TX_DW3_M0_STAGE("r7")
        TX_DW3_M0_STORE4
        "ldr    r0, [r1, #96]\n\t"
        "adds   r0, r0, #4\n\t"
        "str    r0, [r1, #96]\n\t"
        "mov    r0, r10\n\t"
        "subs   r0, r0, #4\n\t"
        "mov    r10, r0\n\t"
        "b      2b\n"
        /* five pixels, the row's last */
        "8:\n\t"
        "ldr    r0, [r1, #96]\n\t"
        "ldr    r4, [r1, #24]\n\t"
        "movs   r5, r4\n\t"
        "movs   r6, r4\n\t"
        "movs   r7, r4\n\t"
        "mov    r8, r4\n\t"
        TX_DW3_M0_TAP5(60, 0, 1, 2, 3, 4)
        TX_DW3_M0_TAP5(64, 1, 2, 3, 4, 5)
        TX_DW3_M0_TAP5(68, 2, 3, 4, 5, 6)
        TX_DW3_M0_NEXT_ROW
        TX_DW3_M0_TAP5(72, 0, 1, 2, 3, 4)
        TX_DW3_M0_TAP5(76, 1, 2, 3, 4, 5)
        TX_DW3_M0_TAP5(80, 2, 3, 4, 5, 6)
        TX_DW3_M0_NEXT_ROW
        TX_DW3_M0_TAP5(84, 0, 1, 2, 3, 4)
        TX_DW3_M0_TAP5(88, 1, 2, 3, 4, 5)
        TX_DW3_M0_TAP5(92, 2, 3, 4, 5, 6)
        TX_DW3_M0_STAGE("r4")
        TX_DW3_M0_STAGE("r5")
        TX_DW3_M0_STAGE("r6")
        TX_DW3_M0_STAGE("r7")
        TX_DW3_M0_STORE4
        "mov    r4, r8\n\t"
        TX_DW3_M0_STAGE("r4")
        "mov    r0, r9\n\t"
        "strb   r4, [r0]\n\t"
        "b      4f\n"
        /* the row's last pixels, one at a time */
        "3:\n\t"
        "cmp    r0, #0\n\t"
        "beq    4f\n\t"
        "ldr    r0, [r1, #96]\n\t"
        "ldr    r4, [r1, #24]\n\t"
        TX_DW3_M0_TAP1(60, 0)
        TX_DW3_M0_TAP1(64, 1)
        TX_DW3_M0_TAP1(68, 2)
        TX_DW3_M0_NEXT_ROW
        TX_DW3_M0_TAP1(72, 0)
        TX_DW3_M0_TAP1(76, 1)
        TX_DW3_M0_TAP1(80, 2)
        TX_DW3_M0_NEXT_ROW
        TX_DW3_M0_TAP1(84, 0)
        TX_DW3_M0_TAP1(88, 1)
        TX_DW3_M0_TAP1(92, 2)
        TX_DW3_M0_STAGE("r4")
        "mov    r0, r9\n\t"
        "strb   r4, [r0]\n\t"
        "ldr    r2, [r1, #12]\n\t"
        "adds   r0, r0, r2\n\t"
        "mov    r9, r0\n\t"
        "ldr    r0, [r1, #96]\n\t"
        "adds   r0, r0, #1\n\t"
        "str    r0, [r1, #96]\n\t"
        "mov    r0, r10\n\t"
        "subs   r0, r0, #1\n\t"
        "mov    r10, r0\n\t"
        "b      3b\n"
        /* the next row */
        "4:\n\t"
        "ldr    r2, [r1, #4]\n\t"
        "mov    r0, r11\n\t"
        "adds   r0, r0, r2\n\t"
        "mov    r11, r0\n\t"
        "ldr    r2, [r1, #56]\n\t"
        "mov    r0, lr\n\t"
        "adds   r0, r0, r2\n\t"
        "mov    lr, r0\n\t"
        "mov    r0, r12\n\t"
        "subs   r0, r0, #1\n\t"
        "mov    r12, r0\n\t"
        "beq    5f\n\t"
        "b      1b\n"
        "5:\n\t"
        TX_SCALAR_M0_LEAVE);
}
#endif

#endif /* TX_SCALAR_DW3_M0_BLOCK_H */
