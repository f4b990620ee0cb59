/*
 * Cortex-M DSP-extension variant of tx_depthwise_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_depthwise_conv2d_s8.c). With channel_multiplier == 1 it computes four channels
 * at a time: one load of four inputs and one of four weights per kernel position, sign-extended
 * in pairs (SXTAB16 adds the input offset) and multiplied per halfword with SMLABB / SMLATT, which
 * keep the channels apart (see tx_arm_dsp.h for why the result is bit-exact); leftover channels
 * take a scalar loop. Other multipliers, and every case without __ARM_FEATURE_DSP, take the
 * reference loop.
 */
#include "tx_depthwise_conv2d_s8.h"

#include "tx_arm_dsp.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

int32_t tx_depthwise_conv2d_s8_scratch_size(const tx_depthwise_conv2d_s8_params *p,
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

static int valid(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                 const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    return p->channel_multiplier > 0
        && tx_output_s8_valid(p->output_offset, p->act_min, p->act_max)
        && tx_window2d_valid(in_shape, filter_shape, out_shape, p->stride_h, p->stride_w,
                             p->dilation_h, p->dilation_w, p->pad_top, p->pad_left)
        && filter_shape->n == 1 && (int64_t)in_shape->c * p->channel_multiplier == out_shape->c
        && filter_shape->c == out_shape->c;
}

#if defined(__ARM_FEATURE_DSP)
/* channel_multiplier == 1: out_c == in_c, output channel c reads input channel c. The window's
 * in-bounds taps are found once per output pixel, so the tap loops only step pointers. */
static void depthwise_dsp(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                          const int8_t *in, const tx_shape4 *filter_shape, const int8_t *filter,
                          const int32_t *bias, const tx_shape4 *out_shape, int8_t *out)
{
    const int32_t ch = out_shape->c;
    const int32_t kw = filter_shape->w;
    const int32_t off2 = tx_dsp_dup16(p->input_offset);
    const int32_t x_step = p->dilation_w * ch;            /* next tap in a row, input */
    const int32_t y_step = p->dilation_h * in_shape->w * ch; /* next tap row, input */
    const int32_t w_row = kw * ch;                         /* next tap row, filter */
    int32_t b, oy, ox, c, ky, kx;

    for (b = 0; b < out_shape->n; b++) {
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            int32_t ky_lo, ky_hi;
            tx_dsp_taps(y0, filter_shape->h, p->dilation_h, in_shape->h, &ky_lo, &ky_hi);
            for (ox = 0; ox < out_shape->w; ox++) {
                const int32_t x0 = ox * p->stride_w - p->pad_left;
                int8_t *o = out + ((b * out_shape->h + oy) * out_shape->w + ox) * ch;
                int32_t kx_lo, kx_hi;
                /* indices (not pointers, which must not step past the arrays' ends) of the
                 * input and filter at tap (ky_lo, kx_lo), channel 0 */
                int32_t x_first, w_first;
                tx_dsp_taps(x0, kw, p->dilation_w, in_shape->w, &kx_lo, &kx_hi);
                if (ky_lo >= ky_hi || kx_lo >= kx_hi) {
                    /* the window lies in the padding: only the bias remains */
                    for (c = 0; c < ch; c++) {
                        o[c] = tx_requantize_s8(bias != 0 ? bias[c] : INT32_C(0), p->multipliers[c],
                                                p->shifts[c], p->output_offset, p->act_min,
                                                p->act_max);
                    }
                    continue;
                }
                x_first = ((b * in_shape->h + y0 + ky_lo * p->dilation_h) * in_shape->w + x0
                                + kx_lo * p->dilation_w) * ch;
                w_first = (ky_lo * kw + kx_lo) * ch;
                for (c = 0; c + 3 < ch; c += 4) {
                    int32_t a0 = bias != 0 ? bias[c] : INT32_C(0);
                    int32_t a1 = bias != 0 ? bias[c + 1] : INT32_C(0);
                    int32_t a2 = bias != 0 ? bias[c + 2] : INT32_C(0);
                    int32_t a3 = bias != 0 ? bias[c + 3] : INT32_C(0);
                    int32_t xr = x_first + c;
                    int32_t wr = w_first + c;
                    for (ky = ky_lo; ky < ky_hi; ky++) {
                        int32_t xp = xr;
                        int32_t wp = wr;
                        for (kx = kx_lo; kx < kx_hi; kx++) {
                            const int32_t xv = tx_dsp_load4(in + xp);
                            const int32_t wv = tx_dsp_load4(filter + wp);
                            const int32_t x02 = __sxtab16(off2, xv);
                            const int32_t x13 = tx_dsp_sxtab16_ror8(off2, xv);
                            const int32_t w02 = __sxtb16(wv);
                            const int32_t w13 = tx_dsp_sxtb16_ror8(wv);
                            a0 = __smlabb(x02, w02, a0);
                            a1 = __smlabb(x13, w13, a1);
                            a2 = __smlatt(x02, w02, a2);
                            a3 = __smlatt(x13, w13, a3);
                            xp += x_step;
                            wp += ch;
                        }
                        xr += y_step;
                        wr += w_row;
                    }
                    o[c] = tx_requantize_s8(a0, p->multipliers[c], p->shifts[c],
                                            p->output_offset, p->act_min, p->act_max);
                    o[c + 1] = tx_requantize_s8(a1, p->multipliers[c + 1], p->shifts[c + 1],
                                                p->output_offset, p->act_min, p->act_max);
                    o[c + 2] = tx_requantize_s8(a2, p->multipliers[c + 2], p->shifts[c + 2],
                                                p->output_offset, p->act_min, p->act_max);
                    o[c + 3] = tx_requantize_s8(a3, p->multipliers[c + 3], p->shifts[c + 3],
                                                p->output_offset, p->act_min, p->act_max);
                }
                for (; c < ch; c++) {
                    int32_t acc = bias != 0 ? bias[c] : INT32_C(0);
                    int32_t xr = x_first + c;
                    int32_t wr = w_first + c;
                    for (ky = ky_lo; ky < ky_hi; ky++) {
                        for (kx = 0; kx < kx_hi - kx_lo; kx++) {
                            const int32_t v = (int32_t)in[xr + kx * x_step] + p->input_offset;
                            acc = tx_add_wrap_s32(acc, v * (int32_t)filter[wr + kx * ch]);
                        }
                        xr += y_step;
                        wr += w_row;
                    }
                    o[c] = tx_requantize_s8(acc, p->multipliers[c], p->shifts[c],
                                            p->output_offset, p->act_min, p->act_max);
                }
            }
        }
    }
}
#endif

tx_status tx_depthwise_conv2d_s8(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *filter_shape,
                                 const int8_t *filter, const int32_t *bias,
                                 const tx_shape4 *out_shape, int8_t *out)
{
    int32_t b, oy, ox, ic, m, ky, kx;
    int32_t in_c, kh, kw, out_c, mult;

    if (p == 0 || in_shape == 0 || in == 0 || filter_shape == 0 || filter == 0 || out_shape == 0
        || out == 0 || p->multipliers == 0 || p->shifts == 0
        || !valid(p, in_shape, filter_shape, out_shape)) {
        return TX_ERR_ARGUMENT;
    }
#if defined(__ARM_FEATURE_DSP)
    if (p->channel_multiplier == 1) {
        depthwise_dsp(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
#endif
    in_c = in_shape->c;
    kh = filter_shape->h;
    kw = filter_shape->w;
    out_c = out_shape->c;
    mult = p->channel_multiplier;

    for (b = 0; b < out_shape->n; b++) {
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < out_shape->w; ox++) {
                const int32_t x0 = ox * p->stride_w - p->pad_left;
                int8_t *o = out + ((b * out_shape->h + oy) * out_shape->w + ox) * out_c;
                for (ic = 0; ic < in_c; ic++) {
                    for (m = 0; m < mult; m++) {
                        const int32_t oc = ic * mult + m;
                        int32_t acc = bias != 0 ? bias[oc] : INT32_C(0);
                        for (ky = 0; ky < kh; ky++) {
                            const int32_t iy = y0 + ky * p->dilation_h;
                            if (iy < 0 || iy >= in_shape->h) {
                                continue;
                            }
                            for (kx = 0; kx < kw; kx++) {
                                const int32_t ix = x0 + kx * p->dilation_w;
                                int32_t v;
                                if (ix < 0 || ix >= in_shape->w) {
                                    continue;
                                }
                                v = (int32_t)in[((b * in_shape->h + iy) * in_shape->w + ix) * in_c
                                                + ic] + p->input_offset;
                                acc = tx_add_wrap_s32(acc,
                                    v * (int32_t)filter[(ky * kw + kx) * out_c + oc]);
                            }
                        }
                        o[oc] = tx_requantize_s8(acc, p->multipliers[oc], p->shifts[oc],
                                                 p->output_offset, p->act_min, p->act_max);
                    }
                }
            }
        }
    }
    return TX_OK;
}
