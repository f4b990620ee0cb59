/*
 * The reference arithmetic of tx_conv2d_s8 (twin of dev.tenax.kernels.Conv2dS8): the argument
 * check and the TFLite reference loops, only defined arithmetic. Shared by the portable kernel
 * (runtime-c/src) and the optimized variants, which fall back to it for the cases their fast
 * paths do not cover: include it in the kernel's source only.
 */
#ifndef TX_CONV2D_S8_BODY_H
#define TX_CONV2D_S8_BODY_H

#include "tx_conv2d_s8.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

/* 1 when the pointers are set and the parameters and shapes are consistent. */
static int tx_conv2d_s8_valid(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                              const int8_t *in, const tx_shape4 *filter_shape,
                              const int8_t *filter, const tx_shape4 *out_shape, const int8_t *out)
{
    int32_t channels;
    if (p == 0 || in_shape == 0 || in == 0 || filter_shape == 0 || filter == 0 || out_shape == 0
        || out == 0 || p->multipliers == 0 || p->shifts == 0) {
        return 0;
    }
    return p->groups > 0 && tx_output_s8_valid(p->output_offset, p->act_min, p->act_max)
        && tx_window2d_valid(in_shape, filter_shape, out_shape, p->stride_h, p->stride_w,
                             p->dilation_h, p->dilation_w, p->pad_top, p->pad_left)
        && out_shape->c == filter_shape->n && tx_divides(p->groups, out_shape->c)
        && tx_mul_s32_fits(filter_shape->c, p->groups, &channels) && channels == in_shape->c;
}

/* inline: a variant that needs only the check leaves it unused without a warning. */
static inline void tx_conv2d_s8_reference(const tx_conv2d_s8_params *p,
                                          const tx_shape4 *in_shape, const int8_t *in,
                                          const tx_shape4 *filter_shape, const int8_t *filter,
                                          const int32_t *bias, const tx_shape4 *out_shape,
                                          int8_t *out)
{
    int32_t b, oy, ox, oc, ky, kx, ic;
    const int32_t in_c = in_shape->c;
    const int32_t kh = filter_shape->h;
    const int32_t kw = filter_shape->w;
    const int32_t fc = filter_shape->c;
    const int32_t out_c = out_shape->c;
    const int32_t per_group = out_c / p->groups;

    for (b = 0; b < out_shape->n; b++) {
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < out_shape->w; ox++) {
                const int32_t x0 = ox * p->stride_w - p->pad_left;
                int8_t *o = out + ((b * out_shape->h + oy) * out_shape->w + ox) * out_c;
                for (oc = 0; oc < out_c; oc++) {
                    const int32_t ic0 = (oc / per_group) * fc;
                    int32_t acc = bias != 0 ? bias[oc] : INT32_C(0);
                    for (ky = 0; ky < kh; ky++) {
                        const int32_t iy = y0 + ky * p->dilation_h;
                        if (iy < 0 || iy >= in_shape->h) {
                            continue;
                        }
                        for (kx = 0; kx < kw; kx++) {
                            const int32_t ix = x0 + kx * p->dilation_w;
                            const int8_t *x;
                            const int8_t *w;
                            if (ix < 0 || ix >= in_shape->w) {
                                continue;
                            }
                            x = in + ((b * in_shape->h + iy) * in_shape->w + ix) * in_c + ic0;
                            w = filter + ((oc * kh + ky) * kw + kx) * fc;
                            for (ic = 0; ic < fc; ic++) {
                                const int32_t v = (int32_t)x[ic] + p->input_offset;
                                acc = tx_add_wrap_s32(acc, v * (int32_t)w[ic]);
                            }
                        }
                    }
                    o[oc] = tx_requantize_s8(acc, p->multipliers[oc], p->shifts[oc],
                                             p->output_offset, p->act_min, p->act_max);
                }
            }
        }
    }
}

#endif /* TX_CONV2D_S8_BODY_H */
