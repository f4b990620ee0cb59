/* Int8 max pooling over NHWC (TFLite int8 MaxPool). Twin of dev.tenax.kernels.MaxPoolS8. */
#ifndef TX_MAX_POOL_S8_H
#define TX_MAX_POOL_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  int32_t filter_h;
  int32_t filter_w;
  int32_t stride_h;
  int32_t stride_w;
  int32_t pad_top;   /* bottom/right padding follows from the output shape */
  int32_t pad_left;
  int32_t act_min;
  int32_t act_max;
} tx_max_pool_s8_params;

/* out_shape has the batch and channels of in_shape. */
tx_status tx_max_pool_s8(const tx_max_pool_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, int8_t *out);

int32_t tx_max_pool_s8_scratch_size(const tx_max_pool_s8_params *p, const tx_shape4 *in_shape);

#endif /* TX_MAX_POOL_S8_H */
