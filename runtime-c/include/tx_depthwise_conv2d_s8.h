/* tx_depthwise_conv2d_s8: int8 depthwise 2-D convolution, NHWC; twin of
 * dev.tenax.kernels.DepthwiseConv2dS8. */
#ifndef TX_DEPTHWISE_CONV2D_S8_H
#define TX_DEPTHWISE_CONV2D_S8_H

#include <stdint.h>

#include "tx_status.h"

/* Every number is precomputed by the compiler; bottom/right padding follow from out_shape. */
typedef struct {
  int32_t stride_h;
  int32_t stride_w;
  int32_t dilation_h;
  int32_t dilation_w;
  int32_t pad_top;
  int32_t pad_left;
  int32_t channel_multiplier;  /* out_c = in_c * channel_multiplier */
  int32_t input_offset;        /* -input zero point, in [-127, 128] */
  int32_t output_offset;       /* output zero point, in [-128, 127] */
  int32_t act_min;             /* clamp of the outputs, inside [-128, 127] */
  int32_t act_max;
  const int32_t *multipliers;  /* [out_c] */
  const int32_t *shifts;       /* [out_c] */
} tx_depthwise_conv2d_s8_params;

/*
 * in: NHWC [n][h][w][in_c]; filter_shape (1, kh, kw, out_c), filter [1][kh][kw][out_c] where
 * output channel ic * channel_multiplier + m reads input channel ic; bias [out_c] or NULL;
 * out_shape (n, out_h, out_w, out_c). Padded positions are skipped.
 */
tx_status tx_depthwise_conv2d_s8(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *filter_shape,
                                 const int8_t *filter, const int32_t *bias,
                                 const tx_shape4 *out_shape, int8_t *out);

/* No scratch memory is needed: always 0. */
int32_t tx_depthwise_conv2d_s8_scratch_size(const tx_depthwise_conv2d_s8_params *p,
                                            const tx_shape4 *in_shape,
                                            const tx_shape4 *filter_shape,
                                            const tx_shape4 *out_shape);

#endif /* TX_DEPTHWISE_CONV2D_S8_H */
