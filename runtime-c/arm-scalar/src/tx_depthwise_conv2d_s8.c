/*
 * Scalar Cortex-M variant of tx_depthwise_conv2d_s8 for cores without the DSP extension
 * (cortex-m0, cortex-m3): same name, signature and bits as
 * runtime-c/src/tx_depthwise_conv2d_s8.c.
 * Channel multiplier 1 (out_c == in_c) and windows of at most TX_SCALAR_DW_TAPS taps: for each
 * output pixel, groups of channels (four on cortex-m3, two on cortex-m0, whose eight low
 * registers hold no more) go over the window's in-bounds taps with their sums in registers: NHWC
 * puts a pixel's channels side by side, and the filter (1, kh, kw, out_c) a tap's, so a group's
 * values are at immediate offsets from the tap's two addresses, and a table of steps leads from
 * one tap to the next. Padding cuts whole rows and columns of taps, so the in-bounds ones are a
 * rectangle; skipping the others adds what the reference's skipping does. A window wholly inside
 * the input starts its sums from bias + input offset * (the channel's filter sum), computed once a
 * call, and multiplies the inputs as they are: sum (x + offset) w = sum x w + offset sum w, modulo
 * 2^32 as the reference's wrapping sums. Other multipliers and larger windows take the reference
 * loop. cortex-m3 takes 3x3 windows in bands of pixels whose windows share their in-bounds
 * rectangle, two pixels by four channels at a time in assembly (tx_scalar_dw3.h, dw3_image);
 * cortex-m0 takes 3x3 stride-1 windows from planes of one channel's input bytes, four or five
 * pixels at a time in assembly (tx_scalar_dw3_m0.h, dw3_m0_image: DS-CNN KWS's depthwise layers
 * 13.1 instructions a MAC before, 9.0 with it).
 */
#include "tx_depthwise_conv2d_s8_body.h"

#include "tx_fixed_point.h"
#include "tx_scalar.h"
#include "tx_scalar_dw_m0.h"
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

/* The most taps (kh * kw) of a window: two int32 steps each on the stack. */
#define TX_SCALAR_DW_TAPS 64

/* What a pixel's channel groups share. */
typedef struct {
    const int8_t *in;     /* the first in-bounds tap's input, channel 0 */
    const int8_t *w;      /* its filter values, channel 0 */
    const int32_t *steps; /* per tap: bytes to the next tap's input, then filter (0, 0 last) */
    const uint32_t *start; /* per channel: the sums' start */
    int32_t taps;
    int32_t offset;       /* input offset, 0 when the start holds it */
} dw_taps;

/* The per-tap products of one channel, input at x and filter at w: the input offset added, or
 * not (the macro keeps the two loops one text). */
#define TX_DW_PRODUCT(x, w, j, off) ((uint32_t)(((int32_t)(x)[j] + (off)) * (w)[j]))

#if defined(__thumb2__)
/* s[j] += sum over the taps of (in + offset) * w, channels c .. c + 3. */
static inline void dw_quad(const dw_taps *t, int32_t c, uint32_t *s)
{
    const int8_t *x = t->in + c;
    const int8_t *w = t->w + c;
    const int32_t *step = t->steps;
    const int32_t off = t->offset;
    uint32_t a0 = s[0];
    uint32_t a1 = s[1];
    uint32_t a2 = s[2];
    uint32_t a3 = s[3];
    int32_t k;
    if (off == 0) {
        for (k = t->taps; k > 0; k--) {
            a0 += TX_DW_PRODUCT(x, w, 0, 0);
            a1 += TX_DW_PRODUCT(x, w, 1, 0);
            a2 += TX_DW_PRODUCT(x, w, 2, 0);
            a3 += TX_DW_PRODUCT(x, w, 3, 0);
            x += step[0];
            w += step[1];
            step += 2;
        }
    } else {
        for (k = t->taps; k > 0; k--) {
            a0 += TX_DW_PRODUCT(x, w, 0, off);
            a1 += TX_DW_PRODUCT(x, w, 1, off);
            a2 += TX_DW_PRODUCT(x, w, 2, off);
            a3 += TX_DW_PRODUCT(x, w, 3, off);
            x += step[0];
            w += step[1];
            step += 2;
        }
    }
    s[0] = a0;
    s[1] = a1;
    s[2] = a2;
    s[3] = a3;
}
#endif

/* s[j] += sum over the taps of (in + offset) * w, channels c and c + 1 (c alone when one). */
static inline void dw_pair(const dw_taps *t, int32_t c, int32_t one, uint32_t *s)
{
    const int8_t *x = t->in + c;
    const int8_t *w = t->w + c;
    const int32_t *step = t->steps;
    const int32_t off = t->offset;
    const int32_t second = one ? 0 : 1;
    uint32_t a0 = s[0];
    uint32_t a1 = s[1];
    int32_t k;
    for (k = t->taps; k > 0; k--) {
        a0 += TX_DW_PRODUCT(x, w, 0, off);
        a1 += TX_DW_PRODUCT(x, w, second, off);
        x += step[0];
        w += step[1];
        step += 2;
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

/* The steps through a rectangle of rows x cols in-bounds taps, row by row. */
static void tap_steps(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                      const tx_shape4 *filter_shape, int32_t rows, int32_t cols, int32_t *steps)
{
    const int32_t ch = in_shape->c;
    int32_t r;
    int32_t k;
    for (r = 0; r < rows; r++) {
        for (k = 0; k < cols; k++) {
            if (k + 1 < cols) {
                steps[0] = p->dilation_w * ch;
                steps[1] = ch;
            } else if (r + 1 < rows) {
                steps[0] = (p->dilation_h * in_shape->w - (cols - 1) * p->dilation_w) * ch;
                steps[1] = (filter_shape->w - (cols - 1)) * ch;
            } else {
                /* none after the last tap: no address beyond the input */
                steps[0] = 0;
                steps[1] = 0;
            }
            steps += 2;
        }
    }
}

/* One output pixel's channels [c, end): the sums' start, the groups, the output stage; out: the
 * pixel's channel 0. */
TX_SCALAR_LOOP void dw_pixel(const tx_depthwise_conv2d_s8_params *p, const dw_taps *t, int32_t c,
                             int32_t end, int8_t *out)
{
    int32_t j;
    uint32_t s[4];
    while (c < end) {
        int32_t group = end - c >= 2 ? 2 : 1;
#if defined(__thumb2__)
        group = end - c >= 4 ? 4 : group;
#endif
        for (j = 0; j < group; j++) {
            s[j] = t->start[c + j];
        }
#if defined(__thumb2__)
        if (group == 4) {
            dw_quad(t, c, s);
        } else
#endif
        {
            dw_pair(t, c, group == 1, s);
        }
        for (j = 0; j < group; j++) {
            out[c + j] = tx_scalar_requantize_s8(tx_wrap_s32(s[j]), p->multipliers[c + j],
                                                 p->shifts[c + j], p->output_offset, p->act_min,
                                                 p->act_max);
        }
        c += group;
    }
}

/* The sums' start per channel: the bias (or 0), and with the input offset folded in, the bias
 * plus offset * the sum of the channel's kh * kw filter values. */
static void sums_start(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *filter_shape,
                       const int8_t *filter, const int32_t *bias, int32_t ch, uint32_t *plain,
                       uint32_t *folded)
{
    const int32_t taps = filter_shape->h * filter_shape->w;
    int32_t c;
    int32_t k;
    for (c = 0; c < ch; c++) {
        /* at most TX_SCALAR_DW_TAPS * 128 * 128 in magnitude: no overflow */
        int32_t sum = 0;
        for (k = 0; k < taps; k++) {
            sum += filter[k * ch + c];
        }
        plain[c] = bias != 0 ? (uint32_t)bias[c] : 0u;
        folded[c] = plain[c] + (uint32_t)(sum * p->input_offset);
    }
}

/* One image of a call: what the windows of its output pixels need. */
typedef struct {
    const tx_depthwise_conv2d_s8_params *p;
    const tx_shape4 *in_shape;
    const tx_shape4 *filter_shape;
    const int8_t *image;
    const int8_t *filter;
    const int32_t *bias;  /* or 0 */
    const uint32_t *plain;
    const uint32_t *folded;
    int32_t *steps;       /* of the last rectangle's shape, rows x cols */
    int32_t rows;
    int32_t cols;
    int narrow;           /* cortex-m3, 3x3: tx_scalar_narrow, the assembly's output stage
                           * (tx_scalar_dw3.h) */
    dw_taps t;            /* the window of the last pixel asked for */
} dw_image;

/* d->t: the in-bounds taps of output pixel (oy, ox)'s window. */
static void dw_window(dw_image *d, int32_t oy, int32_t ox)
{
    const tx_depthwise_conv2d_s8_params *p = d->p;
    const int32_t ch = d->in_shape->c;
    const int32_t y0 = oy * p->stride_h - p->pad_top;
    const int32_t x0 = ox * p->stride_w - p->pad_left;
    int32_t ky0;
    int32_t ky1;
    int32_t kx0;
    int32_t kx1;
    in_bounds(y0, p->dilation_h, d->filter_shape->h, d->in_shape->h, &ky0, &ky1);
    in_bounds(x0, p->dilation_w, d->filter_shape->w, d->in_shape->w, &kx0, &kx1);
    d->t.in = d->image;
    d->t.w = d->filter;
    d->t.taps = 0;
    if (ky1 > ky0 && kx1 > kx0) {
        /* (a window all in the padding adds nothing: no address outside the input) */
        d->t.in += ((y0 + ky0 * p->dilation_h) * d->in_shape->w + x0 + kx0 * p->dilation_w) * ch;
        d->t.w += (ky0 * d->filter_shape->w + kx0) * ch;
        d->t.taps = (ky1 - ky0) * (kx1 - kx0);
        if (ky1 - ky0 != d->rows || kx1 - kx0 != d->cols) {
            d->rows = ky1 - ky0;
            d->cols = kx1 - kx0;
            tap_steps(p, d->in_shape, d->filter_shape, d->rows, d->cols, d->steps);
        }
    }
    if (d->t.taps == d->filter_shape->h * d->filter_shape->w) {
        d->t.start = d->folded;
        d->t.offset = 0;
    } else {
        d->t.start = d->plain;
        d->t.offset = p->input_offset;
    }
}

#if defined(__thumb2__)
#include "tx_scalar_dw3_bands.h"
#endif
#include "tx_scalar_dw3_m0.h"

tx_status tx_depthwise_conv2d_s8(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *filter_shape,
                                 const int8_t *filter, const int32_t *bias,
                                 const tx_shape4 *out_shape, int8_t *out)
{
    int32_t ch;
    int32_t taps;
    if (in == 0 || filter == 0 || out == 0
        || !tx_depthwise_conv2d_s8_valid(p, in_shape, filter_shape, out_shape)) {
        return TX_ERR_ARGUMENT;
    }
    ch = in_shape->c;
    taps = filter_shape->h * filter_shape->w;
    if (p->channel_multiplier != 1 || taps > TX_SCALAR_DW_TAPS) {
        tx_depthwise_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape,
                                         out);
        return TX_OK;
    }
    {
#if defined(__ARM_ARCH_6M__)
        /* cortex-m0, 3x3 stride 1: planes of one channel (tx_scalar_dw3_m0.h), whose sums start
         * from the bias: no per-channel starts */
        dw3_m0_geometry plane;
        const int planar = dw3_m0_takes(p, filter_shape, out_shape, &plane);
#else
        const int planar = 0;
#endif
        uint32_t plain[planar ? 1 : ch];
        uint32_t folded[planar ? 1 : ch];
        int32_t steps[2 * taps];
        dw_image d;
        int32_t b;
        int32_t oy;
        int32_t ox;
        d.p = p;
        d.in_shape = in_shape;
        d.filter_shape = filter_shape;
        d.filter = filter;
        d.bias = bias;
        d.plain = plain;
        d.folded = folded;
        d.steps = steps;
        d.rows = -1;
        d.cols = -1;
        d.t.steps = steps;
#if defined(__thumb2__)
        d.narrow = filter_shape->h == 3 && filter_shape->w == 3
                   && tx_scalar_narrow(p->shifts, ch, p->act_min, p->act_max);
#endif
#if defined(__ARM_ARCH_6M__)
        /* not planar, every shift -2 or below: the pixels' channel pairs in assembly */
        tx_scalar_dw_m0_job pairs;
        pairs.steps = steps;
        pairs.multipliers = p->multipliers;
        pairs.shifts = p->shifts;
        pairs.zero_point = p->output_offset;
        pairs.act_min = p->act_min;
        pairs.act_max = p->act_max;
        pairs.pairs = TX_SCALAR_FAST_CODE && tx_scalar_high_word(p->shifts, ch) ? ch >> 1 : 0;
#endif
        if (!planar) {
            sums_start(p, filter_shape, filter, bias, ch, plain, folded);
        }
        for (b = 0; b < out_shape->n; b++) {
            d.image = in + b * in_shape->h * in_shape->w * ch;
#if defined(__thumb2__)
            if (filter_shape->h == 3 && filter_shape->w == 3) {
                dw3_image(&d, out_shape, out);
                out += out_shape->h * out_shape->w * ch;
                continue;
            }
#endif
#if defined(__ARM_ARCH_6M__)
            if (planar) {
                dw3_m0_image(&d, &plane, out_shape, out);
                out += out_shape->h * out_shape->w * ch;
                continue;
            }
#endif
            for (oy = 0; oy < out_shape->h; oy++) {
                for (ox = 0; ox < out_shape->w; ox++) {
                    dw_window(&d, oy, ox);
#if defined(__ARM_ARCH_6M__)
                    if (pairs.pairs != 0) {
                        /* the channel pairs in assembly, an odd last channel in C */
                        pairs.in = d.t.in;
                        pairs.w = d.t.w;
                        pairs.taps = d.t.taps;
                        pairs.start = d.t.start;
                        pairs.offset = d.t.offset;
                        tx_scalar_dw_pairs_m0(&pairs, out);
                        dw_pixel(p, &d.t, 2 * pairs.pairs, ch, out);
                        out += ch;
                        continue;
                    }
#endif
                    dw_pixel(p, &d.t, 0, ch, out);
                    out += ch;
                }
            }
        }
    }
    return TX_OK;
}
