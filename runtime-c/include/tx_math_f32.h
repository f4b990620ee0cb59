/*
 * float32 elementary functions for the float kernels, computed with float32 operations only
 * (no libm: the MSP430 and Cortex-M0 builds are freestanding, and libm's results differ between
 * C libraries). Twin of dev.tenax.kernels.MathF32, bit for bit, provided the build keeps float
 * arithmetic exactly rounded: FLT_EVAL_METHOD 0 (no x87 excess precision), round-to-nearest, and
 * -ffp-contract=off (no fused multiply-add; see runtime-c/README.md).
 */
#ifndef TX_MATH_F32_H
#define TX_MATH_F32_H

#include <stdint.h>

/* The IEEE bits of a float and back (union punning is defined in C99; memcpy is not
 * freestanding). */
uint32_t tx_f32_bits(float x);
float tx_f32_from_bits(uint32_t bits);

/* x rounded to the nearest integer, ties to even (like rintf in the default rounding mode). */
float tx_rintf(float x);

/* e^x within 1.03 ulp (normal results): x > ~88.72 gives +inf, x < ~-103.97 gives 0, NaN stays
 * NaN. */
float tx_expf(float x);

/* ln x within 0.85 ulp: 0 gives -inf, negative gives NaN, +inf gives +inf, NaN stays NaN. */
float tx_logf(float x);

#endif /* TX_MATH_F32_H */
