/*
 * Scalar Cortex-M variant of tx_conv2d_s8 for cores without the DSP extension (cortex-m0,
 * cortex-m3): same name, signature and bits as runtime-c/src/tx_conv2d_s8.c.
 * groups == 1 convolutions whose window holds at most TX_SCALAR_CONV_COL taps copy each output
 * pixel's window once into an int16 column (input offset added, padding 0, so padded taps add
 * nothing as the reference's skipped ones), then go over it several output channels at a time
 * (tx_scalar_dot.h): the filter (OHWI) holds each channel's taps in the column's order. cortex-m3
 * takes pixels three at a time, two channels of all three per pass (each weight load serves three
 * MACs, each column load two; an image's last one or two pixels with the last repeated),
 * cortex-m0 one pixel and two channels. Grouped convolutions and larger windows take the
 * reference loop.
 */
#include "tx_conv2d_s8_body.h"

#include <string.h>

#include "tx_fixed_point.h"
#include "tx_scalar_conv3.h"
#include "tx_scalar_dot.h"
#include "tx_scalar_widen_m0.h"

/* The most taps (kh * kw * in_c) of a window copied on the stack (2 bytes a tap). */
#define TX_SCALAR_CONV_COL 1024

int32_t tx_conv2d_s8_scratch_size(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                  const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    (void)p;
    (void)in_shape;
    (void)filter_shape;
    (void)out_shape;
    return 0;
}

static void zero(int16_t *col, int32_t n)
{
    while (n-- > 0) {
        *col++ = 0;
    }
}

/* The window of the output pixel whose top left tap is input (y0, x0), in the image at in. */
TX_SCALAR_LOOP void window_col(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                               const int8_t *in, const tx_shape4 *filter_shape, int32_t y0,
                               int32_t x0, int16_t *col)
{
    const int32_t c = in_shape->c;
    const int32_t kw = filter_shape->w;
    const int32_t row_taps = kw * c;
    const int inside_w = p->dilation_w == 1 && x0 >= 0 && x0 + kw <= in_shape->w;
    int32_t ky;
    int32_t kx;
    for (ky = 0; ky < filter_shape->h; ky++) {
        const int32_t iy = y0 + ky * p->dilation_h;
        const int8_t *row;
        if (iy < 0 || iy >= in_shape->h) {
            zero(col, row_taps);
            col += row_taps;
            continue;
        }
        row = in + iy * in_shape->w * c;
        if (inside_w) {
            tx_scalar_widen(row + x0 * c, p->input_offset, col, row_taps);
            col += row_taps;
            continue;
        }
        for (kx = 0; kx < kw; kx++) {
            const int32_t ix = x0 + kx * p->dilation_w;
            if (ix < 0 || ix >= in_shape->w) {
                zero(col, c);
            } else {
                tx_scalar_widen(row + ix * c, p->input_offset, col, c);
            }
            col += c;
        }
    }
}

#if defined(__ARM_ARCH_6M__)
/* cortex-m0, a call whose every shift is -2 or below and at least two output channels: one
 * image's pixels (out_c outputs each from out) with the channels four or two at a time and the
 * windows wholly inside the image in assembly (tx_scalar_quads_m0.h, tx_scalar_widen_m0.h), their jobs set up
 * once; windows that reach into the padding through window_col, an odd last channel through
 * tx_scalar_features. col is word aligned. */
static void image_m0(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                     const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                     const tx_shape4 *out_shape, int8_t *out, int16_t *col)
{
    const int32_t c = in_shape->c;
    const int32_t taps = filter_shape->h * filter_shape->w * c;
    const int32_t out_c = out_shape->c;
    const int32_t last = out_c - 1; /* an odd count's last channel */
    /* the window's rows inside the image: its top left tap's row and column at most these */
    const int32_t y_max = in_shape->h - 1 - (filter_shape->h - 1) * p->dilation_h;
    const int32_t x_max = p->dilation_w == 1 ? in_shape->w - filter_shape->w : -1;
    tx_scalar_groups_m0_jobs groups;
    tx_scalar_widen_m0_job rows;
    int32_t oy;
    int32_t ox;
    tx_scalar_groups_m0_init(&groups, bias, p->multipliers, p->shifts, p->output_offset,
                             p->act_min, p->act_max, taps, out_c);
    rows.offset = p->input_offset;
    rows.taps = filter_shape->w * c;
    rows.rows = filter_shape->h;
    rows.step = p->dilation_h * in_shape->w * c;
    for (oy = 0; oy < out_shape->h; oy++) {
        const int32_t y0 = oy * p->stride_h - p->pad_top;
        int32_t x0 = -p->pad_left;
        for (ox = 0; ox < out_shape->w; ox++, x0 += p->stride_w, out += out_c) {
            if (y0 >= 0 && y0 <= y_max && x0 >= 0 && x0 <= x_max) {
                tx_scalar_widen_rows_m0(in + (y0 * in_shape->w + x0) * c, col, &rows);
            } else {
                window_col(p, in_shape, in, filter_shape, y0, x0, col);
            }
            tx_scalar_groups_m0(col, filter, out, &groups);
            if ((out_c & 1) != 0) {
                tx_scalar_features(col, taps, filter + last * taps, 1, bias != 0 ? bias + last : 0,
                                   p->multipliers + last, p->shifts + last, p->output_offset,
                                   p->act_min, p->act_max, 1, out + last);
            }
        }
    }
}
#endif

tx_status tx_conv2d_s8(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                       const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                       const tx_shape4 *out_shape, int8_t *out)
{
    int32_t taps;
    int32_t b;
    int32_t oy;
    int32_t ox;
    if (!tx_conv2d_s8_valid(p, in_shape, in, filter_shape, filter, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    taps = filter_shape->h * filter_shape->w * filter_shape->c;
    if (p->groups != 1 || taps > TX_SCALAR_CONV_COL) {
        tx_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
    {
#if defined(__thumb2__)
        /* cortex-m3: pixels three at a time, each load of a weight serving all three */
        int16_t col[3 * taps];
#else
        int16_t col[taps];
#endif
        const int32_t image = in_shape->h * in_shape->w * in_shape->c;
        const int32_t pixels = out_shape->h * out_shape->w;
        const int32_t out_c = out_shape->c;
#if defined(__thumb2__)
        /* the assembly output stage for every pair of channels */
        const int full_range = p->act_min == -128 && p->act_max == 127;
#else
        /* cortex-m0's assembly output stage */
        const int high_word = tx_scalar_high_word(p->shifts, out_shape->c);
#endif
        /* a 1x1 window of stride 1 without padding: output pixel i's window is input pixel i */
        const int pointwise = filter_shape->h == 1 && filter_shape->w == 1 && p->stride_h == 1
                              && p->stride_w == 1 && p->pad_top == 0 && p->pad_left == 0
                              && out_shape->h == in_shape->h && out_shape->w == in_shape->w;
        for (b = 0; b < out_shape->n; b++) {
            int32_t done = 0;
            oy = 0;
            ox = 0;
#if defined(__thumb2__)
            while (done < pixels) {
                /* three pixels' windows; an image's last one or two, the last window repeated
                 * and its outputs written twice or three times over */
                const int32_t here = pixels - done >= 3 ? 3 : pixels - done;
                int8_t *outs[3];
                int32_t k;
                if (pointwise) {
                    /* the pixels' windows are their inputs, one after the other */
                    tx_scalar_widen(in + done * taps, p->input_offset, col, here * taps);
                }
                for (k = 0; k < 3; k++) {
                    if (k >= here) {
                        memcpy(col + k * taps, col + (k - 1) * taps, 2 * (size_t)taps);
                        outs[k] = outs[k - 1];
                        continue;
                    }
                    if (!pointwise) {
                        window_col(p, in_shape, in, filter_shape, oy * p->stride_h - p->pad_top,
                                   ox * p->stride_w - p->pad_left, col + k * taps);
                    }
                    outs[k] = out + k * out_c;
                    if (++ox == out_shape->w) {
                        ox = 0;
                        oy++;
                    }
                }
                tx_scalar_features3(col, taps, filter, out_c, bias, p->multipliers, p->shifts,
                                    p->output_offset, p->act_min, p->act_max, full_range, outs);
                out += here * out_c;
                done += here;
            }
#else
#if defined(__ARM_ARCH_6M__)
            if (TX_SCALAR_FAST_CODE && high_word && out_c >= 2 && ((uintptr_t)col & 3u) == 0u) {
                image_m0(p, in_shape, in, filter_shape, filter, bias, out_shape, out, col);
                out += pixels * out_c;
                done = pixels;
            }
#endif
            while (done < pixels) {
                if (pointwise) {
                    tx_scalar_widen(in + done * taps, p->input_offset, col, taps);
                } else {
                    window_col(p, in_shape, in, filter_shape, oy * p->stride_h - p->pad_top,
                               ox * p->stride_w - p->pad_left, col);
                }
                if (++ox == out_shape->w) {
                    ox = 0;
                    oy++;
                }
                tx_scalar_features(col, taps, filter, out_c, bias, p->multipliers, p->shifts,
                                   p->output_offset, p->act_min, p->act_max, high_word, out);
                out += out_c;
                done++;
            }
#endif
            in += image;
        }
    }
    return TX_OK;
}
