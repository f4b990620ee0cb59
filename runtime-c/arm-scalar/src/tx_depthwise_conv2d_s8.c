/*
 * Scalar Cortex-M variant of tx_depthwise_conv2d_s8 for cores without the DSP extension
 * (cortex-m0, cortex-m3): same name, signature and bits as
 * runtime-c/src/tx_depthwise_conv2d_s8.c.
 * Channel multiplier 1 (out_c == in_c): for each output pixel, groups of channels (four on
 * cortex-m3, two on cortex-m0, whose eight low registers hold no more) go over the window's
 * in-bounds taps with their sums in registers: NHWC puts a pixel's channels side by side, and the
 * filter (1, kh, kw, out_c) a tap's, so a group's values are at immediate offsets from the tap's
 * two addresses. Padding cuts whole rows and columns of taps, so the in-bounds ones are a
 * rectangle; skipping the others adds what the reference's skipping does. Other multipliers take
 * the reference loop.
 */
#include "tx_depthwise_conv2d_s8_body.h"

#include "tx_fixed_point.h"
#include "tx_scalar.h"
#include "tx_scalar_requant.h"

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

/* What a pixel's channel groups share: the in-bounds taps, a rectangle of rows x cols taps
 * (padding cuts whole tap rows and columns), from the first one's input (in) and filter (w)
 * values of channel 0, with the steps between them. */
typedef struct {
    const int8_t *in;
    const int8_t *w;
    int32_t rows, cols;
    int32_t in_col;  /* bytes from one tap to the next in a row: dilation_w * channels */
    int32_t in_row;  /* from after a row's last tap to the next row's first */
    int32_t w_row;   /* the same in the filter (one tap is channels bytes) */
    int32_t ch;
    int32_t offset;  /* input offset */
} dw_taps;

#if defined(__thumb2__)
/* s[j] += sum over the taps of (in + offset) * w, channels c .. c + 3. */
TX_SCALAR_LOOP void dw_quad(const dw_taps *t, int32_t c, uint32_t *s)
{
    const int8_t *in = t->in + c;
    const int8_t *wc = t->w + c;
    const int32_t off = t->offset;
    uint32_t a0 = s[0];
    uint32_t a1 = s[1];
    uint32_t a2 = s[2];
    uint32_t a3 = s[3];
    int32_t xo = 0;
    int32_t wo = 0;
    int32_t r;
    int32_t k;
    /* offsets, not stepped pointers: no address past the input after the last tap */
    for (r = 0; r < t->rows; r++) {
        for (k = 0; k < t->cols; k++) {
            const int8_t *x = in + xo;
            const int8_t *w = wc + wo;
            a0 += (uint32_t)(((int32_t)x[0] + off) * w[0]);
            a1 += (uint32_t)(((int32_t)x[1] + off) * w[1]);
            a2 += (uint32_t)(((int32_t)x[2] + off) * w[2]);
            a3 += (uint32_t)(((int32_t)x[3] + off) * w[3]);
            xo += t->in_col;
            wo += t->ch;
        }
        xo += t->in_row;
        wo += t->w_row;
    }
    s[0] = a0;
    s[1] = a1;
    s[2] = a2;
    s[3] = a3;
}
#endif

/* s[j] += sum over the taps of (in + offset) * w, channels c and c + 1 (c alone when one). */
TX_SCALAR_LOOP void dw_pair(const dw_taps *t, int32_t c, int32_t one, uint32_t *s)
{
    const int8_t *in = t->in + c;
    const int8_t *wc = t->w + c;
    const int32_t off = t->offset;
    const int32_t second = one ? 0 : 1;
    uint32_t a0 = s[0];
    uint32_t a1 = s[1];
    int32_t xo = 0;
    int32_t wo = 0;
    int32_t r;
    int32_t k;
    for (r = 0; r < t->rows; r++) {
        for (k = 0; k < t->cols; k++) {
            const int8_t *x = in + xo;
            const int8_t *w = wc + wo;
            a0 += (uint32_t)(((int32_t)x[0] + off) * w[0]);
            a1 += (uint32_t)(((int32_t)x[second] + off) * w[second]);
            xo += t->in_col;
            wo += t->ch;
        }
        xo += t->in_row;
        wo += t->w_row;
    }
    s[0] = a0;
    s[1] = a1;
}

/* The first tap k in [0, n) with 0 <= start + k * step < size, and the end of that run. */
static void in_bounds(int32_t start, int32_t step, int32_t n, int32_t size, int32_t *first,
                      int32_t *end)
{
    int32_t k = 0;
    while (k < n && start + k * step < 0) {
        k++;
    }
    *first = k;
    while (k < n && start + k * step < size) {
        k++;
    }
    *end = k;
}

/* One output pixel's channels: sums from the bias, the groups, the output stage. */
TX_SCALAR_LOOP void dw_pixel(const tx_depthwise_conv2d_s8_params *p, const dw_taps *t,
                             const int32_t *bias, int32_t ch, int8_t *out)
{
    int32_t c = 0;
    int32_t j;
    uint32_t s[4];
#if defined(__thumb2__)
    for (; c + 3 < ch; c += 4) {
        for (j = 0; j < 4; j++) {
            s[j] = bias != 0 ? (uint32_t)bias[c + j] : 0u;
        }
        dw_quad(t, c, s);
        for (j = 0; j < 4; j++) {
            out[c + j] = tx_scalar_requantize_s8(tx_wrap_s32(s[j]), p->multipliers[c + j],
                                                 p->shifts[c + j], p->output_offset, p->act_min,
                                                 p->act_max);
        }
    }
#endif
    for (; c < ch; c += 2) {
        const int32_t count = ch - c >= 2 ? 2 : 1;
        for (j = 0; j < count; j++) {
            s[j] = bias != 0 ? (uint32_t)bias[c + j] : 0u;
        }
        dw_pair(t, c, count == 1, s);
        for (j = 0; j < count; j++) {
            out[c + j] = tx_scalar_requantize_s8(tx_wrap_s32(s[j]), p->multipliers[c + j],
                                                 p->shifts[c + j], p->output_offset, p->act_min,
                                                 p->act_max);
        }
    }
}

tx_status tx_depthwise_conv2d_s8(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *filter_shape,
                                 const int8_t *filter, const int32_t *bias,
                                 const tx_shape4 *out_shape, int8_t *out)
{
    dw_taps t;
    const int32_t ch = in_shape->c;
    int32_t b;
    int32_t oy;
    int32_t ox;
    if (in == 0 || filter == 0 || out == 0
        || !tx_depthwise_conv2d_s8_valid(p, in_shape, filter_shape, out_shape)) {
        return TX_ERR_ARGUMENT;
    }
    if (p->channel_multiplier != 1) {
        tx_depthwise_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape,
                                         out);
        return TX_OK;
    }
    t.in_col = p->dilation_w * ch;
    t.ch = ch;
    t.offset = p->input_offset;
    for (b = 0; b < out_shape->n; b++) {
        const int8_t *image = in + b * in_shape->h * in_shape->w * ch;
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            int32_t ky0;
            int32_t ky1;
            in_bounds(y0, p->dilation_h, filter_shape->h, in_shape->h, &ky0, &ky1);
            for (ox = 0; ox < out_shape->w; ox++) {
                const int32_t x0 = ox * p->stride_w - p->pad_left;
                int32_t kx0;
                int32_t kx1;
                in_bounds(x0, p->dilation_w, filter_shape->w, in_shape->w, &kx0, &kx1);
                t.rows = 0;
                t.cols = 0;
                t.in = image;
                t.w = filter;
                if (ky1 > ky0 && kx1 > kx0) {
                    /* (a window all in the padding adds nothing: no address outside the input) */
                    t.rows = ky1 - ky0;
                    t.cols = kx1 - kx0;
                    t.in += ((y0 + ky0 * p->dilation_h) * in_shape->w + x0 + kx0 * p->dilation_w)
                            * ch;
                    t.w += (ky0 * filter_shape->w + kx0) * ch;
                }
                t.in_row = (p->dilation_h * in_shape->w - t.cols * p->dilation_w) * ch;
                t.w_row = (filter_shape->w - t.cols) * ch;
                dw_pixel(p, &t, bias, ch, out);
                out += ch;
            }
        }
    }
    return TX_OK;
}
