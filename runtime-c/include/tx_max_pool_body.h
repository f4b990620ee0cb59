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

/* A window of exactly 2x2 taps (every window of the usual 2x2 pool of stride 2): each channel's
 * four taps compared unrolled, without tx_max_pool_window's loops, and the c outputs at out:
 * the MNIST example's first pool on cortex-m0 31 instructions an output, 74 through the loops.
 * Left out of builds for the smallest code (TX_SMALL_CODE) and of MSP430 builds, where its 170
 * bytes at -Os (for 170 cycles an input element instead of 247) pushed onnx-mlir's MNIST, built
 * for intermittent power, over the FRAM below 64 KB. */
#if !defined(TX_SMALL_CODE) && !defined(__MSP430__)
#define TX_MAX_POOL_2X2 1
#else
#define TX_MAX_POOL_2X2 0
#endif
#if TX_MAX_POOL_2X2
static void tx_max_pool_2x2(const TX_POOL_ELEM *tap, size_t row, size_t c, int act_min,
                            int act_max, TX_POOL_ELEM *out)
{
  const TX_POOL_ELEM *const right = tap + c;
  const TX_POOL_ELEM *const below = tap + row;
  const TX_POOL_ELEM *const diagonal = below + c;
  size_t ch;
  for (ch = 0u; ch < c; ch++) {
    const int a = tap[ch], b = right[ch], d = below[ch], e = diagonal[ch];
    const int top = a > b ? a : b;
    const int bottom = d > e ? d : e;
    int max = top > bottom ? top : bottom;
    max = max < act_min ? act_min : max;
    out[ch] = (TX_POOL_ELEM)(max > act_max ? act_max : max);
  }
}
#endif

static void tx_max_pool_body(const TX_POOL_PARAMS *p, const tx_shape4 *in_shape,
                             const TX_POOL_ELEM *in, const tx_shape4 *out_shape, TX_POOL_ELEM *out)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  /* the clamp in the core's width: the arguments were checked to lie in the element's range */
  const int act_min = (int)p->act_min, act_max = (int)p->act_max;
  tx_pool_walk w;
  tx_pool_window win;
  tx_pool_walk_init(&w, in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h, p->stride_w,
                    p->pad_top, p->pad_left);
  while (tx_pool_walk_next(&w, &win)) {
    /* no taps: the window covers only padding, and nothing is read */
    const int any = win.rows != 0u && win.cols != 0u;
    const TX_POOL_ELEM *tap = any ? in + win.begin : in;
    size_t ch;
#if TX_MAX_POOL_2X2
    if (win.rows == 2u && win.cols == 2u) {
      tx_max_pool_2x2(tap, row, c, act_min, act_max, out);
      out += c;
      continue;
    }
#endif
    for (ch = 0u; ch < c; ch++) {
      int max = any ? tx_max_pool_window(tap++, win.rows_last, win.cols_last, row, c) : TX_POOL_MIN;
      max = max < act_min ? act_min : max;
      *out++ = (TX_POOL_ELEM)(max > act_max ? act_max : max);
    }
  }
}

#endif /* TX_MAX_POOL_BODY_H */
