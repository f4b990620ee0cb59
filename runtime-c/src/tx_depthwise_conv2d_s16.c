/* Portable reference: arm_depthwise_conv_s16's arithmetic (int64 accumulator, 64-bit
 * requantization) in plain loops with only defined behaviour. */
#include "tx_depthwise_conv2d_s16.h"

#include "tx_fixed_point.h"
#include "tx_kernel_args.h"
#include "tx_s16_args.h"

int32_t tx_depthwise_conv2d_s16_scratch_size(const tx_depthwise_conv2d_s16_params *p,
                                             const tx_shape4 *in_shape,
                                             const tx_shape4 *filter_shape,
                                             const tx_shape4 *out_shape)
{
    (void)p;
    (void)in_shape;
    (void)filter_shape;
    (void)out_shape;
    return 0;
}

static int valid(const tx_depthwise_conv2d_s16_params *p, const tx_shape4 *in_shape,
                 const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    return p->channel_multiplier > 0 && tx_output_s16_valid(p->act_min, p->act_max)
        && tx_window2d_valid(in_shape, filter_shape, out_shape, p->stride_h, p->stride_w,
                             p->dilation_h, p->dilation_w, p->pad_top, p->pad_left)
        && filter_shape->n == 1 && (int64_t)in_shape->c * p->channel_multiplier == out_shape->c
        && filter_shape->c == out_shape->c;
}

tx_status tx_depthwise_conv2d_s16(const tx_depthwise_conv2d_s16_params *p,
                                  const tx_shape4 *in_shape, const int16_t *in,
                                  const tx_shape4 *filter_shape, const int8_t *filter,
                                  const int64_t *bias, const tx_shape4 *out_shape, int16_t *out)
{
    int32_t b, oy, ox, ic, m, ky, kx;
    int32_t in_c, out_c, kh, kw, mult;

    if (p == 0 || in_shape == 0 || in == 0 || filter_shape == 0 || filter == 0 || out_shape == 0
        || out == 0 || p->multipliers == 0 || p->shifts == 0
        || !valid(p, in_shape, filter_shape, out_shape)) {
        return TX_ERR_ARGUMENT;
    }
    in_c = in_shape->c;
    out_c = out_shape->c;
    kh = filter_shape->h;
    kw = filter_shape->w;
    mult = p->channel_multiplier;

    for (b = 0; b < out_shape->n; b++) {
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < out_shape->w; ox++) {
                const int32_t x0 = ox * p->stride_w - p->pad_left;
                int16_t *o = out + ((b * out_shape->h + oy) * out_shape->w + ox) * out_c;
                for (ic = 0; ic < in_c; ic++) {
                    for (m = 0; m < mult; m++) {
                        const int32_t oc = ic * mult + m;
                        int64_t acc = bias != 0 ? bias[oc] : INT64_C(0);
                        for (ky = 0; ky < kh; ky++) {
                            const int32_t iy = y0 + ky * p->dilation_h;
                            if (iy < 0 || iy >= in_shape->h) {
                                continue;
                            }
                            for (kx = 0; kx < kw; kx++) {
                                const int32_t ix = x0 + kx * p->dilation_w;
                                int32_t x;
                                if (ix < 0 || ix >= in_shape->w) {
                                    continue;
                                }
                                x = in[((b * in_shape->h + iy) * in_shape->w + ix) * in_c + ic];
                                /* |product| <= 2^22: exact in int32_t */
                                acc += (int64_t)(x * (int32_t)filter[(ky * kw + kx) * out_c + oc]);
                            }
                        }
                        o[oc] = tx_requantize_s64_s16(acc, p->multipliers[oc], p->shifts[oc],
                                                      INT32_C(0), p->act_min, p->act_max);
                    }
                }
            }
        }
    }
    return TX_OK;
}
