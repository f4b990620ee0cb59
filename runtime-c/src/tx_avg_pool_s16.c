/* Int16 average pooling over NHWC; the specification is dev.tenax.kernels.AvgPoolS16. */
#include "tx_avg_pool_s16.h"

#include "tx_kernel_args.h"
#include "tx_s16_args.h"

tx_status tx_avg_pool_s16(const tx_avg_pool_s16_params *p, const tx_shape4 *in_shape,
                          const int16_t *in, const tx_shape4 *out_shape, int16_t *out)
{
  int32_t n, oy, ox, ch, ky, kx;
  if (p == 0 || in_shape == 0 || in == 0 || out_shape == 0 || out == 0
      || !tx_pool_args_valid(in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h,
                             p->stride_w, p->pad_top, p->pad_left)
      || !tx_output_s16_valid(p->act_min, p->act_max)
      || (int64_t)p->filter_h * p->filter_w > INT32_C(65535)) {
    return TX_ERR_ARGUMENT;
  }
  for (n = 0; n < in_shape->n; n++) {
    for (oy = 0; oy < out_shape->h; oy++) {
      /* Clip the window to the input: only valid positions are summed and counted. */
      const int32_t y0 = oy * p->stride_h - p->pad_top;
      int32_t ky_begin, ky_end;
      tx_window_clip(y0, in_shape->h, p->filter_h, &ky_begin, &ky_end);
      for (ox = 0; ox < out_shape->w; ox++) {
        const int32_t x0 = ox * p->stride_w - p->pad_left;
        int32_t kx_begin, kx_end, count;
        int16_t *dst;
        tx_window_clip(x0, in_shape->w, p->filter_w, &kx_begin, &kx_end);
        count = (ky_end > ky_begin ? ky_end - ky_begin : INT32_C(0))
                * (kx_end > kx_begin ? kx_end - kx_begin : INT32_C(0));
        dst = out + ((n * out_shape->h + oy) * out_shape->w + ox) * in_shape->c;
        if (count == 0) {
          return TX_ERR_ARGUMENT; /* a window of padding only, an error in TFLite too */
        }
        for (ch = 0; ch < in_shape->c; ch++) {
          int32_t sum = 0;
          for (ky = ky_begin; ky < ky_end; ky++) {
            /* Index from the clipped column: a pointer to x0 < 0 would be undefined. */
            const int16_t *row = in + ((n * in_shape->h + y0 + ky) * in_shape->w + x0 + kx_begin)
                                      * in_shape->c + ch;
            for (kx = 0; kx < kx_end - kx_begin; kx++) {
              sum += row[kx * in_shape->c];
            }
          }
          /* Round half away from zero; C99 division truncates toward zero, as Java's does. */
          sum = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
          sum = sum < p->act_min ? p->act_min : sum;
          sum = sum > p->act_max ? p->act_max : sum;
          dst[ch] = (int16_t)sum;
        }
      }
    }
  }
  return TX_OK;
}

int32_t tx_avg_pool_s16_scratch_size(const tx_avg_pool_s16_params *p, const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
