/*
 * MSP430 hardware-multiplier variant of tx_depthwise_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_depthwise_conv2d_s8.c). Each output channel is one dot product on MACS over
 * the window's in-bounds taps (one block of rows and columns, tx_hw_tap_range), with the bias
 * preloaded (tx_msp430_hwmult.h says why that is bit-exact) and the 16x16-product
 * requantization; inputs are strided by in_c and weights by out_c in this layout, so the loop
 * is tx_hw_mac_strided_s8. Input offsets beyond +-32000, where x + offset would overflow 16 bits,
 * are rejected (TX_ERR_ARGUMENT) rather than linking the reference loops in: the compiler's are
 * in [-127, 128], and FRAM below 64 KB decides which models fit.
 */
#include "tx_depthwise_conv2d_s8.h"

#include "tx_depthwise_conv2d_s8_body.h"
#include "tx_msp430_hwmult.h"

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

/* Strides in bytes; all products computed once per call, before any accumulator is in use. */
typedef struct {
    uint16_t in_c, out_c, mult;
    uint16_t col_step;  /* input bytes between kernel columns: dilation_w * in_c */
    uint16_t row_step;  /* input bytes between kernel rows: dilation_h * in_w * in_c */
    uint16_t w_row;     /* filter bytes between kernel rows: kw * out_c */
} steps;

/* The out_c outputs of one pixel whose in-bounds taps start at x (input) and w (filter). */
static void pixel(const tx_depthwise_conv2d_s8_params *p, const steps *s, const int8_t *x,
                  const int8_t *w, uint16_t rows, uint16_t cols, const int32_t *bias, int8_t *o)
{
    const int16_t offset = (int16_t)p->input_offset;
    tx_hw_requant q;
    uint16_t ic, m, r, oc = 0u;
    tx_hw_requant_init(&q, p->multipliers, p->shifts, p->output_offset, p->act_min, p->act_max);
    for (ic = 0u; ic < s->in_c; ic++) {
        for (m = 0u; m < s->mult; m++) {
            const int8_t *xr = x + ic;
            const int8_t *wr = w + oc;
            int32_t acc;
            tx_hw_acc a;
            tx_hw_acc_begin(&a, bias != 0 ? bias[oc] : INT32_C(0));
            for (r = 0u; r < rows; r++) {
                tx_hw_mac_strided_s8(&a, xr, s->col_step, wr, s->out_c, cols, offset);
                xr += s->row_step;
                wr += s->w_row;
            }
            acc = tx_hw_acc_end(&a);
            o[oc] = tx_hw_requantize_s8(&q, acc);
            oc++;
        }
    }
}

tx_status tx_depthwise_conv2d_s8(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *filter_shape,
                                 const int8_t *filter, const int32_t *bias,
                                 const tx_shape4 *out_shape, int8_t *out)
{
    int32_t b, oy, ox, kh, kw;
    uint32_t product;
    steps s;
    int8_t *o = out;

    if (in == 0 || filter == 0 || out == 0
        || !tx_depthwise_conv2d_s8_valid(p, in_shape, filter_shape, out_shape)) {
        return TX_ERR_ARGUMENT;
    }
    /* x + input_offset must fit int16 and the strides 16 bits (so in a 64 KB address space). */
    if (p->input_offset < INT32_C(-32000) || p->input_offset > INT32_C(32000)
        || !tx_mul_within((uint32_t)p->dilation_h, (uint32_t)in_shape->w, UINT32_C(0x7FFF),
                          &product)
        || !tx_mul_within(product, (uint32_t)in_shape->c, UINT32_C(0x7FFF), &product)
        || !tx_mul_within((uint32_t)filter_shape->w, (uint32_t)out_shape->c, UINT32_C(0x7FFF),
                          &product)) {
        return TX_ERR_ARGUMENT;
    }
    kh = filter_shape->h;
    kw = filter_shape->w;
    s.in_c = (uint16_t)in_shape->c;
    s.out_c = (uint16_t)out_shape->c;
    s.mult = (uint16_t)p->channel_multiplier;
    s.col_step = (uint16_t)(p->dilation_w * in_shape->c);
    s.row_step = (uint16_t)(p->dilation_h * in_shape->w * in_shape->c);
    s.w_row = (uint16_t)(kw * out_shape->c);
    for (b = 0; b < out_shape->n; b++) {
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            int32_t ky_lo, ky_hi;
            tx_hw_tap_range(y0, p->dilation_h, kh, in_shape->h, &ky_lo, &ky_hi);
            for (ox = 0; ox < out_shape->w; ox++) {
                const int32_t x0 = ox * p->stride_w - p->pad_left;
                int32_t kx_lo, kx_hi;
                uint16_t rows, cols;
                const int8_t *x = in;
                const int8_t *w = filter;
                tx_hw_tap_range(x0, p->dilation_w, kw, in_shape->w, &kx_lo, &kx_hi);
                rows = (uint16_t)(ky_hi - ky_lo);
                cols = (uint16_t)(kx_hi - kx_lo);
                if (rows == 0u || cols == 0u) {
                    rows = 0u; /* no in-bounds tap: the bias alone */
                } else {
                    x = in + ((b * in_shape->h + y0 + ky_lo * p->dilation_h) * in_shape->w + x0
                              + kx_lo * p->dilation_w) * in_shape->c;
                    w = filter + (ky_lo * kw + kx_lo) * out_shape->c;
                }
                pixel(p, &s, x, w, rows, cols, bias, o);
                o += s.out_c;
            }
        }
    }
    return TX_OK;
}
