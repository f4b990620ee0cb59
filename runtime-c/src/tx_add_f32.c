/* float32 elementwise addition; the specification is dev.tenax.kernels.AddF32. */
#include "tx_add_f32.h"

#include "tx_kernel_args.h"

tx_status tx_add_f32(const tx_shape4 *shape, const float *in1, const float *in2, float *out)
{
  int32_t count;
  int32_t i;
  if (shape == 0 || in1 == 0 || in2 == 0 || out == 0 || !tx_shape4_valid(shape)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    out[i] = in1[i] + in2[i];
  }
  return TX_OK;
}

int32_t tx_add_f32_scratch_size(const tx_shape4 *shape)
{
  (void)shape;
  return 0;
}
