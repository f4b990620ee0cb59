/*
 * The cortex-m3 3x3 path of the scalar tx_depthwise_conv2d_s8 (runtime-c/arm-scalar/src/
 * tx_depthwise_conv2d_s8.c), kept apart so that each file stays readable: static functions,
 * included only by that kernel, on Thumb-2, after its dw_image, dw_window and dw_pixel. An image's
 * output goes in bands of pixels whose windows share their in-bounds rectangle, each band's
 * pixels two by two through tx_scalar_dw3.h's assembly, four channels at a time.
 */
#ifndef TX_SCALAR_DW3_BANDS_H
#define TX_SCALAR_DW3_BANDS_H

#include "tx_scalar_dw3.h"

/* The output stage of channels c .. c + 3 of two pixels in C (a layer whose shifts or activation
 * range the assembly's does not take): s[j] into out0[j], s[4 + j] into out1[j]. A function of
 * its own, so that GCC has the registers for it. */
TX_SCALAR_LOOP void dw3_outputs(const tx_depthwise_conv2d_s8_params *p, int32_t c,
                                const uint32_t *s, int8_t *out0, int8_t *out1)
{
    tx_scalar_outputs2(s, s + 4, 4, p->multipliers + c, p->shifts + c, p->output_offset,
                       p->act_min, p->act_max, out0, out1);
}

/* The output stage of channels c .. c + 3 for tx_scalar_dw3_pair4's assembly one (each shift -2
 * or below): multiplier, s = -1 - shift and 2^(s - 1), once a band. */
static void dw3_stage(const tx_depthwise_conv2d_s8_params *p, int32_t c, tx_scalar_dw3_geometry *g)
{
    int32_t j;
    for (j = 0; j < 4; j++) {
        g->multiplier[j] = p->multipliers[c + j];
        g->s[j] = -1 - p->shifts[c + j];
        g->round[j] = INT32_C(1) << (g->s[j] - 1);
    }
}

/* The output positions along one axis whose 3x3 windows lie inside the input: [*lo, *hi), empty
 * (*lo == *hi) when none do. */
static void dw3_inside(int32_t pad, int32_t stride, int32_t dilation, int32_t size, int32_t out,
                       int32_t *lo, int32_t *hi)
{
    const int32_t last = size - 1 - 2 * dilation + pad;
    *lo = (pad + stride - 1) / stride;
    *lo = *lo < out ? *lo : out;
    *hi = last < 0 ? *lo : last / stride + 1;
    *hi = *hi < out ? *hi : out;
    *hi = *hi > *lo ? *hi : *lo;
}

/* A band's fewest pixels: shorter runs cost more in the band's set-up (each channel group's
 * weights laid out again) than they save. */
#define TX_DW3_BAND_MIN 4

/* How one image's output splits into bands whose windows share their in-bounds rectangle, along
 * its longer side: for a wide output each row's inside columns (whose windows lie inside the
 * input horizontally) along the row and each edge column down the inside rows; for a tall one the
 * same transposed. Bands shorter than TX_DW3_BAND_MIN are left to the pixel loop. */
typedef struct {
    int32_t lo[2]; /* inside rows [lo[0], hi[0]), inside columns [lo[1], hi[1]) */
    int32_t hi[2];
    int32_t along; /* 1: bands along rows (a wide output), 0: down columns */
    int32_t width; /* the output's */
} dw3_bands;

/* The end column of the run of band pixels in row oy that holds column ox, or ox when (oy, ox)
 * lies in no band. */
static int32_t dw3_band_run(const dw3_bands *b, int32_t oy, int32_t ox)
{
    const int inside_y = oy >= b->lo[0] && oy < b->hi[0];
    const int inside_x = ox >= b->lo[1] && ox < b->hi[1];
    const int long_y = b->hi[0] - b->lo[0] >= TX_DW3_BAND_MIN;
    const int long_x = b->hi[1] - b->lo[1] >= TX_DW3_BAND_MIN;
    if (b->along) {
        /* rows' inside columns; edge columns down the inside rows */
        if (inside_x) {
            return long_x ? b->hi[1] : ox;
        }
        return inside_y && long_y ? ox + 1 : ox;
    }
    /* columns down the inside rows; edge rows along the inside columns */
    if (inside_y) {
        return long_y ? b->width : ox;
    }
    return inside_x && long_x ? b->hi[1] : ox;
}

/* cortex-m3, 3x3 windows: n output pixels from (oy, ox), each the next (dy, dx) on, whose windows
 * share their in-bounds rectangle, two at a time through tx_scalar_dw3_pair4 (an odd last one
 * with itself), channels [0, ch & ~3) four at a time: each group's weights of the rectangle laid
 * out once a band, its sums' start the bias plus input offset * their sum. out: the image's
 * output. */
static void dw3_band(dw_image *d, const tx_shape4 *out_shape, int8_t *out, int32_t oy, int32_t ox,
                     int32_t dy, int32_t dx, int32_t n)
{
    const tx_depthwise_conv2d_s8_params *p = d->p;
    const tx_shape4 *in_shape = d->in_shape;
    const int32_t ch = in_shape->c;
    const int32_t y0 = oy * p->stride_h - p->pad_top;
    const int32_t x0 = ox * p->stride_w - p->pad_left;
    const int32_t out_step = (dy * out_shape->w + dx) * ch;
    const int32_t step = (dy * p->stride_h * in_shape->w + dx * p->stride_w) * ch;
    int8_t *first_out = out + (oy * out_shape->w + ox) * ch;
    const int8_t *first;
    tx_scalar_dw3_geometry g;
    int8_t w[TX_SCALAR_DW3_WEIGHTS];
    uint32_t start[4];
    uint32_t s[8];
    int32_t ky0;
    int32_t ky1;
    int32_t kx0;
    int32_t kx1;
    int32_t c;
    int32_t k;
    in_bounds(y0, p->dilation_h, 3, in_shape->h, &ky0, &ky1);
    in_bounds(x0, p->dilation_w, 3, in_shape->w, &kx0, &kx1);
    first = d->image + ((y0 + ky0 * p->dilation_h) * in_shape->w + x0 + kx0 * p->dilation_w) * ch
            + 4;
    g.col_step = p->dilation_w * ch;
    g.row_step = p->dilation_h * in_shape->w * ch
                 - (kx1 - kx0 == 3 ? 2 * g.col_step - 4 : g.col_step);
    g.rows = ky1 - ky0;
    g.cols = kx1 - kx0;
    g.narrow = d->narrow;
    g.zero_point = p->output_offset;
    for (c = 0; c + 4 <= ch; c += 4) {
        const int8_t *x = first + c;
        int8_t *o = first_out + c;
        int32_t sums[4];
        if (g.rows == 3 && g.cols == 3) {
            /* the whole window: its start is the one computed for the call */
            tx_scalar_dw3_weights(d->filter + c, ch, 3, 3, w, 0);
            g.start = d->folded + c;
        } else {
            tx_scalar_dw3_weights(d->filter + (ky0 * 3 + kx0) * ch + c, ch, g.rows, g.cols, w,
                                  sums);
            for (k = 0; k < 4; k++) {
                start[k] = d->plain[c + k] + (uint32_t)(sums[k] * p->input_offset);
            }
            g.start = start;
        }
        if (TX_SCALAR_FAST_CODE && g.narrow) {
            dw3_stage(p, c, &g);
        }
        for (k = 0; k < n; k += 2) {
            g.pixel_step = k + 1 < n ? step : 0;
            g.out[0] = o;
            g.out[1] = k + 1 < n ? o + out_step : o;
            tx_scalar_dw3_pair4(x, w, &g, s);
            if (!g.narrow) {
                dw3_outputs(p, c, s, o, g.out[1]);
            }
            x += 2 * step;
            o += 2 * out_step;
        }
    }
}

/* The in-bounds rows and columns of output pixel (oy, ox)'s 3x3 window. */
static void dw3_rect(const dw_image *d, int32_t oy, int32_t ox, int32_t *rows, int32_t *cols)
{
    const tx_depthwise_conv2d_s8_params *p = d->p;
    int32_t k0;
    int32_t k1;
    in_bounds(oy * p->stride_h - p->pad_top, p->dilation_h, 3, d->in_shape->h, &k0, &k1);
    *rows = k1 - k0;
    in_bounds(ox * p->stride_w - p->pad_left, p->dilation_w, 3, d->in_shape->w, &k0, &k1);
    *cols = k1 - k0;
}

/* cortex-m3, 3x3 windows, one image: the bands (dw3_bands) through the assembly, then every
 * pixel outside them, and the channels beyond the last group of four of those inside, pixel by
 * pixel. A layer with a window of no rows or fewer than two columns in bounds (a pad of 2 or
 * more, or an input narrower than 2) has no bands: the in-bounds counts are least at the ends.
 * (That holds when the three taps' ranges share a position, an input at least as large as the
 * dilated window; a smaller input, where a middle window can miss every row, has no bands.) */
static void dw3_image(dw_image *d, const tx_shape4 *out_shape, int8_t *out)
{
    const tx_depthwise_conv2d_s8_params *p = d->p;
    const int32_t ch = d->in_shape->c;
    const int32_t quads = ch & ~3;
    const int32_t out_h = out_shape->h;
    const int32_t out_w = out_shape->w;
    dw3_bands b;
    int32_t rows0;
    int32_t cols0;
    int32_t rows1;
    int32_t cols1;
    int32_t n[2];
    int32_t i;
    int32_t oy;
    int32_t ox;
    dw3_inside(p->pad_top, p->stride_h, p->dilation_h, d->in_shape->h, out_h, &b.lo[0], &b.hi[0]);
    dw3_inside(p->pad_left, p->stride_w, p->dilation_w, d->in_shape->w, out_w, &b.lo[1],
               &b.hi[1]);
    b.along = out_w >= out_h;
    b.width = out_w;
    dw3_rect(d, 0, 0, &rows0, &cols0);
    dw3_rect(d, out_h - 1, out_w - 1, &rows1, &cols1);
    if (quads == 0 || rows0 < 1 || rows1 < 1 || cols0 < 2 || cols1 < 2
        || d->in_shape->h < 2 * p->dilation_h + 1 || d->in_shape->w < 2 * p->dilation_w + 1) {
        b.hi[0] = b.lo[0];
        b.hi[1] = b.lo[1];
    }
    n[0] = b.hi[0] - b.lo[0];
    n[1] = b.hi[1] - b.lo[1];
    if (b.along) {
        for (oy = 0; oy < out_h && n[1] >= TX_DW3_BAND_MIN; oy++) {
            dw3_band(d, out_shape, out, oy, b.lo[1], 0, 1, n[1]);
        }
        for (ox = 0; ox < out_w && n[0] >= TX_DW3_BAND_MIN; ox++) {
            if (ox < b.lo[1] || ox >= b.hi[1]) {
                dw3_band(d, out_shape, out, b.lo[0], ox, 1, 0, n[0]);
            }
        }
    } else {
        for (ox = 0; ox < out_w && n[0] >= TX_DW3_BAND_MIN; ox++) {
            dw3_band(d, out_shape, out, b.lo[0], ox, 1, 0, n[0]);
        }
        for (oy = 0; oy < out_h && n[1] >= TX_DW3_BAND_MIN; oy++) {
            if (oy < b.lo[0] || oy >= b.hi[0]) {
                dw3_band(d, out_shape, out, oy, b.lo[1], 0, 1, n[1]);
            }
        }
    }
    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const int32_t run = dw3_band_run(&b, oy, ox);
            if (run > ox && quads == ch) {
                ox = run - 1;
                continue;
            }
            for (i = ox; i < (run > ox ? run : ox + 1); i++) {
                dw_window(d, oy, i);
                dw_pixel(p, &d->t, run > ox ? quads : 0, ch, out + (oy * out_w + i) * ch);
            }
            ox = (run > ox ? run : ox + 1) - 1;
        }
    }
}

#endif /* TX_SCALAR_DW3_BANDS_H */
