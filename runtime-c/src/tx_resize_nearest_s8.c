/* Nearest-neighbour int8 resize; the specification is dev.tenax.kernels.ResizeNearestS8. */
#include "tx_resize_nearest_s8.h"

#include "tx_kernel_args.h"

/* Every entry of table[0..len) in [0, limit). */
static int indices_valid(const int32_t *table, int32_t len, int32_t limit)
{
  int32_t i;
  for (i = 0; i < len; i++) {
    if (table[i] < 0 || table[i] >= limit) {
      return 0;
    }
  }
  return 1;
}

tx_status tx_resize_nearest_s8(const tx_resize_nearest_s8_params *p, const tx_shape4 *in_shape,
                               const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  int32_t b;
  int32_t oy;
  int32_t ox;
  int32_t ch;
  int32_t k = 0;
  if (p == 0 || in_shape == 0 || in == 0 || out_shape == 0 || out == 0 || p->src_y == 0
      || p->src_x == 0 || !tx_shape4_valid(in_shape) || !tx_shape4_valid(out_shape)
      || in_shape->n != out_shape->n || in_shape->c != out_shape->c
      || !indices_valid(p->src_y, out_shape->h, in_shape->h)
      || !indices_valid(p->src_x, out_shape->w, in_shape->w)) {
    return TX_ERR_ARGUMENT;
  }
  for (b = 0; b < out_shape->n; b++) {
    for (oy = 0; oy < out_shape->h; oy++) {
      const int32_t row = (b * in_shape->h + p->src_y[oy]) * in_shape->w;
      for (ox = 0; ox < out_shape->w; ox++) {
        const int8_t *src = in + (row + p->src_x[ox]) * in_shape->c;
        for (ch = 0; ch < out_shape->c; ch++) {
          out[k++] = src[ch];
        }
      }
    }
  }
  return TX_OK;
}

int32_t tx_resize_nearest_s8_scratch_size(const tx_resize_nearest_s8_params *p,
                                          const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
  (void)p;
  (void)in_shape;
  (void)out_shape;
  return 0;
}
