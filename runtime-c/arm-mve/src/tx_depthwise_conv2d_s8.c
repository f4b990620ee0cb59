/*
 * Helium (MVE, Cortex-M55) variant of tx_depthwise_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_depthwise_conv2d_s8.c). With channel_multiplier 1: a tile of outputs first has
 * the input of a group of channels copied into int8 planes on the stack, one per channel
 * (tx_mve_dw_planes.h: padded positions set to the input zero point, whose (x + offset) is 0, so
 * every window uses the whole filter and the input offset folds into the start of the sums as
 * offset * the channel's weight sum, as in tx_arm_mve.h). Then each output is a gather of its
 * window's taps and one VMLADAV.S8 with the channel's weights, and four outputs go through the
 * output stage as one vector and a scatter store (tx_mve_dw_lines.h): line by line, or for layers
 * of at most 64 outputs in one run from offset tables. Windows of more than 16 taps or 256 bytes
 * of plane, and channels of shift 0 or more, take the C loop here (a VMLA per tap and four
 * outputs); other multipliers, and windows too large for the planes, the reference loop.
 * Measured on cortex-m55 (tenax bench, float I/O), instructions per MAC with the DSP kernel that
 * cortex-m55 took before, and with this one: MobileNet VWW's stride-1 layers 48x48x8 1.60 -> 0.87,
 * 24x24x32 1.65 -> 0.93, 12x12x64 1.80 -> 1.04, 6x6x128 2.08 -> 1.23, 3x3x256 3.26 -> 2.36; its
 * stride-2 ones to 24x24x16 2.50 -> 1.45, to 12x12x32 2.47 -> 1.63, to 6x6x64 2.73 -> 1.76, to
 * 3x3x128 3.96 -> 2.84; the whole model 4,618,038 -> 3,961,661 instructions. DS-CNN KWS's 25x5x64
 * layers (lines along the columns) 1.48 -> 1.08, the model 1,229,721 -> 1,116,067.
 * Stack: the planes (TX_MVE_DW_PLANE + TX_MVE_DW_SLACK), the channel table (32 bytes a channel of
 * a group) and the offset tables (8 bytes an output), about 4.6 KB in all (measured with planes of
 * 3 KB and groups of 32 channels, VWW took 3,934,192 instructions, 0.7% fewer, for 1.5 KB more).
 */
#include "tx_depthwise_conv2d_s8_body.h"

#include "tx_arm_dsp_paths.h"
#include "tx_arm_mve.h"

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

#if defined(TX_MVE)
#include "tx_mve_dw_planes.h"
#include "tx_mve_dw_lines.h"

/* What the C loop reads of a channel: tap t's weight at w[t * wstep]. */
typedef struct {
    const int8_t *w;
    int32_t wstep, init, mult, shift, zp, lo, hi;
} dw_channel;

/*
 * The outputs of channel k from its plane (tx_mve_dw_planes.h): `lines` lines of n outputs, line
 * i's first window at plane + i * pline, output j's j * pstep further, tap t toff[t] past it; its
 * output at out + i * oline + j * ostep. Any shift and window.
 */
static void dw_channel_c(const tx_mve_dw_plane *pl, const dw_channel *k, const int8_t *plane,
                         int32_t lines, int32_t n, int8_t *out)
{
    const uint32x4_t lanes = vidupq_n_u32(0, 1);
    const uint32x4_t in_off = vmulq_n_u32(lanes, (uint32_t)pl->pstep);
    const uint32x4_t out_off = vmulq_n_u32(lanes, (uint32_t)pl->ostep);
    const int32x4_t m = vdupq_n_s32(k->mult);
    const int32x4_t s = vdupq_n_s32(k->shift);
    const int32x4_t lo = vdupq_n_s32(k->lo);
    const int32x4_t hi = vdupq_n_s32(k->hi);
    int32_t i, j, t;
    for (i = 0; i < lines; i++) {
        for (j = 0; j < n; j += 4) {
            const mve_pred16_t pr = vctp32q((uint32_t)(n - j));
            const int8_t *win = plane + i * pl->pline + j * pl->pstep;
            int32x4_t acc = vdupq_n_s32(k->init);
            int32x4_t v;
            for (t = 0; t < pl->taps; t++) {
                const int32x4_t x = vldrbq_gather_offset_z_s32(win + pl->toff[t], in_off, pr);
                acc = vmlaq_n_s32(acc, x, k->w[t * k->wstep]);
            }
            v = k->shift <= -1 ? tx_mve_requantize_narrow(acc, m, s)
                               : tx_mve_requantize_any(acc, m, s);
            v = vaddq_n_s32(v, k->zp);
            v = vminq_s32(vmaxq_s32(v, lo), hi);
            vstrbq_scatter_offset_p_s32(out + i * pl->oline + j * pl->ostep, out_off, v, pr);
        }
    }
}

/* bias + input offset * the sum of channel c's weights (modulo 2^32). */
static int32_t dw_init(const tx_depthwise_conv2d_s8_params *p, const int32_t *bias, int32_t c,
                       int32_t sum)
{
    return tx_add_wrap_s32(bias != 0 ? bias[c] : INT32_C(0),
                           tx_wrap_s32((uint32_t)p->input_offset * (uint32_t)sum));
}

/* channel_multiplier 1 through the planes; 0 when a window does not fit them (nothing written). */
static int depthwise_mve(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *filter_shape, const int8_t *filter,
                         const int32_t *bias, const tx_shape4 *out_shape, int8_t *out)
{
    int8_t buf[TX_MVE_DW_PLANE + TX_MVE_DW_SLACK] __attribute__((aligned(8)));
    tx_mve_dw_chan tab[TX_MVE_DW_GROUP];
    tx_mve_dw_plane pl;
    tx_mve_dw_lines_args a;
    uint32_t flat_w[TX_MVE_DW_FLAT + 3];
    uint32_t flat_o[TX_MVE_DW_FLAT + 3];
    uint16x8_t woff;
    int32_t c0, b, b0, a0, t, j, lines_asm;
    const int32_t ch = out_shape->c;
    if (!tx_mve_dw_plane_init(&pl, p, in_shape, in, filter_shape, out_shape, buf)) {
        return 0;
    }
    /* the assembly: windows of at most 16 taps within 256 bytes, whose last block's extra
     * windows stay inside the slack (and the weights' 16-bit gather offsets) */
    lines_asm = pl.taps <= 16 && 3 * pl.pstep <= TX_MVE_DW_SLACK && 15 * ch <= 65535;
    for (t = 0; t < 16; t++) {
        a.toff[t] = 0;
        if (t < pl.taps) {
            lines_asm = lines_asm && pl.toff[t] <= 255;
            a.toff[t] = (uint8_t)pl.toff[t];
        }
    }
    woff = vmulq_n_u16(vidupq_n_u16(0, 1), (uint16_t)ch);
    a.pline = pl.pline;
    a.oline = pl.oline;
    a.pstep = pl.pstep;
    a.ostep = pl.ostep;
    a.zp = p->output_offset;
    a.lo = p->act_min;
    a.hi = p->act_max;
    a.plane = pl.plane;
    a.tab = tab;
    if (pl.flat) {
        /* every output's window and output, in blocks of four, the last block's last output
         * repeated */
        const int32_t count = pl.out_a * pl.out_b;
        a.blocks = (count + 3) / 4;
        for (t = 0; t < 4 * a.blocks; t++) {
            const int32_t k = t < count ? t : count - 1;
            flat_w[t] = (uint32_t)(k / pl.out_a * pl.pline + k % pl.out_a * pl.pstep);
            flat_o[t] = (uint32_t)(k / pl.out_a * pl.oline + k % pl.out_a * pl.ostep);
        }
        a.woff = flat_w;
        a.ooff = flat_o;
    }
    for (c0 = 0; c0 < ch; c0 += pl.group) {
        const int32_t g = ch - c0 < pl.group ? ch - c0 : pl.group;
        /* every channel of the group takes the assembly */
        int group_asm = lines_asm;
        for (j = 0; j < g && lines_asm; j++) {
            /* the channel's taps (16 at most here), gathered from the filter's [tap][channel] */
            tx_mve_dw_chan *e = &tab[j];
            const mve_pred16_t p_lo = vctp16q((uint32_t)pl.taps);
            const mve_pred16_t p_hi = vctp16q((uint32_t)(pl.taps > 8 ? pl.taps - 8 : 0));
            const uint8_t *f = (const uint8_t *)filter + c0 + j;
            vstrbq_u16((uint8_t *)e->w, vldrbq_gather_offset_z_u16(f, woff, p_lo));
            vstrbq_u16((uint8_t *)e->w + 8,
                       vldrbq_gather_offset_z_u16(f + 8 * ch, woff, p_hi));
            e->init = dw_init(p, bias, c0 + j, vaddvq_s8(vldrbq_s8(e->w)));
            e->mult = p->multipliers[c0 + j];
            e->shift = p->shifts[c0 + j];
            group_asm = group_asm && e->shift <= -1;
        }
        for (b = 0; b < out_shape->n; b++) {
            for (b0 = 0; b0 < pl.out_b; b0 += pl.strip) {
                const int32_t lines = pl.out_b - b0 < pl.strip ? pl.out_b - b0 : pl.strip;
                for (a0 = 0; a0 < pl.out_a; a0 += pl.tile) {
                    const int32_t n = pl.out_a - a0 < pl.tile ? pl.out_a - a0 : pl.tile;
                    int8_t *o = out + b * out_shape->h * out_shape->w * ch + b0 * pl.oline
                                + a0 * pl.ostep + c0;
                    tx_mve_dw_expand(&pl, b, b0, a0, lines, n, c0, g);
                    if (group_asm) {
                        a.p = buf;
                        a.out = o;
                        a.n = n;
                        a.lines = lines;
                        a.channels = g;
                        if (pl.flat) {
                            tx_mve_dw_flat(&a);
                        } else {
                            tx_mve_dw_lines(&a);
                        }
                        continue;
                    }
                    for (j = 0; j < g; j++) {
                        dw_channel k;
                        int32_t sum = 0;
                        k.w = filter + c0 + j;
                        k.wstep = ch;
                        for (t = 0; t < pl.taps; t++) {
                            sum += k.w[t * ch];
                        }
                        k.init = dw_init(p, bias, c0 + j, sum);
                        k.mult = p->multipliers[c0 + j];
                        k.shift = p->shifts[c0 + j];
                        k.zp = p->output_offset;
                        k.lo = p->act_min;
                        k.hi = p->act_max;
                        dw_channel_c(&pl, &k, buf + j * pl.plane, lines, n, o + j);
                    }
                }
            }
        }
    }
    return 1;
}
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
#if defined(TX_MVE)
    if (p->channel_multiplier == 1
        && depthwise_mve(p, in_shape, in, filter_shape, filter, bias, out_shape, out)) {
        return TX_OK;
    }
    /* The reference loop takes other multipliers (the DSP kernel's path macros, which a
     * cortex-m55 project's tx_config.h also sets, give them its reference path) and windows too
     * large for the planes (its four-channel or two-channel paths): a build whose calls take none
     * of them leaves the loop out. */
    if (!TX_DEPTHWISE_CONV2D_S8_PATH_REFERENCE && !TX_DEPTHWISE_CONV2D_S8_PATH_FAST
        && !TX_DEPTHWISE_CONV2D_S8_PATH_DSP) {
        return TX_ERR_ARGUMENT;
    }
#endif
    tx_depthwise_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
    return TX_OK;
}
