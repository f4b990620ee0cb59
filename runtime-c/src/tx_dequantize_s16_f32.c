/* int16 to float32 dequantization; the specification is dev.tenax.kernels.DequantizeS16F32. */
#include "tx_dequantize_s16_f32.h"

#include "tx_kernel_args.h"

tx_status tx_dequantize_s16_f32(const tx_dequantize_s16_f32_params *p, const tx_shape4 *shape,
                                 const int16_t *in, float *out)
{
  int32_t count;
  int32_t i;
  if (p == 0 || shape == 0 || in == 0 || out == 0 || p->zero_point < -32768 || p->zero_point > 32767
      || !tx_shape4_valid(shape)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    out[i] = (float)((int32_t)in[i] - p->zero_point) * p->scale;
  }
  return TX_OK;
}

int32_t tx_dequantize_s16_f32_scratch_size(const tx_dequantize_s16_f32_params *p,
                                            const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
