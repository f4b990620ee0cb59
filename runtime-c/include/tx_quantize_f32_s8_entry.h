/*
 * The entry points of tx_quantize_f32_s8 (twin of dev.tenax.kernels.QuantizeF32S8) around the
 * element loop the including source chose: it defines TX_QUANTIZE_F32_S8_LOOP(p, count, in, out,
 * stride)
 * (the portable float loop, the FPU's or the integer one) and then includes this header. Include
 * it in a kernel's source only.
 */
#ifndef TX_QUANTIZE_F32_S8_ENTRY_H
#define TX_QUANTIZE_F32_S8_ENTRY_H

#include "tx_quantize_f32_s8_body.h"

tx_status tx_quantize_f32_s8(const tx_quantize_f32_s8_params *p, const tx_shape4 *shape,
                             const float *in, int8_t *out)
{
  if (!tx_quantize_f32_s8_valid(p, shape, in, out)) {
    return TX_ERR_ARGUMENT;
  }
  TX_QUANTIZE_F32_S8_LOOP(p, shape->n * shape->h * shape->w * shape->c, in, out, 1);
  return TX_OK;
}

int32_t tx_quantize_f32_s8_scratch_size(const tx_quantize_f32_s8_params *p,
                                        const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}

#endif /* TX_QUANTIZE_F32_S8_ENTRY_H */
