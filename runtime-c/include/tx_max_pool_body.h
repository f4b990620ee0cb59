/*
 * The body of tx_max_pool_s8 and tx_max_pool_s16 (twins of dev.tenax.kernels.MaxPoolS8 and
 * MaxPoolS16), which differ only in the element type: the kernel's source defines TX_POOL_ELEM
 * (int8_t or int16_t), its minimum TX_POOL_MIN and its parameter struct TX_POOL_PARAMS, includes
 * this file and calls tx_max_pool_body after checking its arguments. Padded positions are skipped; the maximum
 * starts at TX_POOL_MIN, so a window of padding only gives TX_POOL_MIN, clamped.
 */
#ifndef TX_MAX_POOL_BODY_H
#define TX_MAX_POOL_BODY_H

#include <stddef.h>
#include <stdint.h>

#include "tx_kernel_args.h"
#include "tx_pool_window.h"

/* The largest of a window's taps, at least TX_POOL_MIN: rows `row` elements apart from `tap` to
 * tap + rows_last, columns `c` apart to row + cols_last. Pointers stop at the last tap. */
static int tx_max_pool_window(const TX_POOL_ELEM *tap, size_t rows_last, size_t cols_last,
                              size_t row, size_t c)
{
  const TX_POOL_ELEM *const bottom = tap + rows_last;
  int max = TX_POOL_MIN; /* int holds int16: compares in the core's width */
  for (;;) {
    const TX_POOL_ELEM *q = tap;
    const TX_POOL_ELEM *const end = tap + cols_last;
    for (;;) {
      max = *q > max ? *q : max;
      if (q == end) {
        break;
      }
      q += c;
    }
    if (tap == bottom) {
      break;
    }
    tap += row;
  }
  return max;
}

static void tx_max_pool_body(const TX_POOL_PARAMS *p, const tx_shape4 *in_shape,
                             const TX_POOL_ELEM *in, const tx_shape4 *out_shape, TX_POOL_ELEM *out)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  const size_t image = (size_t)in_shape->h * row;
  const size_t out_h = (size_t)out_shape->h, out_w = (size_t)out_shape->w;
  /* the clamp in the core's width: the arguments were checked to lie in the element's range */
  const int act_min = (int)p->act_min, act_max = (int)p->act_max;
  tx_pool_axis ys, xs;
  int32_t n;
  size_t oy, ox, y_offset, x_offset;
  tx_pool_axis_init(&ys, p->pad_top, p->stride_h, p->filter_h, in_shape->h, row, out_h);
  tx_pool_axis_init(&xs, p->pad_left, p->stride_w, p->filter_w, in_shape->w, c, out_w);
  for (n = 0; n < in_shape->n; n++) {
    y_offset = ys.first_offset;
    for (oy = 0u; oy < out_h; oy++, y_offset += ys.stride_offset) {
      size_t row_begin = 0u, rows_last = 0u;
      const int rows = tx_pool_axis_window(&ys, oy, y_offset, &row_begin, &rows_last);
      x_offset = xs.first_offset;
      for (ox = 0u; ox < out_w; ox++, x_offset += xs.stride_offset) {
        size_t col_begin = 0u, cols_last = 0u;
        /* no taps: the window covers only padding, and nothing is read */
        const int any = rows && tx_pool_axis_window(&xs, ox, x_offset, &col_begin, &cols_last);
        const TX_POOL_ELEM *tap = any ? in + row_begin + col_begin : in;
        size_t ch;
        for (ch = 0u; ch < c; ch++) {
          int max = any ? tx_max_pool_window(tap++, rows_last, cols_last, row, c) : TX_POOL_MIN;
          max = max < act_min ? act_min : max;
          *out++ = (TX_POOL_ELEM)(max > act_max ? act_max : max);
        }
      }
    }
    if (n + 1 < in_shape->n) { /* never past the end */
      in += image;
    }
  }
}

#endif /* TX_MAX_POOL_BODY_H */
