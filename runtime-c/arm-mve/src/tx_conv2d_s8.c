/*
 * Helium (MVE, Cortex-M55) variant of tx_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_conv2d_s8.c). For groups == 1 and a filter of at most TX_MVE_COL values per
 * output channel, each output pixel's window becomes one contiguous int8 column (the input
 * itself for an in-bounds 1xN window with dilation_w 1 or a 1x1 one, else a copy on the stack with
 * padded taps set to the input zero point), and four output channels at a time take its dot
 * product with VMLADAVA.S8, 16 MACs per instruction, the input offset folded into the
 * accumulator's start as offset * (the channel's weight sum) (see tx_arm_mve.h for why this is
 * bit-exact). Requantization is vectorised over the four channels when every shift is <= -1.
 * Grouped convolutions, larger filters, and every case without MVE take the reference loop.
 * Stack: TX_MVE_COL + 4 * TX_MVE_OC_BLOCK bytes.
 */
#include "tx_conv2d_s8_body.h"

#include "tx_arm_mve.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

#define TX_MVE_COL 2304
#define TX_MVE_OC_BLOCK 64

int32_t tx_conv2d_s8_scratch_size(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                  const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    (void)p;
    (void)in_shape;
    (void)filter_shape;
    (void)out_shape;
    return 0;
}

#if defined(TX_MVE)
/* groups == 1 and kh * kw * in_c <= TX_MVE_COL */
static void conv_mve(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                     const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                     const tx_shape4 *out_shape, int8_t *out)
{
    int8_t col[TX_MVE_COL];
    int32_t init[TX_MVE_OC_BLOCK];
    const int32_t in_c = in_shape->c;
    const int32_t in_h = in_shape->h;
    const int32_t in_w = in_shape->w;
    const int32_t kh = filter_shape->h;
    const int32_t kw = filter_shape->w;
    const int32_t out_c = out_shape->c;
    const int32_t fs = kh * kw * in_c;
    const int32_t off = p->input_offset;
    const int8_t zp = (int8_t)(-off);
    /* one in-bounds row of taps is contiguous in the input */
    const int32_t flat = kh == 1 && (kw == 1 || p->dilation_w == 1);
    const int vector_rq = tx_mve_shifts_negative(p->shifts, out_c);
    int32_t oc0, b, oy, ox, oc, ky, kx, k;

    for (oc0 = 0; oc0 < out_c; oc0 += TX_MVE_OC_BLOCK) {
        const int32_t nb = out_c - oc0 < TX_MVE_OC_BLOCK ? out_c - oc0 : TX_MVE_OC_BLOCK;
        for (k = 0; k < nb; k++) {
            const int32_t s = tx_mve_sum_s8(filter + (oc0 + k) * fs, fs);
            const uint32_t t = (uint32_t)off * (uint32_t)s;
            init[k] = tx_add_wrap_s32(bias != 0 ? bias[oc0 + k] : INT32_C(0), tx_wrap_s32(t));
        }
        for (b = 0; b < out_shape->n; b++) {
            for (oy = 0; oy < out_shape->h; oy++) {
                const int32_t y0 = oy * p->stride_h - p->pad_top;
                for (ox = 0; ox < out_shape->w; ox++) {
                    const int32_t x0 = ox * p->stride_w - p->pad_left;
                    int8_t *o = out + ((b * out_shape->h + oy) * out_shape->w + ox) * out_c;
                    const int8_t *x;
                    if (flat && y0 >= 0 && y0 < in_h && x0 >= 0
                        && x0 + (kw - 1) * p->dilation_w < in_w) {
                        x = in + ((b * in_h + y0) * in_w + x0) * in_c;
                    } else {
                        int8_t *c = col;
                        for (ky = 0; ky < kh; ky++) {
                            const int32_t iy = y0 + ky * p->dilation_h;
                            if (iy < 0 || iy >= in_h) {
                                tx_mve_fill_s8(c, zp, kw * in_c);
                                c += kw * in_c;
                                continue;
                            }
                            if (p->dilation_w == 1) {
                                int32_t lo = 0;
                                int32_t hi = kw;
                                while (lo < kw && x0 + lo < 0) {
                                    lo++;
                                }
                                while (hi > lo && x0 + hi - 1 >= in_w) {
                                    hi--;
                                }
                                tx_mve_fill_s8(c, zp, lo * in_c);
                                tx_mve_copy_s8(c + lo * in_c,
                                               in + ((b * in_h + iy) * in_w + x0 + lo) * in_c,
                                               (hi - lo) * in_c);
                                tx_mve_fill_s8(c + hi * in_c, zp, (kw - hi) * in_c);
                                c += kw * in_c;
                                continue;
                            }
                            for (kx = 0; kx < kw; kx++) {
                                const int32_t ix = x0 + kx * p->dilation_w;
                                if (ix < 0 || ix >= in_w) {
                                    tx_mve_fill_s8(c, zp, in_c);
                                } else {
                                    tx_mve_copy_s8(c, in + ((b * in_h + iy) * in_w + ix) * in_c,
                                                   in_c);
                                }
                                c += in_c;
                            }
                        }
                        x = col;
                    }
                    for (oc = 0; oc < nb; oc += 4) {
                        const int32_t count = nb - oc < 4 ? nb - oc : 4;
                        const int32_t g = oc0 + oc;
                        int32_t acc[4];
                        if (count == 4) {
                            acc[0] = init[oc];
                            acc[1] = init[oc + 1];
                            acc[2] = init[oc + 2];
                            acc[3] = init[oc + 3];
                            tx_mve_dot4_s8(x, filter + g * fs, fs, fs, acc);
                        } else {
                            for (k = 0; k < count; k++) {
                                acc[k] = tx_mve_dot1_s8(x, filter + (g + k) * fs, fs,
                                                        init[oc + k]);
                            }
                        }
                        if (vector_rq) {
                            tx_mve_requantize_s8x4(vldrwq_s32(acc), p->multipliers + g,
                                                   p->shifts + g, p->output_offset, p->act_min,
                                                   p->act_max, o + g, count);
                        } else {
                            for (k = 0; k < count; k++) {
                                o[g + k] = tx_requantize_s8(acc[k], p->multipliers[g + k],
                                                            p->shifts[g + k], p->output_offset,
                                                            p->act_min, p->act_max);
                            }
                        }
                    }
                }
            }
        }
    }
}
#endif

tx_status tx_conv2d_s8(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                       const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                       const tx_shape4 *out_shape, int8_t *out)
{
    if (!tx_conv2d_s8_valid(p, in_shape, in, filter_shape, filter, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
#if defined(TX_MVE)
    if (p->groups == 1
        && (int64_t)filter_shape->h * filter_shape->w * filter_shape->c <= TX_MVE_COL) {
        conv_mve(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
#endif
    tx_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
    return TX_OK;
}
