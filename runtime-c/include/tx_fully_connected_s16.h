/* tx_fully_connected_s16: 16x8 fully-connected layer (int16 activations, int8 weights); twin of
 * dev.tenax.kernels.FullyConnectedS16. */
#ifndef TX_FULLY_CONNECTED_S16_H
#define TX_FULLY_CONNECTED_S16_H

#include <stdint.h>

#include "tx_status.h"

/* Every number is precomputed by the compiler. Zero points are 0 on this path (no offsets);
 * multipliers and shifts are per output feature (per tensor: the same pair repeated). */
typedef struct {
  int32_t act_min;             /* clamp of the outputs, inside [-32768, 32767] */
  int32_t act_max;
  const int32_t *multipliers;  /* [out_features] reduced (Q15) multipliers, in [0, 32767] */
  const int32_t *shifts;       /* [out_features] in [-31, 7] */
} tx_fully_connected_s16_params;

/*
 * out[b][o] = requantize_s64(bias[o] + sum_i in[b][i] * weights[o][i]), accumulated in int64_t
 * (inside [-2^47, 2^47)).
 * in_shape: n = batches, h * w * c = in_features (a flattened NHWC tensor).
 * weights: [out_features][in_features]; bias: [out_features] or NULL for none.
 * out_shape: n = batches, h = w = 1, c = out_features.
 */
tx_status tx_fully_connected_s16(const tx_fully_connected_s16_params *p,
                                 const tx_shape4 *in_shape, const int16_t *in,
                                 const int8_t *weights, const int64_t *bias,
                                 const tx_shape4 *out_shape, int16_t *out);

/* No scratch memory is needed: always 0. */
int32_t tx_fully_connected_s16_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape);

#endif /* TX_FULLY_CONNECTED_S16_H */
