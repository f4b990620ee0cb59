/*
 * Argument checks shared by the kernels (twin of dev.tenax.kernels.Shapes4 and PoolGeometry). They keep every index
 * a kernel computes inside int32_t, so the loops need no wider arithmetic on 16-bit targets.
 */
#ifndef TX_KERNEL_ARGS_H
#define TX_KERNEL_ARGS_H

#include <stdint.h>

#include "tx_status.h"

/* All dimensions positive and the element count within int32_t (checked one factor at a time,
 * so no product overflows even int64_t). */
static inline int tx_shape4_valid(const tx_shape4 *s)
{
    int64_t count;
    if (s->n <= 0 || s->h <= 0 || s->w <= 0 || s->c <= 0) {
        return 0;
    }
    count = (int64_t)s->n * s->h;
    if (count > INT32_MAX) {
        return 0;
    }
    count *= s->w;
    if (count > INT32_MAX) {
        return 0;
    }
    return count * s->c <= INT32_MAX;
}

/*
 * One spatial axis of a sliding window: `out` positions, `stride` apart, starting `pad` before the
 * input, each covering (k - 1) * dilation + 1 input positions. The compiler chose the bottom/right
 * padding implicitly through `out`; it is consistent when no pad is negative, i.e. `out` is at
 * least the size with zero bottom padding (rows beyond the last window are fewer than a stride),
 * and every coordinate stays within int32_t.
 */
static inline int tx_window_valid(int32_t in, int32_t k, int32_t stride, int32_t dilation,
                                  int32_t pad, int32_t out)
{
    int64_t effective;
    if (in <= 0 || k <= 0 || stride <= 0 || dilation <= 0 || pad < 0 || out <= 0) {
        return 0;
    }
    effective = (int64_t)(k - 1) * dilation + 1;
    if ((int64_t)(out - 1) * stride + effective > INT32_MAX) {
        return 0;
    }
    /* out < (in + pad - effective) / stride + 1 without the division (a 64-bit one is a
     * library call on 32-bit cores): for d >= 0, out < floor(d / stride) + 1 exactly when
     * out <= floor(d / stride), i.e. out * stride <= d */
    if ((int64_t)in + pad >= effective
        && (int64_t)out * stride <= (int64_t)in + pad - effective) {
        return 0;
    }
    return 1;
}

/*
 * A 2-D sliding window with a filter tensor (convolution, depthwise convolution): the three shapes
 * valid, input and output of one batch, and both spatial axes consistent (tx_window_valid). The
 * kernel checks its channel counts itself.
 */
static inline int tx_window2d_valid(const tx_shape4 *in, const tx_shape4 *filter,
                                    const tx_shape4 *out, int32_t stride_h, int32_t stride_w,
                                    int32_t dilation_h, int32_t dilation_w, int32_t pad_top,
                                    int32_t pad_left)
{
    return tx_shape4_valid(in) && tx_shape4_valid(filter) && tx_shape4_valid(out)
        && out->n == in->n
        && tx_window_valid(in->h, filter->h, stride_h, dilation_h, pad_top, out->h)
        && tx_window_valid(in->w, filter->w, stride_w, dilation_w, pad_left, out->w);
}

/*
 * Pooling (max and average): input dimensions and output height and width positive, batch and
 * channels kept, filter and strides positive and pads not negative. Twin of
 * dev.tenax.kernels.PoolGeometry.
 */
static inline int tx_pool_args_valid(const tx_shape4 *in, const tx_shape4 *out, int32_t filter_h,
                                     int32_t filter_w, int32_t stride_h, int32_t stride_w,
                                     int32_t pad_top, int32_t pad_left)
{
    return in->n > 0 && in->h > 0 && in->w > 0 && in->c > 0 && out->h > 0 && out->w > 0
        && out->n == in->n && out->c == in->c && filter_h > 0 && filter_w > 0 && stride_h > 0
        && stride_w > 0 && pad_top >= 0 && pad_left >= 0;
}

/* The output stage of tx_requantize_s8: zero point and a non-empty clamp range inside int8, so the
 * final conversion to int8_t is exact. */
static inline int tx_output_s8_valid(int32_t output_offset, int32_t act_min, int32_t act_max)
{
    return output_offset >= -128 && output_offset <= 127 && act_min >= -128 && act_max <= 127
        && act_min <= act_max;
}

/* The taps [*begin, *end) of a window starting at origin (negative inside the leading pad)
 * that fall inside an input axis of the given extent: padded positions are skipped. */
static inline void tx_window_clip(int32_t origin, int32_t extent, int32_t filter,
                                  int32_t *begin, int32_t *end)
{
  *begin = origin < 0 ? -origin : 0;
  *end = extent - origin < filter ? extent - origin : filter;
}

#endif /* TX_KERNEL_ARGS_H */
