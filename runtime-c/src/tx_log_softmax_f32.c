/* float32 LogSoftmax; the specification is dev.tenax.kernels.LogSoftmaxF32. */
#include "tx_log_softmax_f32.h"

#include "tx_kernel_args.h"
#include "tx_math_f32.h"

tx_status tx_log_softmax_f32(const tx_shape4 *shape, const float *in, float *out)
{
  int32_t rows;
  int32_t n;
  int32_t r;
  int32_t i;
  if (shape == 0 || in == 0 || out == 0 || !tx_shape4_valid(shape)) {
    return TX_ERR_ARGUMENT;
  }
  rows = shape->n * shape->h * shape->w;
  n = shape->c;
  for (r = 0; r < rows; r++) {
    const float *x = in + r * n;
    float *y = out + r * n;
    /* Subtracting the maximum keeps every exponent <= 0: no overflow, and the sum is >= 1. */
    float max = x[0];
    float sum = 0.0f;
    float log_sum;
    for (i = 1; i < n; i++) {
      if (x[i] > max) {
        max = x[i];
      }
    }
    for (i = 0; i < n; i++) {
      sum += tx_expf(x[i] - max);
    }
    log_sum = tx_logf(sum);
    for (i = 0; i < n; i++) {
      y[i] = (x[i] - max) - log_sum;
    }
  }
  return TX_OK;
}

int32_t tx_log_softmax_f32_scratch_size(const tx_shape4 *shape)
{
  (void)shape;
  return 0;
}
