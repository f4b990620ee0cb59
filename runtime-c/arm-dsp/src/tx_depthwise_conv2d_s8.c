/*
 * Cortex-M DSP-extension variant of tx_depthwise_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_depthwise_conv2d_s8.c). With channel_multiplier == 1 it computes four channels
 * at a time: one load of four inputs per kernel position, sign-extended in pairs (SXTAB16 adds the
 * input offset) and multiplied per halfword with SMLABB / SMLATT, which keep the channels apart
 * (see tx_arm_dsp.h for why the result is bit-exact). When every channel's shift admits the
 * 32-bit output stage of tx_arm_dsp_requant.h (shift in [-23, -2]: SMMLA + shift, clamp of four
 * outputs at once with SSUB8/SEL), depthwise_fast runs the four-channel blocks in its outer loop
 * with their weights sign-extended once into a table of the window's in-bounds taps; leftover
 * channels, and other shifts, take depthwise_dsp with the 64-bit tx_requantize_s8. 3x3 kernels
 * of stride 1 or 2 (shifts in that range) take the planar paths instead (tx_arm_dsp_dw3x3.h,
 * tx_arm_dsp_dws2.h, tx_arm_dsp_dw_planar.h; their headers keep the per-shape numbers and the
 * floors: on cortex-m4 stride 1 takes 1.62 per MAC on DS-CNN KWS's layers, which share a
 * uniform output shift, and 1.80-3.12 on MobileNet VWW's, which keep their channels' shifts;
 * both above the 1.5, at or below the scheme's floor). Other multipliers,
 * and every case without __ARM_FEATURE_DSP, take the reference loop.
 */
#include "tx_depthwise_conv2d_s8.h"

#include "tx_arm_dsp.h"
#include "tx_arm_dsp_paths.h"
#include "tx_arm_dsp_requant.h"
#include "tx_depthwise_conv2d_s8_body.h"

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

#if defined(__ARM_FEATURE_DSP)
/* channel_multiplier == 1: out_c == in_c, output channel c reads input channel c. The window's
 * in-bounds taps are found once per output pixel, so the tap loops only step pointers. Not
 * inlined, like conv_dsp: its code must not depend on the paths the build keeps. */
__attribute__((noinline)) static void depthwise_dsp(const tx_depthwise_conv2d_s8_params *p,
                                                    const tx_shape4 *in_shape, const int8_t *in,
                                                    const tx_shape4 *filter_shape,
                                                    const int8_t *filter, const int32_t *bias,
                                                    const tx_shape4 *out_shape, int8_t *out,
                                                    int32_t c_first)
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
                    for (c = c_first; c < ch; c++) {
                        o[c] = tx_requantize_s8(bias != 0 ? bias[c] : INT32_C(0), p->multipliers[c],
                                                p->shifts[c], p->output_offset, p->act_min,
                                                p->act_max);
                    }
                    continue;
                }
                x_first = ((b * in_shape->h + y0 + ky_lo * p->dilation_h) * in_shape->w + x0
                                + kx_lo * p->dilation_w) * ch;
                w_first = (ky_lo * kw + kx_lo) * ch;
                for (c = c_first; c + 3 < ch; c += 4) {
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

/* The output stage of four channels: SMMLA form of tx_requantize_s8 (tx_arm_dsp_requant.h). */
typedef struct {
    int32_t m[4];
    int32_t c[4];
    int32_t k[4];
    int32_t bias[4];
} quad_requant;

static inline __attribute__((always_inline)) int32_t requant1(int32_t acc, const quad_requant *q,
                                                              int32_t j)
{
    return tx_dsp_ssat8(tx_asr_s32(tx_dsp_smmla(acc, q->m[j], q->c[j]), q->k[j]));
}

/* Four channels' accumulators to four int8 outputs at o (clamped with SSUB8/SEL). */
static inline __attribute__((always_inline)) void store4(int8_t *o, int32_t a0, int32_t a1,
                                                        int32_t a2, int32_t a3,
                                                        const quad_requant *q, uint32_t lo4,
                                                        uint32_t hi4)
{
    const uint32_t v = tx_dsp_clamp8x4(tx_dsp_pack8x4(requant1(a0, q, 0), requant1(a1, q, 1),
                                                      requant1(a2, q, 2), requant1(a3, q, 3)),
                                       lo4, hi4);
    memcpy(o, &v, sizeof v);
}

static uint32_t dup8(int32_t v)
{
    return ((uint32_t)v & UINT32_C(0xFF)) * UINT32_C(0x01010101);
}

/* Kernels of at most this many taps get a local table of their in-bounds taps (16 bytes each,
 * plus the end entry: 272 bytes of stack). */
#define TX_DW_TABLE_TAPS 16

/* One in-bounds tap of a window for four channels: the weights sign-extended in pairs
 * (channels 0 and 2, 1 and 3), the input's index relative to the window's origin and that of
 * the window one output row below. A table ends with an entry whose off is -1. */
typedef struct {
    int32_t w02;
    int32_t w13;
    int32_t off;
    int32_t off_next;
} dw_tap;

#if defined(__thumb2__)
/*
 * Two windows (origins at p and p + in_oy, the second's offsets in off_next) through the n >= 1
 * taps of tab, four channels each, without the input offset (the caller starts the accumulators
 * at bias + offset * the sum of the weights): acc[0..3] and acc[4..7] updated. One weight load
 * serves both windows. The loop needs 14 registers (8 accumulators, table, input, a weight pair,
 * an input word and a temporary), more than GCC can give an asm statement when r7 is the frame
 * pointer (at -O0, or with -fno-omit-frame-pointer), and GCC spills accumulators when the loop
 * is in C; so it is a naked function that saves what AAPCS asks it to (r4-r11) itself.
 * Registers: r0 input, r1 table, r2 temporary (acc saved on the stack), r3-r6 the first window's
 * accumulators, r7-r10 the second's, r11 and r12 the weight pair, lr the input word.
 */
__attribute__((naked)) static void taps_table2(const int8_t *p __attribute__((unused)),
                                               const dw_tap *tab __attribute__((unused)),
                                               int32_t *acc __attribute__((unused)))
{
    __asm__(
        "push   {r2, r4-r11, lr}\n\t"
        "ldm    r2, {r3-r10}\n\t"
        "ldrd   r11, r12, [r1]\n\t"
        "ldr    lr, [r1, #8]\n"
        "1:\n\t"
        "ldr    lr, [r0, lr]\n\t"
        "sxtb16 r2, lr\n\t"
        "sxtb16 lr, lr, ror #8\n\t"
        "smlabb r3, r2, r11, r3\n\t"
        "smlatt r5, r2, r11, r5\n\t"
        "smlabb r4, lr, r12, r4\n\t"
        "smlatt r6, lr, r12, r6\n\t"
        "ldr    r2, [r1, #12]\n\t"
        "ldr    lr, [r0, r2]\n\t"
        "sxtb16 r2, lr\n\t"
        "sxtb16 lr, lr, ror #8\n\t"
        "smlabb r7, r2, r11, r7\n\t"
        "smlatt r9, r2, r11, r9\n\t"
        "smlabb r8, lr, r12, r8\n\t"
        "smlatt r10, lr, r12, r10\n\t"
        "ldrd   r11, r12, [r1, #16]!\n\t"
        "ldr    lr, [r1, #8]\n\t"
        "cmn    lr, #1\n\t"
        "bne    1b\n\t"
        "pop    {r2}\n\t"
        "stm    r2, {r3-r10}\n\t"
        "pop    {r4-r11, pc}");
}
#endif

/* acc[0..3] += sum over the n taps of (x + offset) * w, the input of a tap at in[base + off]. */
static void taps_table(const int8_t *in, int32_t base, const dw_tap *tab, int32_t n, int32_t off2,
                       int32_t acc[4])
{
    int32_t a0 = acc[0];
    int32_t a1 = acc[1];
    int32_t a2 = acc[2];
    int32_t a3 = acc[3];
    for (; n > 0; n--) {
        const int32_t xv = tx_dsp_load4(in + (base + tab->off));
        const int32_t w02 = tab->w02;
        const int32_t w13 = tab->w13;
        const int32_t x02 = __sxtab16(off2, xv);
        const int32_t x13 = tx_dsp_sxtab16_ror8(off2, xv);
        a0 = __smlabb(x02, w02, a0);
        a1 = __smlabb(x13, w13, a1);
        a2 = __smlatt(x02, w02, a2);
        a3 = __smlatt(x13, w13, a3);
        tab++;
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* The same with the weights read from the filter (filter[wp + t * ch]). */
static void taps_direct(const int8_t *in, int32_t xp, int32_t x_step, const int8_t *filter,
                        int32_t wp, int32_t ch, int32_t n, int32_t off2, int32_t acc[4])
{
    int32_t a0 = acc[0];
    int32_t a1 = acc[1];
    int32_t a2 = acc[2];
    int32_t a3 = acc[3];
    for (; n > 0; n--) {
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
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/*
 * channel_multiplier == 1 and every shift in the SMMLA range, channels [0, c_end) (c_end a
 * multiple of 4): four channels at a time in the outer loop, so their requantization constants
 * are prepared once per block. For kernels of at most TX_DW_TABLE_TAPS taps the window's
 * in-bounds taps (weights sign-extended, input offsets) are listed in a local table, rebuilt only
 * when the window's in-bounds rows or columns change (output pixels go column by column, so only
 * at the top and bottom rows), and one flat loop runs through them.
 */
static void depthwise_fast(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                           const int8_t *in, const tx_shape4 *filter_shape, const int8_t *filter,
                           const int32_t *bias, const tx_shape4 *out_shape, int8_t *out,
                           int32_t c_end)
{
    /* everything in locals: stores through out (int8_t, which may alias anything) would
     * otherwise make the compiler reload the parameters for every output */
    const int32_t ch = out_shape->c;
    const int32_t kh = filter_shape->h;
    const int32_t kw = filter_shape->w;
    const int32_t in_h = in_shape->h;
    const int32_t in_w = in_shape->w;
    const int32_t out_n = out_shape->n;
    const int32_t out_h = out_shape->h;
    const int32_t out_w = out_shape->w;
    const int32_t stride_h = p->stride_h;
    const int32_t stride_w = p->stride_w;
    const int32_t dil_h = p->dilation_h;
    const int32_t dil_w = p->dilation_w;
    const int32_t pad_top = p->pad_top;
    const int32_t pad_left = p->pad_left;
    const int32_t span_h = (kh - 1) * dil_h; /* the window's last row, from its first */
    const int32_t off2 = tx_dsp_dup16(p->input_offset);
    const int32_t x_step = dil_w * ch;         /* next tap in a row, input */
    const int32_t y_step = dil_h * in_w * ch;  /* next tap row, input */
    const int32_t in_oy = stride_h * in_w * ch; /* next output row, input */
    const int32_t out_oy = out_w * ch;          /* next output row, output */
    const int table = kh * kw <= TX_DW_TABLE_TAPS;
    const uint32_t lo4 = dup8(p->act_min);
    const uint32_t hi4 = dup8(p->act_max);
    dw_tap tab[TX_DW_TABLE_TAPS + 1];
    int32_t cb, b, oy, ox, ky, kx, j;

    for (cb = 0; cb < c_end; cb += 4) {
        quad_requant q;
        for (j = 0; j < 4; j++) {
            q.m[j] = p->multipliers[cb + j];
            q.c[j] = tx_dsp_requant_out_c(p->output_offset, p->shifts[cb + j]);
            q.k[j] = tx_dsp_requant_out_k(p->shifts[cb + j]);
            q.bias[j] = bias != 0 ? bias[cb + j] : INT32_C(0);
        }
        for (b = 0; b < out_n; b++) {
            for (ox = 0; ox < out_w; ox++) {
                const int32_t x0 = ox * stride_w - pad_left;
                int32_t kx_lo, kx_hi;
                /* the rows the table holds; none yet (it is per column) */
                int32_t t_ky_lo = -1;
                int32_t t_ky_hi = -1;
                int32_t n = 0;
                /* index of the table's first tap relative to the window's origin, and the
                 * accumulators' start for windows without the input offset: bias + offset *
                 * the sum of the table's weights */
                int32_t first = 0;
                int32_t init[4] = {0, 0, 0, 0};
                int32_t y0 = -pad_top;
                /* index of the window's origin (tap 0, 0; maybe in the padding, so maybe
                 * negative), channel cb, and of the output, for oy = 0 */
                int32_t base = ((b * in_h - pad_top) * in_w + x0) * ch + cb;
                int32_t o = (b * out_h * out_w + ox) * ch + cb;
                tx_dsp_taps(x0, kw, dil_w, in_w, &kx_lo, &kx_hi);
                oy = 0;
                while (oy < out_h) {
                    int32_t ky_lo = 0;
                    int32_t ky_hi = kh;
                    int32_t acc[8];
                    if (y0 < 0 || y0 + span_h >= in_h) {
                        tx_dsp_taps(y0, kh, dil_h, in_h, &ky_lo, &ky_hi);
                    }
                    if (table) {
                        int32_t lo2 = 0;
                        int32_t hi2 = kh;
                        if (ky_lo != t_ky_lo || ky_hi != t_ky_hi) {
                            int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                            first = ky_lo * y_step + kx_lo * x_step;
                            n = 0;
                            for (ky = ky_lo; ky < ky_hi; ky++) {
                                for (kx = kx_lo; kx < kx_hi; kx++) {
                                    const int8_t *w = filter + (ky * kw + kx) * ch + cb;
                                    const int32_t wv = tx_dsp_load4(w);
                                    tab[n].w02 = __sxtb16(wv);
                                    tab[n].w13 = tx_dsp_sxtb16_ror8(wv);
                                    tab[n].off = ky * y_step + kx * x_step - first;
                                    tab[n].off_next = tab[n].off + in_oy;
                                    s0 += w[0];
                                    s1 += w[1];
                                    s2 += w[2];
                                    s3 += w[3];
                                    n++;
                                }
                            }
                            tab[n].w02 = 0;
                            tab[n].w13 = 0;
                            tab[n].off = -1;
                            tab[n].off_next = -1;
                            init[0] = tx_add_wrap_s32(q.bias[0], p->input_offset * s0);
                            init[1] = tx_add_wrap_s32(q.bias[1], p->input_offset * s1);
                            init[2] = tx_add_wrap_s32(q.bias[2], p->input_offset * s2);
                            init[3] = tx_add_wrap_s32(q.bias[3], p->input_offset * s3);
                            t_ky_lo = ky_lo;
                            t_ky_hi = ky_hi;
                        }
#if defined(__thumb2__)
                        /* the next output row's window: the same in-bounds rows? */
                        if (oy + 1 < out_h && n > 0) {
                            const int32_t y1 = y0 + stride_h;
                            if (y1 < 0 || y1 + span_h >= in_h) {
                                tx_dsp_taps(y1, kh, dil_h, in_h, &lo2, &hi2);
                            }
                        } else {
                            lo2 = -1;
                        }
                        if (lo2 == ky_lo && hi2 == ky_hi) {
                            acc[0] = init[0];
                            acc[1] = init[1];
                            acc[2] = init[2];
                            acc[3] = init[3];
                            acc[4] = init[0];
                            acc[5] = init[1];
                            acc[6] = init[2];
                            acc[7] = init[3];
                            taps_table2(in + (base + first), tab, acc);
                            store4(out + o, acc[0], acc[1], acc[2], acc[3], &q, lo4, hi4);
                            store4(out + o + out_oy, acc[4], acc[5], acc[6], acc[7], &q, lo4,
                                   hi4);
                            oy += 2;
                            y0 += 2 * stride_h;
                            base += 2 * in_oy;
                            o += 2 * out_oy;
                            continue;
                        }
#else
                        (void)lo2;
                        (void)hi2;
#endif
                        acc[0] = q.bias[0];
                        acc[1] = q.bias[1];
                        acc[2] = q.bias[2];
                        acc[3] = q.bias[3];
                        taps_table(in, base + first, tab, n, off2, acc);
                    } else {
                        acc[0] = q.bias[0];
                        acc[1] = q.bias[1];
                        acc[2] = q.bias[2];
                        acc[3] = q.bias[3];
                        if (kx_lo == 0 && kx_hi == kw && y_step == kw * x_step) {
                            /* whole rows, contiguous in the input as in the filter (e.g. an
                             * average pool over the whole input): one run of taps */
                            taps_direct(in, base + ky_lo * y_step, x_step, filter,
                                        ky_lo * kw * ch + cb, ch, (ky_hi - ky_lo) * kw, off2, acc);
                        } else {
                            for (ky = ky_lo; ky < ky_hi; ky++) {
                                taps_direct(in, base + ky * y_step + kx_lo * x_step, x_step,
                                            filter, (ky * kw + kx_lo) * ch + cb, ch,
                                            kx_hi - kx_lo, off2, acc);
                            }
                        }
                    }
                    store4(out + o, acc[0], acc[1], acc[2], acc[3], &q, lo4, hi4);
                    oy += 1;
                    y0 += stride_h;
                    base += in_oy;
                    o += out_oy;
                }
            }
        }
    }
}
#include "tx_arm_dsp_dw3x3.h"
#include "tx_arm_dsp_dws2.h"
#include "tx_arm_dsp_dw_planar.h"
#endif

tx_status tx_depthwise_conv2d_s8(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *filter_shape,
                                 const int8_t *filter, const int32_t *bias,
                                 const tx_shape4 *out_shape, int8_t *out)
{
    if (in == 0 || filter == 0 || out == 0
        || !tx_depthwise_conv2d_s8_valid(p, in_shape, filter_shape, out_shape)) {
        return TX_ERR_ARGUMENT;
    }
#if defined(__ARM_FEATURE_DSP)
    if (p->channel_multiplier == 1) {
        /* a local copy: the calls below could write *out_shape as far as the compiler knows, and
         * the tests of c_first against it must fold when a path is left out */
        const int32_t ch = out_shape->c;
        int32_t c_first = 0;
        /* the planar 3x3 paths: stride 1 (s = 1) or 2 (s = 2) */
        const int32_t s = dw3_applies(p, filter_shape, out_shape) ? 1
                          : dws2_applies(p, filter_shape, out_shape) ? 2 : 0;
        /* the build's uniform shift suits this layer (tx_arm_dsp_paths.h) */
        const int uniform =
            s != 0 && TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT != 0 && dw_uniform_fits(p, bias, ch);
        /* every shift in the output stage's range: implied when the uniform shift fits with
         * S in [-23, -10], the shifts being in [S, S + 8] (saves a pass over the channels) */
        const int fit = (uniform && TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT >= -23
                         && TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT <= -10)
                        || tx_dsp_requant_all_ok(p->shifts, ch, 0);
        if (fit && s != 0) {
            const int clamp = p->act_min != -128 || p->act_max != 127;
            const int in_build =
                (s == 1 ? TX_DEPTHWISE_CONV2D_S8_PATH_DW3
                              && (clamp ? TX_DEPTHWISE_CONV2D_S8_PATH_DW3_CLAMPED
                                        : TX_DEPTHWISE_CONV2D_S8_PATH_DW3_FULL_RANGE)
                        : TX_DEPTHWISE_CONV2D_S8_PATH_DWS2
                              && (clamp ? TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_CLAMPED
                                        : TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_FULL_RANGE))
                && (uniform || TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS)
                /* the uniform stride-1 kernels of a build of fixed geometry (tx_arm_dsp_dw_fixed.h) */
                && (s != 1 || TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS == 0
                    || TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS
                    || (ch == TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS
                        && out_shape->w * ch == TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES
                        && (TX_DEPTHWISE_CONV2D_S8_DW3_ROWS == 0
                            || out_shape->h == TX_DEPTHWISE_CONV2D_S8_DW3_ROWS)));
            if (!in_build || (ch % 4 != 0 && !TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL)) {
                return TX_ERR_ARGUMENT; /* a path this build left out (tx_arm_dsp_paths.h) */
            }
            dw_run(p, in_shape, in, filter, bias, out_shape, out, s, uniform);
            return TX_OK;
        }
        if (!TX_DEPTHWISE_CONV2D_S8_PATH_FAST && !TX_DEPTHWISE_CONV2D_S8_PATH_DSP) {
            /* a build with the planar paths only (tx_arm_dsp_paths.h): GCC does not see that
             * the tests below then always fail */
            return TX_ERR_ARGUMENT;
        }
        if (fit) {
            c_first = ch - ch % 4;
        }
        if ((c_first > 0 && !TX_DEPTHWISE_CONV2D_S8_PATH_FAST)
            || (c_first < ch && !TX_DEPTHWISE_CONV2D_S8_PATH_DSP)) {
            return TX_ERR_ARGUMENT;
        }
        if (c_first > 0) {
            depthwise_fast(p, in_shape, in, filter_shape, filter, bias, out_shape, out, c_first);
        }
        if (c_first < ch) {
            depthwise_dsp(p, in_shape, in, filter_shape, filter, bias, out_shape, out, c_first);
        }
        return TX_OK;
    }
    if (!TX_DEPTHWISE_CONV2D_S8_PATH_REFERENCE) {
        return TX_ERR_ARGUMENT;
    }
#endif
    tx_depthwise_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
    return TX_OK;
}
