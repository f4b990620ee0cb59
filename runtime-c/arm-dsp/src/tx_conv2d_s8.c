/*
 * Cortex-M DSP-extension variant of tx_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_conv2d_s8.c; see tx_arm_dsp.h for why the SMLAD sums are bit-exact).
 * groups == 1 1x1 convolutions over 8 or 16 input channels without padding, every shift in
 * [-23, -2] and the full int8 range take the pixel-major path (tx_arm_dsp_conv2d_pixels.h): one
 * pixel's window in registers, every output channel's record over it. On cortex-m4 (tenax bench)
 * VWW's pointwise 8 -> 16 needs 1.48 instructions per MAC (2.28 with the im2col path), its
 * 16 -> 32 1.19 (1.52) and ResNet-8's 1x1 stride-2 shortcut 16 -> 32 1.21 (1.53); the floor of
 * the 8-tap loop is 42 instructions per 32 MACs, of the 16-tap one 18 per 16.
 * Other groups == 1 convolutions with a window of 4 to 640 taps and every shift in [-23, 30]
 * (output stages 1 and 3 of tx_arm_dsp_requant.h) take the im2col GEMM path: 0.91-1.38
 * instructions per MAC on the larger MLPerf Tiny layers. Its blocks are of four pixels; a
 * pointwise layer's last block of one pixel takes blocks1x1 instead (VWW's 3x3 pointwise layers,
 * 9 pixels: 1.37 -> 1.21 and 1.28 -> 1.12 per MAC; DS-CNN KWS's 125 pixels: 1.07 -> 1.05). Its 3x3 RGB first layers (windows of
 * 27 taps, run as 28 over filters widened per call: blocks1x4_widened) need 1.47 (VWW, stride 2,
 * 3 -> 8; 1.63 before) and 1.33 (ResNet-8, stride 1, 3 -> 16; 1.49): with 8 output channels the
 * expansion of each window (expand_window9x3, about 40 instructions per pixel) still weighs on
 * 216 MACs per pixel.
 * The remaining groups == 1 convolutions take conv_dsp: two output channels at a
 * time, each load of four inputs shared by both; with dilation_w == 1 the in-bounds kernel
 * columns of one row are contiguous in both the input (NHWC) and the filter (OHWI), so they form
 * one dot product. Grouped convolutions, and every case without __ARM_FEATURE_DSP, take the
 * reference loop. Scratch memory: the im2col path's buffers are bounded local arrays on the
 * stack (at most about 7.5 KB, sized per call), as is the pixel path's record table (at most
 * 3 KB), which the stack painting of the benchmark counts; tx_conv2d_s8_scratch_size stays 0.
 */
#include "tx_conv2d_s8_body.h"

#include "tx_arm_dsp.h"
#include "tx_arm_dsp_paths.h"
#include "tx_arm_dsp_requant.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

int32_t tx_conv2d_s8_scratch_size(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                  const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    (void)p;
    (void)in_shape;
    (void)filter_shape;
    (void)out_shape;
    return 0;
}

#if defined(__ARM_FEATURE_DSP)
/* Output channels oc (and oc + 1 when pair) of one output pixel. */
static void requantize(const tx_conv2d_s8_params *p, int32_t oc, int32_t pair, int32_t acc0,
                       int32_t acc1, int8_t *o)
{
    o[oc] = tx_requantize_s8(acc0, p->multipliers[oc], p->shifts[oc], p->output_offset,
                             p->act_min, p->act_max);
    if (pair) {
        o[oc + 1] = tx_requantize_s8(acc1, p->multipliers[oc + 1], p->shifts[oc + 1],
                                     p->output_offset, p->act_min, p->act_max);
    }
}

/* The in-bounds taps of output pixel (b, oy, ox)'s window, and the input index of its first. */
typedef struct {
    int32_t ky_lo, ky_hi, kx_lo, kx_hi;
    int32_t x_first;
    int32_t oy; /* the row whose ky taps ky_lo, ky_hi hold: a row's pixels share them */
} window_taps;

static void window(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                   const tx_shape4 *filter_shape, int32_t b, int32_t oy, int32_t ox,
                   window_taps *t)
{
    const int32_t y0 = oy * p->stride_h - p->pad_top;
    const int32_t x0 = ox * p->stride_w - p->pad_left;
    if (t->oy != oy) {
        tx_dsp_taps(y0, filter_shape->h, p->dilation_h, in_shape->h, &t->ky_lo, &t->ky_hi);
        t->oy = oy;
    }
    tx_dsp_taps(x0, filter_shape->w, p->dilation_w, in_shape->w, &t->kx_lo, &t->kx_hi);
    /* an index, not a pointer: it may lie outside the input when the window is all padding */
    t->x_first = ((b * in_shape->h + y0 + t->ky_lo * p->dilation_h) * in_shape->w + x0
                  + t->kx_lo * p->dilation_w) * in_shape->c;
}

/* groups == 1: two output channels, and two output pixels when their windows have the same
 * in-bounds taps, per pass over the window; the taps are found once per output pixel. Not
 * inlined: inside tx_conv2d_s8 its loops' registers depended on which other paths the build
 * keeps (tx_arm_dsp_paths.h), costing VWW's layers up to 8% more instructions. */
__attribute__((noinline)) static void conv_dsp(const tx_conv2d_s8_params *p,
                                               const tx_shape4 *in_shape, const int8_t *in,
                                               const tx_shape4 *filter_shape,
                                               const int8_t *filter, const int32_t *bias,
                                               const tx_shape4 *out_shape, int8_t *out)
{
    const int32_t in_c = in_shape->c;
    const int32_t kh = filter_shape->h;
    const int32_t kw = filter_shape->w;
    const int32_t out_c = out_shape->c;
    const int32_t filter_size = kh * kw * in_c;
    const int32_t off2 = tx_dsp_dup16(p->input_offset);
    const int32_t x_step = p->dilation_w * in_c;             /* next tap in a row, input */
    const int32_t y_step = p->dilation_h * in_shape->w * in_c; /* next tap row, input */
    const int32_t w_row = kw * in_c;                           /* next tap row, filter */
    /* with dilation_w == 1 a row's in-bounds taps are adjacent in the input and the filter:
     * one dot product */
    const int32_t run = p->dilation_w == 1;
    const int32_t pixels = out_shape->h * out_shape->w;
    int32_t b, oc, ky, kx, pix, two = 0;
    window_taps wa, wb;

    for (b = 0; b < out_shape->n; b++) {
        /* output pixels in memory order, two at a time when their windows have the same
         * in-bounds taps (inner pixels, also across a row end): every weight load then serves
         * both, whose inputs are the same taps dx apart */
        int32_t oy = 0;
        int32_t ox = 0;
        wa.oy = -1;
        wb.oy = -1;
        for (pix = 0; pix < pixels; pix += two ? 2 : 1) {
            int8_t *o = out + (b * pixels + pix) * out_c;
            int32_t n, cols, x_first, w_first, rows, dx = 0;
            window(p, in_shape, filter_shape, b, oy, ox, &wa);
            two = 0;
            if (++ox == out_shape->w) {
                ox = 0;
                oy++;
            }
            if (pix + 1 < pixels) {
                window(p, in_shape, filter_shape, b, oy, ox, &wb);
                two = wa.ky_lo == wb.ky_lo && wa.ky_hi == wb.ky_hi && wa.kx_lo == wb.kx_lo
                    && wa.kx_hi == wb.kx_hi;
                if (two) {
                    dx = wb.x_first - wa.x_first;
                    if (++ox == out_shape->w) {
                        ox = 0;
                        oy++;
                    }
                }
            }
            /* elements per dot product, and per row when they are adjacent */
            n = run ? (wa.kx_hi - wa.kx_lo) * in_c : in_c;
            cols = run ? 1 : wa.kx_hi - wa.kx_lo;
            x_first = wa.x_first;
            w_first = (wa.ky_lo * kw + wa.kx_lo) * in_c;
            /* tap rows to visit: none when the window lies in the padding (bias only) */
            rows = wa.kx_lo < wa.kx_hi ? wa.ky_hi - wa.ky_lo : 0;
            for (oc = 0; oc < out_c; oc += 2) {
                const int32_t pair = oc + 1 < out_c;
                /* [pixel][channel]: acc[0], acc[1] this pixel, acc[2], acc[3] the next */
                int32_t acc[4];
                int32_t xr = x_first;
                int32_t wr = w_first + oc * filter_size;
                acc[0] = bias != 0 ? bias[oc] : INT32_C(0);
                acc[1] = pair && bias != 0 ? bias[oc + 1] : INT32_C(0);
                acc[2] = acc[0];
                acc[3] = acc[1];
                for (ky = 0; ky < rows; ky++) {
                    int32_t xp = xr;
                    int32_t wp = wr;
                    for (kx = 0; kx < cols; kx++) {
                        const int8_t *w = filter + wp;
                        if (two && pair) {
                            tx_dsp_dot2x2_s8(in + xp, in + xp + dx, w, w + filter_size, n,
                                             p->input_offset, off2, acc);
                        } else if (pair) {
                            tx_dsp_dot2_s8(in + xp, w, w + filter_size, n, p->input_offset,
                                           off2, &acc[0], &acc[1]);
                        } else {
                            acc[0] = tx_dsp_dot1_s8(in + xp, w, n, p->input_offset, off2,
                                                    acc[0]);
                            if (two) {
                                acc[2] = tx_dsp_dot1_s8(in + xp + dx, w, n, p->input_offset,
                                                        off2, acc[2]);
                            }
                        }
                        xp += x_step;
                        wp += in_c;
                    }
                    xr += y_step;
                    wr += w_row;
                }
                requantize(p, oc, pair, acc[0], acc[1], o);
                if (two) {
                    requantize(p, oc, pair, acc[2], acc[3], o + out_c);
                }
            }
        }
    }
}

#include "tx_arm_dsp_conv2d_im2col.h"
#if defined(__thumb2__)
#include "tx_arm_dsp_conv2d_pixels.h"
#endif
#endif

tx_status tx_conv2d_s8(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                       const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                       const tx_shape4 *out_shape, int8_t *out)
{
    if (!tx_conv2d_s8_valid(p, in_shape, in, filter_shape, filter, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
#if defined(__ARM_FEATURE_DSP)
#if defined(__thumb2__)
    if (p->groups == 1
        && (int64_t)filter_shape->h * filter_shape->w * in_shape->c
               <= 4 * TX_CONV_COL_GROUPS
        && filter_shape->h * filter_shape->w * in_shape->c >= 4
        && tx_dsp_requant_all_ok(p->shifts, out_shape->c, 1)) {
        if (TX_CONV2D_S8_PATH_PIXELS && pixels_applies(p, in_shape, filter_shape, out_shape)) {
            conv_pixels(p, in_shape, in, filter, bias, out_shape, out);
            return TX_OK;
        }
        if (!im2col_paths_in(p, in_shape, filter_shape, out_shape)) {
            return TX_ERR_ARGUMENT; /* a path this build left out (tx_arm_dsp_paths.h) */
        }
        conv_im2col(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
#endif
    if (p->groups == 1) {
        if (!TX_CONV2D_S8_PATH_DSP) {
            return TX_ERR_ARGUMENT;
        }
        conv_dsp(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
    if (!TX_CONV2D_S8_PATH_REFERENCE) {
        return TX_ERR_ARGUMENT;
    }
#endif
    tx_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
    return TX_OK;
}
