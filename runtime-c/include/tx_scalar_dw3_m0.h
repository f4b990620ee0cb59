/*
 * The cortex-m0 3x3 stride-1 path of the scalar tx_depthwise_conv2d_s8 (runtime-c/arm-scalar/src/
 * tx_depthwise_conv2d_s8.c), kept apart so that each file stays readable: static functions,
 * included only by that kernel, after its dw_image.
 *
 * Why a plane: the pixel loop (tx_scalar_dw_m0.h) spends 15 instructions on two MACs, as Thumb-1's
 * LDRSB takes only a register offset, the input and filter bytes of a tap are both loaded, and
 * the sums sit in high registers. Here one channel's strip of input rows is first copied into a
 * plane of bytes, padding included, so that the taps of four horizontally adjacent outputs are
 * at immediate offsets (LDRB's five bits) from one pointer: per tap one filter value is loaded and
 * multiplies the four outputs' inputs, LDRB, MULS and ADDS each, 3.25 instructions a MAC.
 * The plane holds u = x + 128 (unsigned, so LDRB needs no sign extension) and, where the window
 * reaches into the padding, 128 - input_offset (the u whose x + input_offset is 0: in [0, 255] for
 * offsets in [-127, 128]); every window then has nine taps, and
 *   sum over in-bounds taps of (x + offset) w = sum over nine taps of u w + (offset - 128) sum w,
 * modulo 2^32 as the reference's wrapping sums; the second term joins the bias once a channel.
 * The rows go through tx_scalar_dw3_m0_block.h's assembly, which takes calls whose every shift is
 * -2 or below (tx_scalar_high_word); others take the pixel loop.
 * Scratch: the planes, on the stack: four channels' (one when the channels are not a multiple
 * of four), each (rows + 2) * (out_w + 2) bytes for strips of rows whose plane fits
 * TX_DW3_M0_PLANE bytes. A row wider than the plane holds three of takes the pixel loop.
 * codegen.ScalarKernelStack mirrors the size.
 */
#ifndef TX_SCALAR_DW3_M0_H
#define TX_SCALAR_DW3_M0_H

#if defined(__ARM_ARCH_6M__)

#include <string.h>

#include "tx_scalar_dw3_m0_block.h"

/* Most bytes of one channel's plane: strips of rows that fit it (KWS's 25x5 layers: one strip). */
#define TX_DW3_M0_PLANE 256

/* A call's geometry on this path. */
typedef struct {
    int32_t pw;        /* plane row: out_w + 2 input columns, from -pad_left */
    int32_t rows;      /* output rows a strip */
    uint8_t pad;       /* the plane's value for padding: 128 - input_offset */
} dw3_m0_geometry;

/* Whether the call takes this path, and its geometry. */
static int dw3_m0_takes(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *filter_shape,
                        const tx_shape4 *out_shape, dw3_m0_geometry *g)
{
    if (!TX_SCALAR_FAST_CODE || filter_shape->h != 3 || filter_shape->w != 3 || p->stride_h != 1
        || p->stride_w != 1 || p->dilation_h != 1 || p->dilation_w != 1
        || p->input_offset < -127 || p->input_offset > 128
        || !tx_scalar_high_word(p->shifts, out_shape->c)) {
        return 0;
    }
    g->pw = out_shape->w + 2;
    if (3 * g->pw > TX_DW3_M0_PLANE) {
        return 0;
    }
    g->rows = TX_DW3_M0_PLANE / g->pw - 2;
    g->rows = g->rows < out_shape->h ? g->rows : out_shape->h;
    g->pad = (uint8_t)(128 - p->input_offset);
    return 1;
}

/* A word of four channels' input bytes (the image is word aligned when ch is a multiple of 4). */
typedef uint32_t __attribute__((may_alias, aligned(4))) dw3_m0_word;

/* Plane rows of channels c .. c + lanes - 1 (lanes 1, or 4 when ch and c are multiples of 4 and
 * the image is word aligned: one LDR and EOR for the four), plane k at planes + k * size: input
 * rows y0 .. y0 + n - 1, columns -pad_left .. pw - 1 - pad_left, as u = x + 128 (x ^ 0x80). The
 * padding is not written: it holds g->pad from the strip's start, as every group of the strip has
 * its values at the same places. */
TX_SCALAR_LOOP void dw3_m0_expand(const dw_image *d, const dw3_m0_geometry *g, int32_t c,
                                  int32_t lanes, int32_t y0, int32_t n, uint8_t *planes,
                                  int32_t size)
{
    const int32_t ch = d->in_shape->c;
    const int32_t in_w = d->in_shape->w;
    const int32_t in_h = d->in_shape->h;
    const int32_t pw = g->pw;
    const int32_t x0 = -d->p->pad_left;
    /* columns [left, right) of the plane lie inside the input */
    const int32_t left = x0 < 0 ? (-x0 < pw ? -x0 : pw) : 0;
    int32_t right = in_w - x0;
    int32_t i;
    right = right < pw ? right : pw;
    right = right > left ? right : left;
    for (i = 0; i < n; i++) {
        const int32_t y = y0 + i;
        if (y >= 0 && y < in_h) {
            const int8_t *x = d->image + (y * in_w + x0 + left) * ch + c;
            uint8_t *row = planes + i * pw + left;
            uint8_t *const end = planes + i * pw + right;
            if (lanes == 4) {
                for (; row < end; row++) {
                    const uint32_t v = *(const dw3_m0_word *)x ^ UINT32_C(0x80808080);
                    row[0] = (uint8_t)v;
                    row[size] = (uint8_t)(v >> 8);
                    row[2 * size] = (uint8_t)(v >> 16);
                    row[3 * size] = (uint8_t)(v >> 24);
                    x += ch;
                }
            } else {
                for (; row < end; row++) {
                    *row = (uint8_t)(*x ^ 0x80);
                    x += ch;
                }
            }
        }
    }
}

/* One image's output on this path: strips of g->rows output rows; in each, the planes of a group
 * of channels expanded, then each channel's rows in tx_scalar_dw3_m0_block.h's assembly, its sums
 * starting from its bias plus (offset - 128) times its filter sum. A function apart from the
 * planes' variable-length array, so that the job sits at short offsets from sp. */
__attribute__((noinline)) static void dw3_m0_strips(const dw_image *d, const dw3_m0_geometry *g,
                                                    const tx_shape4 *out_shape, int8_t *out,
                                                    uint8_t *planes, int32_t lanes, int32_t size)
{
    const tx_depthwise_conv2d_s8_params *p = d->p;
    const int32_t ch = d->in_shape->c;
    const int32_t correction = p->input_offset - 128;
    tx_dw3_m0_job job;
    int32_t oy;
    int32_t c;
    job.pw = g->pw;
    job.ch = ch;
    job.ow = out_shape->w;
    job.zero_point = p->output_offset;
    job.act_min = p->act_min;
    job.act_max = p->act_max;
    job.out_row = out_shape->w * ch;
    for (oy = 0; oy < out_shape->h; oy += g->rows) {
        job.rows = out_shape->h - oy < g->rows ? out_shape->h - oy : g->rows;
        memset(planes, g->pad, (size_t)(lanes * size));
        for (c = 0; c < ch; c++) {
            const int8_t *w = d->filter + c;
            const int32_t lane = c & (lanes - 1);
            const int32_t m = p->multipliers[c];
            int32_t sum = 0;
            int32_t k;
            if (lane == 0) {
                dw3_m0_expand(d, g, c, lanes, oy - p->pad_top, job.rows + 2, planes, size);
            }
            for (k = 0; k < 9; k++) {
                job.w[k] = *w;
                sum += *w;
                w += ch;
            }
            job.plane = planes + lane * size;
            job.out = out + oy * job.out_row + c;
            job.start = (d->bias != 0 ? (uint32_t)d->bias[c] : 0u) + (uint32_t)(sum * correction);
            job.ml = (int32_t)((uint32_t)m & UINT32_C(0xFFFF));
            job.mh = tx_asr_s32(m, 16);
            job.s = -1 - p->shifts[c];
            job.round = INT32_C(1) << (job.s - 1);
            tx_dw3_m0_rows(&job);
        }
    }
}

/* The planes, on the stack, for dw3_m0_strips. */
static void dw3_m0_image(const dw_image *d, const dw3_m0_geometry *g, const tx_shape4 *out_shape,
                         int8_t *out)
{
    const int32_t size = (g->rows + 2) * g->pw;
    const int32_t lanes = (d->in_shape->c & 3) == 0 && ((uintptr_t)d->image & 3u) == 0 ? 4 : 1;
    uint8_t planes[lanes * size];
    dw3_m0_strips(d, g, out_shape, out, planes, lanes, size);
}

#endif /* __ARM_ARCH_6M__ */

#endif /* TX_SCALAR_DW3_M0_H */
