/* Int8 average pooling into another quantization, over NHWC: one requantization of each window's
 * sum. Twin of dev.tenax.kernels.AvgPoolRequantS8. */
#ifndef TX_AVG_POOL_REQUANT_S8_H
#define TX_AVG_POOL_REQUANT_S8_H

#include <stdint.h>

#include "tx_status.h"

/* The window of tx_avg_pool_s8_params, then the requantization of tx_depthwise_conv2d_s8_params
 * with one multiplier for every channel. */
typedef struct {
  int32_t filter_h;      /* filter_h * filter_w at most 2^23: the sum stays within int32 */
  int32_t filter_w;
  int32_t stride_h;
  int32_t stride_w;
  int32_t pad_top;       /* bottom/right padding follows from the output shape; padded taps are skipped */
  int32_t pad_left;
  int32_t input_offset;  /* -input zero point, in [-127, 128] */
  int32_t output_offset; /* output zero point, in [-128, 127] */
  int32_t act_min;       /* clamp of the outputs, inside [-128, 127] */
  int32_t act_max;
  int32_t multiplier;    /* >= 0: input scale / (window * output scale), with shift in [-31, 30] */
  int32_t shift;
} tx_avg_pool_requant_s8_params;

/* out_shape has the batch and channels of in_shape. Each output is
 * tx_requantize_s8(sum of (in + input_offset) over the window's valid taps, ...). */
tx_status tx_avg_pool_requant_s8(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *out_shape, int8_t *out);

/* No scratch memory is needed: always 0. */
int32_t tx_avg_pool_requant_s8_scratch_size(const tx_avg_pool_requant_s8_params *p,
                                            const tx_shape4 *in_shape);

#endif /* TX_AVG_POOL_REQUANT_S8_H */
