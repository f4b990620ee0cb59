/*
 * tx_pool_window.h: the pooling kernels' window walk, with additions only for the windows that
 * lie entirely inside the input. The index products of the plain form, ((n * h + y) * w + x) * c
 * + ch for every tap, are calls to a 32-bit multiply helper on 16-bit cores (MSP430: ~500 cycles
 * per input element of a 2x2 max pool, half of them in clipping windows with int32 arithmetic).
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

/* One axis of the window walk (rows or columns). */
typedef struct {
  size_t inner_begin;   /* windows [inner_begin, inner_begin + inner_count) lie inside the input */
  size_t inner_count;
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
  a->inner_last = a->inner_count != 0u ? (size_t)(filter - 1) * unit : 0u;
}

/* Window i outside the inner ones clipped to the input, [max(o, 0), min(o + filter, extent)) with
 * o = i * stride - pad: 0 when it covers only padding, else 1 with its first valid tap's element
 * offset in *begin and the last one's offset from the first in *last. */
static int tx_pool_axis_clip(const tx_pool_axis *a, size_t i, size_t *begin, size_t *last)
{
  const int32_t origin = (int32_t)i * a->stride - a->pad;
  const int32_t end = a->extent - origin < a->filter ? a->extent : origin + a->filter;
  const int32_t first = origin < 0 ? 0 : origin;
  if (end <= first) {
    return 0;
  }
  *begin = (size_t)first * a->unit;
  *last = (size_t)(end - first - 1) * a->unit;
  return 1;
}

/* Window i's taps as tx_pool_axis_clip gives them, from `offset`, its stepped offset (exact for
 * the inner windows, which need no clipping: a comparison and no product). A macro, so that the
 * inner case stays in the caller's loop even where the compiler would not inline it. */
#define tx_pool_axis_window(a, i, offset, begin, last)                                         \
  ((i) - (a)->inner_begin < (a)->inner_count                                                   \
       ? (*(begin) = (offset), *(last) = (a)->inner_last, 1)                                   \
       : tx_pool_axis_clip((a), (i), (begin), (last)))

#endif /* TX_POOL_WINDOW_H */
