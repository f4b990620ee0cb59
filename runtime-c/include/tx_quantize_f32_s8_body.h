/*
 * What every tx_quantize_f32_s8 shares (twin of dev.tenax.kernels.QuantizeF32S8): the argument
 * check. Included by the portable kernel (runtime-c/src) and the MSP430 variant
 * (runtime-c/msp430-hwmult/src): include it in the kernel's source only.
 */
#ifndef TX_QUANTIZE_F32_S8_BODY_H
#define TX_QUANTIZE_F32_S8_BODY_H

#include "tx_kernel_args.h"
#include "tx_quantize_f32_s8.h"

/* 1 when the pointers are set, the scale positive and finite and the zero point an int8. */
static int tx_quantize_f32_s8_valid(const tx_quantize_f32_s8_params *p, const tx_shape4 *shape,
                                    const float *in, const int8_t *out)
{
    return p != 0 && shape != 0 && in != 0 && out != 0 && p->scale > 0.0f
           && p->scale <= 0x1.fffffep+127f && p->zero_point >= -128 && p->zero_point <= 127
           && tx_shape4_valid(shape);
}

#endif /* TX_QUANTIZE_F32_S8_BODY_H */
