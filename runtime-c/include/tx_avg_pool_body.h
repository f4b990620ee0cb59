/*
 * The body of tx_avg_pool_s8 and tx_avg_pool_s16 (twins of dev.tenax.kernels.AvgPoolS8 and
 * AvgPoolS16), which differ only in the element type: the kernel's source defines TX_POOL_ELEM
 * (int8_t or int16_t) and its parameter struct TX_POOL_PARAMS, includes this file and calls
 * tx_avg_pool_body after checking its arguments. Only valid positions are summed and counted; the
 * average rounds half away from zero.
 */
#ifndef TX_AVG_POOL_BODY_H
#define TX_AVG_POOL_BODY_H

#include <stddef.h>
#include <stdint.h>

#include "tx_fixed_point.h"
#include "tx_kernel_args.h"
#include "tx_pool_sum.h"
#include "tx_pool_window.h"

/* TX_ERR_ARGUMENT, after the outputs before it, at a window of padding only (an error in TFLite
 * too). */
static tx_status tx_avg_pool_body(const TX_POOL_PARAMS *p, const tx_shape4 *in_shape,
                                  const TX_POOL_ELEM *in, const tx_shape4 *out_shape,
                                  TX_POOL_ELEM *out)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  tx_pool_walk w;
  tx_pool_window win;
  tx_pool_walk_init(&w, in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h, p->stride_w,
                    p->pad_top, p->pad_left);
  while (tx_pool_walk_next(&w, &win)) {
    /* at most the input's h * w positions */
    const int32_t count = (int32_t)(win.rows * win.cols);
    const TX_POOL_ELEM *tap;
    size_t ch;
    if (count == 0) {
      return TX_ERR_ARGUMENT;
    }
    tap = in + win.begin;
    for (ch = 0u; ch < c; ch++) {
      int32_t sum = tx_pool_sum(tap++, win.rows_last, win.cols_last, row, c);
      /* Round half away from zero; C99 division truncates toward zero, as Java's does. */
      sum = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
      *out++ = (TX_POOL_ELEM)tx_clamp_s32(sum, p->act_min, p->act_max);
    }
  }
  return TX_OK;
}

#endif /* TX_AVG_POOL_BODY_H */
