/*
 * The body of tx_resize_nearest_s8 and tx_resize_nearest_s16 (twins of
 * dev.tenax.kernels.ResizeNearestS8 and ResizeNearestS16), which differ only in the element type:
 * the kernel's source defines TX_COPY_ELEM (int8_t or int16_t), includes this file and calls
 * tx_resize_nearest_body.
 */
#ifndef TX_RESIZE_NEAREST_BODY_H
#define TX_RESIZE_NEAREST_BODY_H

#include <stdint.h>

#include "tx_kernel_args.h"
#include "tx_resize_nearest_s8.h"
#include "tx_status.h"

/* Every entry of table[0..len) in [0, limit). */
static int tx_indices_valid(const int32_t *table, int32_t len, int32_t limit)
{
  int32_t i;
  for (i = 0; i < len; i++) {
    if (table[i] < 0 || table[i] >= limit) {
      return 0;
    }
  }
  return 1;
}

static tx_status tx_resize_nearest_body(const tx_resize_nearest_s8_params *p,
                                        const tx_shape4 *in_shape, const TX_COPY_ELEM *in,
                                        const tx_shape4 *out_shape, TX_COPY_ELEM *out)
{
  int32_t b, oy, ox, ch;
  int32_t k = 0;
  if (p == 0 || in_shape == 0 || in == 0 || out_shape == 0 || out == 0 || p->src_y == 0
      || p->src_x == 0 || !tx_shape4_valid(in_shape) || !tx_shape4_valid(out_shape)
      || in_shape->n != out_shape->n || in_shape->c != out_shape->c
      || !tx_indices_valid(p->src_y, out_shape->h, in_shape->h)
      || !tx_indices_valid(p->src_x, out_shape->w, in_shape->w)) {
    return TX_ERR_ARGUMENT;
  }
  for (b = 0; b < out_shape->n; b++) {
    for (oy = 0; oy < out_shape->h; oy++) {
      const int32_t row = (b * in_shape->h + p->src_y[oy]) * in_shape->w;
      for (ox = 0; ox < out_shape->w; ox++) {
        const TX_COPY_ELEM *src = in + (row + p->src_x[ox]) * in_shape->c;
        for (ch = 0; ch < out_shape->c; ch++) {
          out[k++] = src[ch];
        }
      }
    }
  }
  return TX_OK;
}

#endif /* TX_RESIZE_NEAREST_BODY_H */
