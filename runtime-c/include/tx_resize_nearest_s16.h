/* Nearest-neighbour resize of an NHWC int16 tensor (a copy: one quantization in and out). Twin of
 * dev.tenax.kernels.ResizeNearestS16; the index tables are those of tx_resize_nearest_s8, which
 * dev.tenax.kernels.ResizeNearestS8 computes. */
#ifndef TX_RESIZE_NEAREST_S16_H
#define TX_RESIZE_NEAREST_S16_H

#include <stdint.h>

#include "tx_resize_nearest_s8.h"
#include "tx_status.h"

/* The fields of tx_resize_nearest_s8_params: src_y[out_shape->h], src_x[out_shape->w]. */
typedef tx_resize_nearest_s8_params tx_resize_nearest_s16_params;

/* in is (n, in_h, in_w, c), out is (n, out_h, out_w, c): n and c must agree. in and out must not
 * overlap. */
tx_status tx_resize_nearest_s16(const tx_resize_nearest_s16_params *p,
                                const tx_shape4 *in_shape, const int16_t *in,
                                const tx_shape4 *out_shape, int16_t *out);

int32_t tx_resize_nearest_s16_scratch_size(const tx_resize_nearest_s16_params *p,
                                           const tx_shape4 *in_shape,
                                           const tx_shape4 *out_shape);

#endif /* TX_RESIZE_NEAREST_S16_H */
