/* Int16 average pooling over NHWC (CMSIS-NN arm_avgpool_s16). Twin of dev.tenax.kernels.AvgPoolS16. */
#ifndef TX_AVG_POOL_S16_H
#define TX_AVG_POOL_S16_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  int32_t filter_h;
  int32_t filter_w;
  int32_t stride_h;
  int32_t stride_w;
  int32_t pad_top;   /* bottom/right padding follows from the output shape */
  int32_t pad_left;
  int32_t act_min;   /* clamp of the outputs, inside [-32768, 32767] */
  int32_t act_max;
} tx_avg_pool_s16_params;

/* out_shape has the batch and channels of in_shape. The mean of the valid inputs, rounded half
 * away from zero; filter_h * filter_w is at most 65535 (the int32 sum cannot overflow) and a
 * window of padding only is an error. */
tx_status tx_avg_pool_s16(const tx_avg_pool_s16_params *p, const tx_shape4 *in_shape,
                          const int16_t *in, const tx_shape4 *out_shape, int16_t *out);

int32_t tx_avg_pool_s16_scratch_size(const tx_avg_pool_s16_params *p, const tx_shape4 *in_shape);

#endif /* TX_AVG_POOL_S16_H */
