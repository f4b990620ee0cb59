/*
 * tx_avg_pool_requant_s8 (twin of dev.tenax.kernels.AvgPoolRequantS8): the argument check, the
 * reference loops on the window walk of the other pooling kernels (tx_pool_window.h), only defined
 * arithmetic, and the entry points. Every variant's source is this body with one of two hooks,
 * defined before including it:
 *   TX_AVG_POOL_REQUANT_S8_OUT(p, acc)  the output stage, tx_requantize_s8 with the call's
 *       parameters by default (msp430-hwmult: its 16x16-product form, same bits);
 *   TX_AVG_POOL_REQUANT_S8_RUN          the loops a checked call runs, the reference by default
 *       (arm-dsp: its SXTAB16 loops where the compiler has the DSP extension);
 *   TX_AVG_POOL_REQUANT_S8_IN_BUILD(p, in_shape, out_shape)  0 when the loops this checked call
 *       needs were left out of the build (arm-dsp: tx_arm_dsp_paths.h), 1 by default.
 * Include it in the kernel's source only.
 */
#ifndef TX_AVG_POOL_REQUANT_S8_BODY_H
#define TX_AVG_POOL_REQUANT_S8_BODY_H

#include <stddef.h>
#include <stdint.h>

#include "tx_avg_pool_requant_s8.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

#define TX_POOL_ELEM int8_t
#include "tx_pool_sum.h"
#include "tx_pool_window.h"

#ifndef TX_AVG_POOL_REQUANT_S8_OUT
#define TX_AVG_POOL_REQUANT_S8_OUT(p, acc)                                                      \
  tx_requantize_s8((acc), (p)->multiplier, (p)->shift, (p)->output_offset, (p)->act_min,       \
                   (p)->act_max)
#endif

/* The most taps a window may have: sums of (in + input_offset), each within [-255, 255], stay
 * inside int32 without wrapping (255 * 2^23 < 2^31). */
#define TX_AVG_POOL_REQUANT_MAX_WINDOW INT32_C(0x800000)

/* 1 when the pointers are set and the parameters and shapes are consistent. */
TX_ARGS_CHECK_SMALL
static int tx_avg_pool_requant_s8_valid(const tx_avg_pool_requant_s8_params *p,
                                        const tx_shape4 *in_shape, const int8_t *in,
                                        const tx_shape4 *out_shape, const int8_t *out)
{
  int32_t window = 0;
  if (p == 0 || in_shape == 0 || in == 0 || out_shape == 0 || out == 0) {
    return 0;
  }
  return tx_pool_args_valid(in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h,
                            p->stride_w, p->pad_top, p->pad_left)
      && tx_mul_s32_fits(p->filter_h, p->filter_w, &window)
      && window <= TX_AVG_POOL_REQUANT_MAX_WINDOW
      && p->input_offset >= -127 && p->input_offset <= 128
      && tx_output_s8_valid(p->output_offset, p->act_min, p->act_max)
      && p->multiplier >= 0 && p->shift >= -31 && p->shift <= 30;
}

/* The offsets' share of a window of `count` valid taps (|count * input_offset| <= 2^30): the
 * windows' sums start from it. */
static inline int32_t tx_avg_pool_requant_offsets(size_t count, int32_t input_offset)
{
  return (int32_t)count * input_offset;
}

/* inline: the DSP variant takes it only where the extension is missing. */
static inline void tx_avg_pool_requant_s8_reference(const tx_avg_pool_requant_s8_params *p,
                                                    const tx_shape4 *in_shape, const int8_t *in,
                                                    const tx_shape4 *out_shape, int8_t *out)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  tx_pool_walk w;
  tx_pool_window win;
  tx_pool_walk_init(&w, in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h, p->stride_w,
                    p->pad_top, p->pad_left);
  while (tx_pool_walk_next(&w, &win)) {
    const size_t count = win.rows * win.cols;
    const int32_t offsets = tx_avg_pool_requant_offsets(count, p->input_offset);
    /* a window of padding only sums to 0, as the depthwise convolution this kernel replaced;
     * its begin is no element's offset, so its pointer stays at in (which holds c elements) */
    const int8_t *tap = count != 0u ? in + win.begin : in;
    size_t ch;
    for (ch = 0u; ch < c; ch++, tap++) {
      const int32_t sum = count != 0u
          ? tx_pool_sum(tap, win.rows_last, win.cols_last, row, c) + offsets : 0;
      *out++ = TX_AVG_POOL_REQUANT_S8_OUT(p, sum);
    }
  }
}

#ifndef TX_AVG_POOL_REQUANT_S8_RUN
#define TX_AVG_POOL_REQUANT_S8_RUN tx_avg_pool_requant_s8_reference
#endif
#ifndef TX_AVG_POOL_REQUANT_S8_IN_BUILD
#define TX_AVG_POOL_REQUANT_S8_IN_BUILD(p, in_shape, out_shape) 1
#endif

tx_status tx_avg_pool_requant_s8(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  if (!tx_avg_pool_requant_s8_valid(p, in_shape, in, out_shape, out)
      || !TX_AVG_POOL_REQUANT_S8_IN_BUILD(p, in_shape, out_shape)) {
    return TX_ERR_ARGUMENT;
  }
  TX_AVG_POOL_REQUANT_S8_RUN(p, in_shape, in, out_shape, out);
  return TX_OK;
}

int32_t tx_avg_pool_requant_s8_scratch_size(const tx_avg_pool_requant_s8_params *p,
                                            const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}

#endif /* TX_AVG_POOL_REQUANT_S8_BODY_H */
