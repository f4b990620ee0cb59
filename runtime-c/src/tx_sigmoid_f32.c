/* float32 sigmoid; the specification is dev.tenax.kernels.SigmoidF32. */
#include "tx_sigmoid_f32.h"

#include "tx_kernel_args.h"
#include "tx_math_f32.h"

/* e^-|x| never overflows, so neither form meets inf / inf; for x < 0 the form e^x / (1 + e^x)
 * keeps tiny results accurate instead of cancelling to 0 in 1 - ... */
static float sigmoid(float x)
{
  float e;
  if (x < 0.0f) {
    e = tx_expf(x);
    return e / (1.0f + e);
  }
  e = tx_expf(-x);
  return 1.0f / (1.0f + e);
}

tx_status tx_sigmoid_f32(const tx_shape4 *shape, const float *in, float *out)
{
  int32_t count;
  int32_t i;
  if (shape == 0 || in == 0 || out == 0 || !tx_shape4_valid(shape)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    out[i] = sigmoid(in[i]);
  }
  return TX_OK;
}

int32_t tx_sigmoid_f32_scratch_size(const tx_shape4 *shape)
{
  (void)shape;
  return 0;
}
