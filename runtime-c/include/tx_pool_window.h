/*
 * tx_pool_window.h: the pooling kernels' window walk, with additions only for the windows that
 * lie entirely inside the input. The index products of the plain form, ((n * h + y) * w + x) * c
 * + ch for every tap, are calls to a 32-bit multiply helper on 16-bit cores (MSP430: ~510 cycles
 * per input element of a 2x2 max pool; without the products, clipping every window in int32
 * arithmetic still cost ~150).
 * Here each axis knows, from one pass at the start of a call, which windows are inside the input;
 * those step their element offset by the stride, and only the windows that reach into the
 * padding or past the end are clipped (with products).
 *
 * Window indices, tap counts and element offsets are size_t: they never exceed a tensor's element
 * count, which fits the address space, so they are exact and native-width on every target.
 * The stepped offset wraps modulo SIZE_MAX + 1 while a window starts in the leading pad (defined
 * for unsigned types) and is used only for inner windows, where it is exact.
 */
#ifndef TX_POOL_WINDOW_H
#define TX_POOL_WINDOW_H

#include <stddef.h>
#include <stdint.h>

#include "tx_kernel_args.h"

/* One axis of the window walk (rows or columns). */
typedef struct {
  size_t inner_begin;   /* windows [inner_begin, inner_begin + inner_count) lie inside the input */
  size_t inner_count;
  size_t inner_taps;    /* their tap count, filter */
  size_t inner_last;    /* (filter - 1) * unit: their last tap's offset from their first */
  size_t first_offset;  /* element offset of window 0's first tap, -pad * unit modulo SIZE_MAX + 1 */
  size_t stride_offset; /* stride * unit */
  size_t unit;          /* elements between taps: w * c for rows, c for columns */
  int32_t pad, stride, filter, extent;
} tx_pool_axis;

/* The axis of `windows` windows of `filter` taps, `stride` apart, the first at -pad, over an input
 * of `extent` positions (all positive but pad, as the kernels' argument checks require). */
static inline void tx_pool_axis_init(tx_pool_axis *a, int32_t pad, int32_t stride, int32_t filter,
                                     int32_t extent, size_t unit, size_t windows)
{
  const int32_t last_inside = extent - filter; /* the last origin of a window inside the input */
  int32_t origin = -pad;
  size_t i;
  a->pad = pad;
  a->stride = stride;
  a->filter = filter;
  a->extent = extent;
  a->unit = unit;
  a->first_offset = (size_t)0u - (size_t)pad * unit;
  a->stride_offset = (size_t)stride * unit;
  /* the windows inside are consecutive (origins grow): one pass over the origins */
  a->inner_begin = 0u;
  a->inner_count = 0u;
  for (i = 0u; i < windows; i++, origin += stride) {
    if (origin >= 0 && origin <= last_inside) {
      if (a->inner_count == 0u) {
        a->inner_begin = i;
      }
      a->inner_count++;
    }
  }
  a->inner_taps = a->inner_count != 0u ? (size_t)filter : 0u;
  a->inner_last = a->inner_count != 0u ? (size_t)(filter - 1) * unit : 0u;
}

/* Window i outside the inner ones clipped to the input, [max(o, 0), min(o + filter, extent)) with
 * o = i * stride - pad: its count of valid taps, 0 when it covers only padding, else with the
 * first one's element offset in *begin and the last one's offset from the first in *last. */
static size_t tx_pool_axis_clip(const tx_pool_axis *a, size_t i, size_t *begin, size_t *last)
{
  const int32_t origin = (int32_t)i * a->stride - a->pad;
  const int32_t end = a->extent - origin < a->filter ? a->extent : origin + a->filter;
  const int32_t first = origin < 0 ? 0 : origin;
  if (end <= first) {
    return 0u;
  }
  *begin = (size_t)first * a->unit;
  *last = (size_t)(end - first - 1) * a->unit;
  return (size_t)(end - first);
}

/* Window i's taps as tx_pool_axis_clip gives them, from `offset`, its stepped offset (exact for
 * the inner windows, which need no clipping: a comparison and no product). A macro, so that the
 * inner case stays in the caller's loop even where the compiler would not inline it. */
#define tx_pool_axis_window(a, i, offset, begin, last)                                         \
  ((i) - (a)->inner_begin < (a)->inner_count                                                   \
       ? (*(begin) = (offset), *(last) = (a)->inner_last, (a)->inner_taps)                                   \
       : tx_pool_axis_clip((a), (i), (begin), (last)))

/* The walk over a pooling call's windows in output order (batch item, output row, column). */
typedef struct {
  tx_pool_axis ys, xs;
  size_t out_h, out_w, image;
  size_t oy, ox;             /* the current output row; the next column */
  size_t y_offset, x_offset; /* their stepped offsets */
  size_t item;               /* the batch item's first element */
  size_t rows, row_begin, rows_last; /* the current output row's window rows */
  int32_t n, batch;
  int started;
} tx_pool_walk;

/* One window: its valid taps, rows `row` and columns `c` elements apart. */
typedef struct {
  size_t begin;     /* the first valid tap's element offset in the input */
  size_t rows, cols; /* counts of valid rows and columns, either 0 for a window of padding only */
  size_t rows_last, cols_last; /* the last valid row's and column's offsets from the first */
} tx_pool_window;

static void tx_pool_walk_init(tx_pool_walk *w, const tx_shape4 *in_shape, const tx_shape4 *out_shape,
                              int32_t filter_h, int32_t filter_w, int32_t stride_h,
                              int32_t stride_w, int32_t pad_top, int32_t pad_left)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  w->out_h = (size_t)out_shape->h;
  w->out_w = (size_t)out_shape->w;
  w->image = (size_t)in_shape->h * row;
  tx_pool_axis_init(&w->ys, pad_top, stride_h, filter_h, in_shape->h, row, w->out_h);
  tx_pool_axis_init(&w->xs, pad_left, stride_w, filter_w, in_shape->w, c, w->out_w);
  w->oy = 0u;
  w->ox = w->out_w; /* the first call starts row 0 */
  w->y_offset = w->ys.first_offset;
  w->x_offset = 0u;
  w->item = 0u;
  w->rows = w->row_begin = w->rows_last = 0u;
  w->n = 0;
  w->batch = in_shape->n;
  w->started = 0;
}

/* The next window in *win (0 after the last one). Offsets are exact only for windows with taps. */
static int tx_pool_walk_next(tx_pool_walk *w, tx_pool_window *win)
{
  size_t col_begin = 0u;
  if (w->ox == w->out_w) {
    if (w->started) {
      w->oy++;
      w->y_offset += w->ys.stride_offset;
    }
    w->started = 1;
    if (w->oy == w->out_h) {
      if (++w->n == w->batch) {
        return 0;
      }
      w->oy = 0u;
      w->y_offset = w->ys.first_offset;
      w->item += w->image;
    }
    w->rows = tx_pool_axis_window(&w->ys, w->oy, w->y_offset, &w->row_begin, &w->rows_last);
    w->ox = 0u;
    w->x_offset = w->xs.first_offset;
  }
  win->rows = w->rows;
  win->rows_last = w->rows_last;
  win->cols_last = 0u;
  win->cols = tx_pool_axis_window(&w->xs, w->ox, w->x_offset, &col_begin, &win->cols_last);
  win->begin = w->item + w->row_begin + col_begin;
  w->ox++;
  w->x_offset += w->xs.stride_offset;
  return 1;
}

#endif /* TX_POOL_WINDOW_H */
