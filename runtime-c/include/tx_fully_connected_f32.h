/* tx_fully_connected_f32: float32 fully-connected layer; twin of
 * dev.tenax.kernels.FullyConnectedF32. */
#ifndef TX_FULLY_CONNECTED_F32_H
#define TX_FULLY_CONNECTED_F32_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  float act_min;  /* clamp of the outputs; -inf and +inf for none */
  float act_max;
} tx_fully_connected_f32_params;

/*
 * out[b][o] = clamp((sum_i in[b][i] * weights[o][i]) + bias[o]): the sum accumulated in float32
 * in index order from 0, one rounding per multiplication and per addition, then the bias added.
 * in_shape: n = batches, h * w * c = in_features. weights: [out_features][in_features];
 * bias: [out_features] or NULL. out_shape: n = batches, h = w = 1, c = out_features.
 */
tx_status tx_fully_connected_f32(const tx_fully_connected_f32_params *p, const tx_shape4 *in_shape,
                                 const float *in, const float *weights, const float *bias,
                                 const tx_shape4 *out_shape, float *out);

/* No scratch memory is needed: always 0. */
int32_t tx_fully_connected_f32_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape);

#endif /* TX_FULLY_CONNECTED_F32_H */
