/* float32 fully-connected layer; the specification is dev.tenax.kernels.FullyConnectedF32. */
#include "tx_fully_connected_f32.h"

#include "tx_kernel_args.h"

tx_status tx_fully_connected_f32(const tx_fully_connected_f32_params *p, const tx_shape4 *in_shape,
                                 const float *in, const float *weights, const float *bias,
                                 const tx_shape4 *out_shape, float *out)
{
  int32_t batches;
  int32_t in_features;
  int32_t out_features;
  int32_t b;
  int32_t o;
  int32_t i;
  if (p == 0 || in_shape == 0 || in == 0 || weights == 0 || out_shape == 0 || out == 0
      || !tx_shape4_valid(in_shape) || !tx_shape4_valid(out_shape) || out_shape->n != in_shape->n
      || out_shape->h != 1 || out_shape->w != 1 || !(p->act_min <= p->act_max)) {
    return TX_ERR_ARGUMENT;
  }
  batches = in_shape->n;
  in_features = in_shape->h * in_shape->w * in_shape->c;
  out_features = out_shape->c;
  /* The weights hold out_features * in_features values; that product must be indexable too. */
  if ((int64_t)out_features * in_features > INT32_MAX) {
    return TX_ERR_ARGUMENT;
  }
  for (b = 0; b < batches; b++) {
    const float *x = in + b * in_features;
    for (o = 0; o < out_features; o++) {
      const float *w = weights + o * in_features;
      float acc = 0.0f;
      for (i = 0; i < in_features; i++) {
        acc += x[i] * w[i];
      }
      if (bias != 0) {
        acc += bias[o]; /* after the sum, as TFLite's reference and ONNX Gemm add it */
      }
      if (acc < p->act_min) {
        acc = p->act_min;
      }
      if (acc > p->act_max) {
        acc = p->act_max;
      }
      out[b * out_features + o] = acc;
    }
  }
  return TX_OK;
}

int32_t tx_fully_connected_f32_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
  (void)in_shape;
  (void)out_shape;
  return 0;
}
