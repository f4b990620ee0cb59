/* tx_fully_connected_s8: int8 fully-connected layer; twin of dev.tenax.kernels.FullyConnectedS8. */
#ifndef TX_FULLY_CONNECTED_S8_H
#define TX_FULLY_CONNECTED_S8_H

#include <stdint.h>

#include "tx_status.h"

/* Every number is precomputed by the compiler. Multipliers and shifts are per output feature
 * (a per-tensor scale is the same pair repeated), as tx_requantize_s8 takes them. */
typedef struct {
  int32_t input_offset;        /* -input zero point, in [-127, 128] */
  int32_t output_offset;       /* output zero point, in [-128, 127] */
  int32_t act_min;             /* clamp of the outputs, inside [-128, 127] */
  int32_t act_max;
  const int32_t *multipliers;  /* [out_features] */
  const int32_t *shifts;       /* [out_features] */
} tx_fully_connected_s8_params;

/*
 * out[b][o] = requantize(bias[o] + sum_i (in[b][i] + input_offset) * weights[o][i]).
 * in_shape: n = batches, h * w * c = in_features (a flattened NHWC tensor).
 * weights: [out_features][in_features]; bias: [out_features] or NULL for none.
 * out_shape: n = batches, h = w = 1, c = out_features.
 * The Cortex-M DSP variant also takes a small layer as NULL weights and its widened rows in place
 * of the bias (include/tx_arm_dsp_fc_wide.h, emitted by the compiler); the others refuse NULL
 * weights.
 */
tx_status tx_fully_connected_s8(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                                const int8_t *in, const int8_t *weights, const int32_t *bias,
                                const tx_shape4 *out_shape, int8_t *out);

/* No scratch memory is needed: always 0. */
int32_t tx_fully_connected_s8_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape);

#endif /* TX_FULLY_CONNECTED_S8_H */
