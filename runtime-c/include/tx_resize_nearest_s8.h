/* Nearest-neighbour resize of an NHWC int8 tensor (a copy: one quantization in and out). Twin of
 * dev.tenax.kernels.ResizeNearestS8, which turns ONNX Resize's coordinate_transformation_mode and
 * nearest_mode into the two index tables. */
#ifndef TX_RESIZE_NEAREST_S8_H
#define TX_RESIZE_NEAREST_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  const int32_t *src_y; /* [out_shape->h]: input row of each output row, in [0, in_shape->h) */
  const int32_t *src_x; /* [out_shape->w]: input column of each output column, in [0, in_shape->w) */
} tx_resize_nearest_s8_params;

/* in is (n, in_h, in_w, c), out is (n, out_h, out_w, c): n and c must agree. in and out must not
 * overlap. */
tx_status tx_resize_nearest_s8(const tx_resize_nearest_s8_params *p, const tx_shape4 *in_shape,
                               const int8_t *in, const tx_shape4 *out_shape, int8_t *out);

int32_t tx_resize_nearest_s8_scratch_size(const tx_resize_nearest_s8_params *p,
                                          const tx_shape4 *in_shape, const tx_shape4 *out_shape);

#endif /* TX_RESIZE_NEAREST_S8_H */
