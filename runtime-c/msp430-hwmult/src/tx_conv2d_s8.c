/*
 * MSP430 hardware-multiplier variant of tx_conv2d_s8 (same name and signature as
 * runtime-c/src/tx_conv2d_s8.c; same bits for the operands the compiler writes for it). Each
 * output is one dot product on MACS with the bias preloaded (tx_msp430_hwmult.h says why that
 * is bit-exact), then the 16x16-product requantization. The in-bounds taps of a window form one
 * block of rows [ky_lo, ky_hi) and columns [kx_lo, kx_hi) (positions grow with the tap index), so
 * the loops need no bounds tests:
 * - a group's window of at most TX_HW_CONV_PATCH values (kh * kw * in_c / groups) is a
 *   fully-connected row: the filters come in the fully-connected kernel's Winograd format (w XOR
 *   0x80, each filter's weight-pairs sum folded into the bias, always emitted:
 *   dev.tenax.codegen.Msp430FcOperands, which uses the same bound), the window is gathered once
 *   per output pixel, widened to Y = x + offset - 128 with -128 (X = 0, which adds nothing) for
 *   the padded taps, its input pairs' sum taken, and the group's output channels run
 *   tx_hw_pair_rows, the fully-connected assembly loop (8 cycles a MAC);
 * - larger windows read plain int8 filters and multiply the int8 input in place, one run of taps
 *   per kernel row when the columns are contiguous in both NHWC input and OHWI filter
 *   (dilation_w == 1, one group), one run per tap otherwise (15 cycles a term).
 * Groups are handled here too, so the reference loops (tx_conv2d_s8_body.h) are not linked in:
 * FRAM below 64 KB decides which models fit. Input offsets beyond +-32000, where x + offset
 * would overflow 16 bits, are rejected (TX_ERR_ARGUMENT): the compiler's are in [-127, 128].
 */
#include "tx_conv2d_s8.h"

#include "tx_conv2d_s8_body.h"
#include "tx_msp430_hwmult.h"

/* 256 bytes of stack on the FR5969, whose whole reserve is 768 (qemu/msp430fr5969), 512 on the
 * FR5994 (1 KB reserved), as the fully-connected kernel's row. The compiler
 * (Msp430FcOperands.convWindowMax) converts the filters of windows up to this size. */
#if defined(__MSP430FR5969__)
#define TX_HW_CONV_PATCH 128
#else
#define TX_HW_CONV_PATCH 256
#endif

int32_t tx_conv2d_s8_scratch_size(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                  const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    (void)p;
    (void)in_shape;
    (void)filter_shape;
    (void)out_shape;
    return 0;
}

/* What one output pixel's dot products need, all computed before the accumulator is in use. */
typedef struct {
    const int8_t *x;    /* input at the first in-bounds tap (ky_lo, kx_lo), channel 0 */
    int32_t w_first;    /* filter offset of that tap within one output channel's filter */
    uint16_t rows;      /* ky_hi - ky_lo */
    uint16_t cols;      /* kx_hi - kx_lo */
    uint16_t runs;      /* runs of taps per kernel row: 1 when contiguous, else cols */
    uint16_t run;       /* values per run: cols * fc when contiguous, else fc */
    int32_t ky_lo, kx_lo;
} window;

typedef struct {
    int32_t row_step;   /* input elements between kernel rows: dilation_h * in_w * in_c */
    int32_t col_step;   /* input elements between kernel columns: dilation_w * in_c */
    uint16_t fc, kw_c, patch; /* one group's channels, kw * fc, kh * kw * fc */
    uint16_t kh, kw;
    int16_t offset;
} geometry;

/* The window's Y = x + offset - 128 in filter order, -128 where padded (X = 0). */
static void fill_patch(const geometry *g, const window *v, int16_t *patch)
{
    const int16_t offset = (int16_t)(g->offset - 128);
    const int8_t *xr = v->x;
    int16_t *dst = patch;
    uint16_t ky, kx;
    if (v->rows != g->kh || v->cols != g->kw) { /* padded taps (16-bit products: no helper call) */
        int16_t *end = patch + g->patch;
        while (dst != end) {
            *dst++ = -128;
        }
        dst = patch + (uint16_t)v->ky_lo * g->kw_c + (uint16_t)v->kx_lo * g->fc;
    }
    for (ky = 0u; ky < v->rows; ky++) {
        if (v->runs == 1u) { /* contiguous: one run a kernel row */
            tx_hw_widen_s8(xr, v->run, offset, dst);
        } else {
            const int8_t *xp = xr;
            int16_t *dp = dst;
            for (kx = 0u; kx < v->cols; kx++) {
                tx_hw_widen_s8(xp, g->fc, offset, dp);
                xp += g->col_step;
                dp += g->fc;
            }
        }
        xr += g->row_step;
        dst += g->kw_c;
    }
}

/* The group's per_group outputs from its gathered window: Winograd rows (tx_hw_pair_rows) from
 * the bias less the window's input pairs' sum. */
static void patch_outputs(const geometry *g, const int16_t *patch, const int8_t *w, const int32_t *bias,
                          tx_hw_requant *q, int8_t *out, uint16_t count)
{
    const uint32_t pairs = (uint32_t)tx_hw_pairs_of_widened(patch, g->patch);
#if defined(TX_HW_PAIR_ROWS_ASM)
    tx_hw_pair_chunk s;
    s.row = patch;
    s.turns = (uint16_t)(g->patch >> 4);
    s.rest = (uint16_t)((g->patch >> 1) & 7u);
    s.odd = (uint16_t)(g->patch & 1u);
    s.skip = 0u;
    s.pairs_lo = (uint16_t)pairs;
    s.pairs_hi = (uint16_t)(pairs >> 16);
    s.zero_lo = (uint16_t)q->zero_point;
    s.zero_hi = (uint16_t)(q->zero_point >> 16);
    s.act_min = q->act_min;
    s.act_max = q->act_max;
    s.partial = 0;
    if (bias != 0) {
        tx_hw_pair_rows(&s, w, bias, q, out, count);
    } else { /* the compiler always emits a bias; without one, each output starts from 0 */
        const int32_t zero = 0;
        for (; count != 0u; count--) {
            tx_hw_pair_rows(&s, w, &zero, q, out++, 1u);
            w += g->patch;
        }
    }
#else
    for (; count != 0u; count--) {
        const uint32_t start = bias != 0 ? (uint32_t)*bias++ : 0u;
        *out++ = tx_hw_requantize_s8(q, tx_hw_dot_pairs(tx_wrap_s32(start - pairs), patch, w, g->patch));
        w += g->patch;
    }
#endif
}

/* One output channel's dot product over the window's in-bounds taps, int8 input in place. Runs
 * between tx_hw_acc_begin and _end: additions only (a C multiplication would call a helper that
 * uses the multiplier). */
static void mac_window(tx_hw_acc *a, const geometry *g, const window *v, const int8_t *w)
{
    const int8_t *xr = v->x;
    const int8_t *wr = w + v->w_first;
    uint16_t r, k;
    for (r = 0u; r < v->rows; r++) {
        const int8_t *xp = xr;
        const int8_t *wp = wr;
        for (k = 0u; k < v->runs; k++) {
            tx_hw_mac_s8(a, xp, wp, v->run, g->offset);
            xp += g->col_step;
            wp += g->fc;
        }
        xr += g->row_step;
        wr += g->kw_c;
    }
}

static void conv(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                 const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                 const tx_shape4 *out_shape, int8_t *out)
{
    int16_t patch[TX_HW_CONV_PATCH];
    const int32_t kh = filter_shape->h, kw = filter_shape->w, in_c = in_shape->c;
    const int32_t fc = filter_shape->c;
    const uint16_t per_group = (uint16_t)(out_shape->c / p->groups);
    const int contiguous = p->dilation_w == 1 && p->groups == 1;
    const int32_t span_w = (kw - 1) * p->dilation_w; /* a window's columns: x0 .. x0 + span_w */
    const int32_t pixel_step = p->stride_w * in_c;   /* input elements between output pixels */
    geometry g;
    int32_t b, oy, ox;
    int8_t *o = out;
    int use_patch;
    tx_hw_requant q;

    g.row_step = p->dilation_h * in_shape->w * in_c;
    g.col_step = p->dilation_w * in_c;
    g.fc = (uint16_t)fc;
    g.kw_c = (uint16_t)(kw * fc);
    g.patch = (uint16_t)(kh * kw * fc);
    g.kh = (uint16_t)kh;
    g.kw = (uint16_t)kw;
    g.offset = (int16_t)p->input_offset;
    use_patch = g.patch <= TX_HW_CONV_PATCH;
    tx_hw_requant_init(&q, p->multipliers, p->shifts, p->output_offset, p->act_min, p->act_max);
    for (b = 0; b < out_shape->n; b++) {
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            int32_t ky_lo, ky_hi, row_at, x0, x_at;
            tx_hw_tap_range(y0, p->dilation_h, kh, in_shape->h, &ky_lo, &ky_hi);
            /* pointer steps and offsets rather than int32 products (helper calls) per pixel */
            row_at = (b * in_shape->h + y0 + ky_lo * p->dilation_h) * in_shape->w * in_c;
            x0 = -p->pad_left;
            x_at = x0 * in_c;
            for (ox = 0; ox < out_shape->w; ox++, x0 += p->stride_w, x_at += pixel_step) {
                const int8_t *w = filter;
                const int32_t *bs = bias;
                int32_t kx_lo, kx_hi, grp;
                window v;
                tx_hw_acc a;
                if (x0 >= 0 && x0 + span_w < in_shape->w) { /* inside the image */
                    kx_lo = 0;
                    kx_hi = kw;
                } else {
                    tx_hw_tap_range(x0, p->dilation_w, kw, in_shape->w, &kx_lo, &kx_hi);
                }
                q.multipliers = p->multipliers; /* channel 0 again */
                q.shifts = p->shifts;
                v.ky_lo = ky_lo;
                v.kx_lo = kx_lo;
                v.rows = (uint16_t)(ky_hi - ky_lo);
                v.cols = (uint16_t)(kx_hi - kx_lo);
                v.runs = contiguous ? 1u : v.cols;
                v.run = contiguous ? (uint16_t)(v.cols * g.fc) : g.fc;
                v.w_first = use_patch ? 0 : (ky_lo * kw + kx_lo) * fc;
                v.x = in;
                if (v.rows == 0u || v.cols == 0u) {
                    v.rows = 0u; /* no in-bounds tap: the bias alone */
                    v.cols = 0u;
                } else {
                    v.x = in + row_at + x_at + (kx_lo != 0 ? kx_lo * g.col_step : 0);
                }
                for (grp = 0; grp < p->groups; grp++) {
                    uint16_t oc;
                    if (use_patch) {
                        fill_patch(&g, &v, patch);
                        patch_outputs(&g, patch, w, bs, &q, o, per_group);
                        o += per_group;
                        w += (uint16_t)(per_group * g.patch);
                        bs = bs != 0 ? bs + per_group : 0;
                    } else {
                        for (oc = 0u; oc < per_group; oc++) {
                            int32_t acc;
                            tx_hw_acc_begin(&a, bs != 0 ? *bs++ : INT32_C(0));
                            mac_window(&a, &g, &v, w);
                            acc = tx_hw_acc_end(&a);
                            *o++ = tx_hw_requantize_s8(&q, acc);
                            w += g.patch;
                        }
                    }
                    v.x += fc; /* the next group's input channels */
                }
            }
        }
    }
}

tx_status tx_conv2d_s8(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                       const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                       const tx_shape4 *out_shape, int8_t *out)
{
    uint32_t filter_size;
    if (!tx_conv2d_s8_valid(p, in_shape, in, filter_shape, filter, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    /* x + input_offset must fit int16, one filter and the channels 16 bits (always so in a
     * 64 KB address space). */
    if (p->input_offset < INT32_C(-32000) || p->input_offset > INT32_C(32000)
        || !tx_mul_within((uint32_t)filter_shape->h, (uint32_t)filter_shape->w, UINT32_C(0x7FFF),
                          &filter_size)
        || !tx_mul_within(filter_size, (uint32_t)filter_shape->c, UINT32_C(0x7FFF), &filter_size)
        || out_shape->c > INT32_C(0x7FFF)) {
        return TX_ERR_ARGUMENT;
    }
    conv(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
    return TX_OK;
}
