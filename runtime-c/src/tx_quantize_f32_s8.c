/* float32 to int8 quantization; the specification is dev.tenax.kernels.QuantizeF32S8. */
#include "tx_quantize_f32_s8.h"

#include "tx_quantize_f32_s8_body.h"
#include "tx_quantize_f32_s8_portable.h"

tx_status tx_quantize_f32_s8(const tx_quantize_f32_s8_params *p, const tx_shape4 *shape,
                               const float *in, int8_t *out)
{
  if (!tx_quantize_f32_s8_valid(p, shape, in, out)) {
    return TX_ERR_ARGUMENT;
  }
  tx_quantize_f32_s8_portable(p, shape->n * shape->h * shape->w * shape->c, in, out);
  return TX_OK;
}

int32_t tx_quantize_f32_s8_scratch_size(const tx_quantize_f32_s8_params *p,
                                        const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
