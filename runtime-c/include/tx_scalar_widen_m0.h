/*
 * The cortex-m0 convolution's window copy (runtime-c/arm-scalar/src/tx_conv2d_s8.c, window_col):
 * the rows of an output pixel's window that lie wholly inside the image, widened to the int16
 * column with the input offset added, in one Thumb-1 routine. GCC's loop took 8 instructions a
 * value and about 60 a row around it (516 a pixel on the MNIST example's 5x5 windows of one
 * channel); here two values take 10 and a row about 12 more.
 * Static functions: include only from a kernel's source.
 */
#ifndef TX_SCALAR_WIDEN_M0_H
#define TX_SCALAR_WIDEN_M0_H

#include <stdint.h>

#if defined(__ARM_ARCH_6M__)
/* What the routine reads: do not reorder the fields (byte offsets in the comments). */
typedef struct {
    int32_t offset; /* 0: the input offset, added to each value */
    int32_t taps;   /* 4: values a row, at least 1 */
    int32_t rows;   /* 8: at least 1 */
    int32_t step;   /* 12: bytes from one row's first value to the next's */
} tx_scalar_widen_m0_job;

/* col gets rows runs of taps values from x + r * step (r < rows), each plus offset, one run
 * after the other. Registers: r0 the row's end, r1 the column, r2 the offset, r3 minus the row's
 * values left, r4 and r7 the values, r5 step - taps, r6 the rows left, r12 taps. */
__attribute__((naked, unused)) static void
tx_scalar_widen_rows_m0(const int8_t *x __attribute__((unused)),
                        int16_t *col __attribute__((unused)),
                        const tx_scalar_widen_m0_job *job __attribute__((unused)))
{
    __asm__(
        ".syntax unified\n\t"
        "push   {r4-r7, lr}\n\t"
        "ldr    r5, [r2, #12]\n\t"
        "ldr    r3, [r2, #4]\n\t"
        "mov    r12, r3\n\t"
        "subs   r5, r5, r3\n\t"
        "ldr    r6, [r2, #8]\n\t"
        "ldr    r2, [r2, #0]\n"
        /* a row: an odd first value alone, then two a loop */
        "1:\n\t"
        "adds   r0, r0, r3\n\t"
        "rsbs   r3, r3, #0\n\t"
        "lsrs   r4, r3, #1\n\t"
        "bcc    2f\n\t"
        "ldrsb  r7, [r0, r3]\n\t"
        "adds   r7, r7, r2\n\t"
        "strh   r7, [r1, #0]\n\t"
        "adds   r1, r1, #2\n\t"
        "adds   r3, r3, #1\n\t"
        "beq    3f\n"
        "2:\n\t"
        "ldrsb  r7, [r0, r3]\n\t"
        "adds   r3, r3, #1\n\t"
        "ldrsb  r4, [r0, r3]\n\t"
        "adds   r7, r7, r2\n\t"
        "adds   r4, r4, r2\n\t"
        "strh   r7, [r1, #0]\n\t"
        "strh   r4, [r1, #2]\n\t"
        "adds   r1, r1, #4\n\t"
        "adds   r3, r3, #1\n\t"
        "bne    2b\n"
        /* the next row: its first value step bytes after this row's */
        "3:\n\t"
        "adds   r0, r0, r5\n\t"
        "mov    r3, r12\n\t"
        "subs   r6, r6, #1\n\t"
        "bne    1b\n\t"
        "pop    {r4-r7, pc}\n\t");
}
#endif

#endif /* TX_SCALAR_WIDEN_M0_H */
