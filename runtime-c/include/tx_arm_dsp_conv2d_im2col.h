/*
 * The im2col GEMM path of the Cortex-M DSP tx_conv2d_s8 (runtime-c/arm-dsp/src/tx_conv2d_s8.c),
 * kept apart so that each file stays readable: static functions, included only by that kernel,
 * inside its __ARM_FEATURE_DSP section, after tx_arm_dsp.h and tx_arm_dsp_requant.h.
 */
#ifndef TX_ARM_DSP_CONV2D_IM2COL_H
#define TX_ARM_DSP_CONV2D_IM2COL_H
#include "tx_arm_dsp_conv2d_im2col_expand.h"

/*
 * Pixel (b, oy, ox)'s window into the column slot dst. Kernel rows that are whole groups are
 * expanded straight from the input when in bounds, zero groups when in the padding, and gathered
 * (as bytes, padded taps the input zero point) then expanded when cut by the padding; with in_c
 * a multiple of 4 each in-bounds tap of a cut row is expanded straight too; otherwise the
 * window's taps are gathered into gat (the last group's unused ones the zero point) and expanded.
 */
__attribute__((noinline)) static void fill(const col_geom *g, int32_t *dst, int8_t *gat, int32_t b,
                                           int32_t oy, int32_t ox)
{
    const int32_t in_c = g->in_c;
    const int32_t kw = g->kw;
    const int32_t y0 = oy * g->stride_h - g->pad_top;
    const int32_t x0 = ox * g->stride_w - g->pad_left;
    const int32_t row_step = g->dil_h * g->in_w * in_c; /* next kernel row, input */
    const int32_t off2 = g->off2;
    /* index (not pointer: it may lie outside the input) of tap (0, 0), channel 0 */
    int32_t idx = ((b * g->in_h + y0) * g->in_w + x0) * in_c;
    int32_t iy = y0;
    int32_t ky, kx, kx_lo, kx_hi;
    if (x0 >= 0 && x0 + g->span_w < g->in_w && y0 >= 0 && y0 + g->span_h < g->in_h) {
        /* the window inside the input (every pixel of a 1x1 convolution without padding) */
        if (TX_CONV2D_S8_PATH_IM2COL_ROWS && g->rows_whole) {
            expand_rows(dst, g->in + idx, g->kh, (kw * in_c) >> 2, row_step, off2);
            return;
        }
        if (TX_CONV2D_S8_PATH_IM2COL_GATHER && g->dil_w == 1 && (in_c & 3) != 0) {
            int8_t *q = copy_rows(gat, g->in + idx, g->kh, kw * in_c, row_step);
            set_bytes(q, g->zp4, 4 * g->groups - (int32_t)(q - gat));
            expand_groups(dst, gat, g->groups, off2);
            return;
        }
    }
    tx_dsp_taps(x0, kw, g->dil_w, g->in_w, &kx_lo, &kx_hi);
    /* (each branch tests its path macro too, so that a path left out is dropped) */
    if (TX_CONV2D_S8_PATH_IM2COL_ROWS && g->rows_whole && kx_lo == 0 && kx_hi == kw) {
        /* whole rows: the padded ones zero groups, the others one run of rows */
        const int32_t rg = (kw * in_c) >> 2;
        int32_t ky_lo, ky_hi;
        tx_dsp_taps(y0, g->kh, g->dil_h, g->in_h, &ky_lo, &ky_hi);
        dst = zeros(dst, ky_lo * rg);
        if (ky_lo < ky_hi) {
            dst = expand_rows(dst, g->in + (idx + ky_lo * row_step), ky_hi - ky_lo, rg,
                              row_step, off2);
        }
        zeros(dst, (g->kh - (ky_lo < ky_hi ? ky_hi : ky_lo)) * rg);
    } else if (TX_CONV2D_S8_PATH_IM2COL_ROWS && g->rows_whole) {
        const int32_t rg = (kw * in_c) >> 2;
        for (ky = 0; ky < g->kh; ky++) {
            const int y_in = iy >= 0 && iy < g->in_h;
            if (!y_in) {
                dst = zero_groups(dst, rg);
            } else if ((in_c & 3) == 0) {
                /* a cut row of whole-group taps (dil_w == 1 here) */
                const int32_t cg = in_c >> 2;
                dst = zeros(dst, kx_lo * cg);
                dst = expand_groups(dst, g->in + (idx + kx_lo * in_c), (kx_hi - kx_lo) * cg,
                                    off2);
                dst = zeros(dst, (kw - kx_hi) * cg);
            } else {
                gather_row(g, gat, idx, 1, kx_lo, kx_hi);
                dst = expand_groups(dst, gat, rg, off2);
            }
            idx += row_step;
            iy += g->dil_h;
        }
    } else if (TX_CONV2D_S8_PATH_IM2COL_GATHER && (in_c & 3) == 0) {
        const int32_t cg = in_c >> 2;
        for (ky = 0; ky < g->kh; ky++) {
            if (iy < 0 || iy >= g->in_h || kx_lo >= kx_hi) {
                dst = zeros(dst, kw * cg);
            } else {
                const int8_t *row = g->in + (idx + kx_lo * g->dil_w * in_c);
                dst = zeros(dst, kx_lo * cg);
                for (kx = kx_lo; kx < kx_hi; kx++) {
                    dst = expand_groups(dst, row, cg, off2);
                    row += g->dil_w * in_c;
                }
                dst = zeros(dst, (kw - kx_hi) * cg);
            }
            idx += row_step;
            iy += g->dil_h;
        }
    } else if (TX_CONV2D_S8_PATH_IM2COL_GATHER) {
        int8_t *q = gat;
        for (ky = 0; ky < g->kh; ky++) {
            q = gather_row(g, q, idx, iy >= 0 && iy < g->in_h, kx_lo, kx_hi);
            idx += row_step;
            iy += g->dil_h;
        }
        set_bytes(q, g->zp4, 4 * g->groups - (int32_t)(q - gat));
        expand_groups(dst, gat, g->groups, off2);
    }
}

#if defined(__thumb2__)
/*
 * fill for windows of three kernel rows of 9 bytes (kh 3, kw * in_c 9, dil_w 1: the 3x3 RGB
 * first layer), without fill's general bookkeeping: an inside window is expanded straight from
 * the input; one cut by the padding (the edges: rare) is first gathered into gat (at least 28
 * bytes) as 3 rows of 9 bytes, the input zero point where a tap is padded.
 */
__attribute__((noinline)) static void fill9x3(const col_geom *g, int32_t *dst, int8_t *gat,
                                              int32_t b, int32_t oy, int32_t ox)
{
    const int32_t in_c = g->in_c;
    const int32_t y0 = oy * g->stride_h - g->pad_top;
    const int32_t x0 = ox * g->stride_w - g->pad_left;
    const int32_t row_step = g->dil_h * g->in_w * in_c;
    /* index (not pointer: it may lie outside the input) of tap (0, 0), channel 0 */
    const int32_t idx = ((b * g->in_h + y0) * g->in_w + x0) * in_c;
    const int8_t *src = gat;
    int32_t step = 9;
    int32_t ky, kx_lo, kx_hi;
    if (x0 >= 0 && x0 + g->span_w < g->in_w && y0 >= 0 && y0 + g->span_h < g->in_h) {
        src = g->in + idx;
        step = row_step;
    } else {
        set_bytes(gat, g->zp4, 27);
        tx_dsp_taps(x0, g->kw, 1, g->in_w, &kx_lo, &kx_hi);
        for (ky = 0; ky < 3; ky++) {
            const int32_t iy = y0 + ky * g->dil_h;
            if (iy >= 0 && iy < g->in_h && kx_lo < kx_hi) {
                copy_bytes(gat + 9 * ky + kx_lo * in_c, g->in + (idx + ky * row_step + kx_lo * in_c),
                           (kx_hi - kx_lo) * in_c);
            }
        }
    }
    expand_window9x3(dst, src, step, g->off2);
}
#endif

/*
 * The columns of n (1..4) consecutive output pixels of a pointwise layer (1x1 kernel over whole
 * groups of channels, every window inside the input), from pixel pos = {b, oy, ox}, which it
 * advances: the input index steps along a row instead of being recomputed per pixel, in one asm
 * loop per output row the block touches. Kept out of conv_im2col's loop, where the extra state
 * costs the other paths registers. (A block across two rows took expand_groups pixel by pixel
 * before, a second copy of the expansion: 112 bytes more, and the one-row loop took a group at a
 * time, 1 instruction per group more; VWW's pointwise layers now take 0.25-0.57% fewer
 * instructions, DS-CNN KWS's 0.26%.)
 */
__attribute__((noinline)) static void fill_pointwise(const col_geom *g, int32_t *col,
                                                     int32_t full, int32_t n, int32_t pos[3],
                                                     int32_t out_h, int32_t out_w)
{
    /* from past a pixel's groups to the next pixel's, in the input and in the column buffer
     * (bytes: the groups' slots are 32 apart, the pixels' 8) */
    const int32_t back = g->stride_w * g->in_c - 4 * full;
    const int32_t col_back = 8 - 32 * full;
    int32_t b = pos[0];
    int32_t oy = pos[1];
    int32_t ox = pos[2];
    while (n > 0) {
        /* the pixels on this output row (a block that crosses a row takes two runs): per pixel
         * an odd first group, then its groups two at a time (two LDR, four SXTAB16, two STRD;
         * full >= 1: the kernel has at least 4 taps) */
        const int32_t run = out_w - ox < n ? out_w - ox : n;
        const int8_t *src =
            g->in + ((b * g->in_h + oy * g->stride_h) * g->in_w + ox * g->stride_w) * g->in_c;
        int32_t s = run;
        int32_t left, t0, t1, t2;
        __asm__ volatile("1:\n\t"
                         "lsrs    %[left], %[full], #1\n\t"
                         "bcc     2f\n\t"
                         "ldr     %[t0], [%[src]], #4\n\t"
                         "sxtab16 %[t1], %[off2], %[t0]\n\t"
                         "sxtab16 %[t0], %[off2], %[t0], ror #8\n\t"
                         "strd    %[t1], %[t0], [%[dst]], #32\n\t"
                         "cmp     %[left], #0\n\t"
                         "beq     3f\n"
                         "2:\n\t"
                         "ldr     %[t0], [%[src]], #4\n\t"
                         "ldr     %[t2], [%[src]], #4\n\t"
                         "sxtab16 %[t1], %[off2], %[t0]\n\t"
                         "sxtab16 %[t0], %[off2], %[t0], ror #8\n\t"
                         "strd    %[t1], %[t0], [%[dst]], #32\n\t"
                         "sxtab16 %[t1], %[off2], %[t2]\n\t"
                         "sxtab16 %[t2], %[off2], %[t2], ror #8\n\t"
                         "strd    %[t1], %[t2], [%[dst]], #32\n\t"
                         "subs    %[left], %[left], #1\n\t"
                         "bne     2b\n"
                         "3:\n\t"
                         "add     %[src], %[src], %[back]\n\t"
                         "add     %[dst], %[dst], %[col_back]\n\t"
                         "subs    %[s], %[s], #1\n\t"
                         "bne     1b"
                         : [src] "+r"(src), [dst] "+r"(col), [s] "+r"(s), [left] "=&r"(left),
                           [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2)
                         : [full] "r"(full), [back] "r"(back), [col_back] "r"(col_back),
                           [off2] "r"(g->off2)
                         : "memory", "cc");
        n -= run;
        ox += run;
        if (ox == out_w) {
            ox = 0;
            if (++oy == out_h) {
                oy = 0;
                b++;
            }
        }
    }
    pos[0] = b;
    pos[1] = oy;
    pos[2] = ox;
}

#if defined(__thumb2__)
/* The next pixel of pos = {b, oy, ox} after n (at most out_w) pixels. */
static void advance_pixels(int32_t pos[3], int32_t n, int32_t out_h, int32_t out_w)
{
    pos[2] += n;
    if (pos[2] >= out_w) {
        pos[2] -= out_w;
        if (++pos[1] == out_h) {
            pos[1] = 0;
            pos[0]++;
        }
    }
}

/*
 * fill9x3 for n (1..4) consecutive output pixels from pos = {b, oy, ox}, which it advances: when
 * they lie on one row with every window inside the input, straight from the input with the index
 * stepped per pixel (no per-pixel call and bookkeeping), else pixel by pixel.
 */
__attribute__((noinline)) static void fill9x3_pixels(const col_geom *g, int32_t *col,
                                                     int8_t *gat, int32_t n, int32_t pos[3],
                                                     int32_t out_h, int32_t out_w)
{
    const int32_t y0 = pos[1] * g->stride_h - g->pad_top;
    const int32_t x0 = pos[2] * g->stride_w - g->pad_left;
    const int32_t x_last = x0 + (n - 1) * g->stride_w;
    int32_t s;
    if (pos[2] + n <= out_w && x0 >= 0 && x_last + g->span_w < g->in_w && y0 >= 0
        && y0 + g->span_h < g->in_h) {
        const int32_t row_step = g->dil_h * g->in_w * g->in_c;
        const int32_t step = g->stride_w * g->in_c;
        const int8_t *src = g->in + ((pos[0] * g->in_h + y0) * g->in_w + x0) * g->in_c;
        for (s = 0; s < n; s++) {
            expand_window9x3(col + 2 * s, src, row_step, g->off2);
            if (s + 1 < n) {
                src += step;
            }
        }
        advance_pixels(pos, n, out_h, out_w);
        return;
    }
    for (s = 0; s < n; s++) {
        fill9x3(g, col + 2 * s, gat, pos[0], pos[1], pos[2]);
        advance_pixels(pos, 1, out_h, out_w);
    }
}
#endif

#include "tx_arm_dsp_conv2d_blocks.h"

#if defined(__thumb2__)
/* A 1x1 kernel over whole groups of channels, every window inside the input: a pixel's column
 * is its in_c inputs, expanded without the window bookkeeping of fill (fill_pointwise). */
static int im2col_pointwise(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                            const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    return filter_shape->h == 1 && filter_shape->w == 1 && (in_shape->c & 3) == 0
        && p->pad_top == 0 && p->pad_left == 0 && (out_shape->h - 1) * p->stride_h < in_shape->h
        && (out_shape->w - 1) * p->stride_w < in_shape->w;
}

/* Windows of three 9-byte kernel rows (the 3x3 RGB first layer): fill9x3. */
static int im2col_9x3(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                      const tx_shape4 *filter_shape)
{
    return filter_shape->h == 3 && filter_shape->w * in_shape->c == 9 && p->dilation_w == 1;
}

/* n filters of 27 taps (9x3 windows) widened as 28 (the last weight 0) into w16 (14 words each):
 * the filters blocks1x4_widened reads. */
__attribute__((noinline)) static void widen9x3(int32_t *w16, const int8_t *w, int32_t n)
{
    for (; n > 0; n--) {
        w16 = widen_filter(w16, w, 24);
        *w16++ = pack16(w[24], w[26]);
        *w16++ = pack16(w[25], 0);
        w += 27;
    }
}

/* Whether the paths conv_im2col takes for this call are compiled in (tx_arm_dsp_paths.h). */
static int im2col_paths_in(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                           const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    const int32_t k = filter_shape->h * filter_shape->w * in_shape->c;
    /* (9x3 windows run as whole groups: conv_im2col pads their filters) */
    if (!((k & 3) != 0 && !(TX_CONV2D_S8_PATH_IM2COL_9X3 && im2col_9x3(p, in_shape, filter_shape))
              ? TX_CONV2D_S8_PATH_IM2COL_PARTIAL
              : TX_CONV2D_S8_PATH_IM2COL_WHOLE)) {
        return 0;
    }
    if (im2col_pointwise(p, in_shape, filter_shape, out_shape)) {
        return TX_CONV2D_S8_PATH_IM2COL_POINTWISE;
    }
    if (im2col_9x3(p, in_shape, filter_shape)) {
        return TX_CONV2D_S8_PATH_IM2COL_9X3;
    }
    /* fill: windows whose kernel rows are whole groups of taps, or the others */
    return p->dilation_w == 1 && (filter_shape->w * in_shape->c) % 4 == 0
        ? TX_CONV2D_S8_PATH_IM2COL_ROWS
        : TX_CONV2D_S8_PATH_IM2COL_GATHER;
}

/* The channel table of channels [c0, c0 + cn) (k taps each, the last tail of them a partial
 * group: 0 when there is none, when the filters are widened instead, or when the build leaves out
 * the partial-group path, which im2col_paths_in then checked: GCC drops tail_word from such a
 * build, as MobileNet VWW's, 128 bytes with what feeds it). Out of line: inlined in conv_im2col,
 * its loop's registers depended on the rest of the function (a change to the copy after the last
 * block spilled its pointer: 600 instructions more per layer of 128 channels). */
__attribute__((noinline)) static void channel_table(const tx_conv2d_s8_params *p,
                                                    const int8_t *filter, const int32_t *bias,
                                                    int32_t c0, int32_t cn, int32_t k,
                                                    int32_t tail, int32_t *tab)
{
    const int32_t zp = p->output_offset;
    const int32_t full = k >> 2;
    int32_t oc;
    for (oc = 0; oc < cn; oc++) {
        int32_t *e = tab + oc * TX_CONV_TAB_WORDS;
        const int32_t shift = p->shifts[c0 + oc];
        e[0] = p->multipliers[c0 + oc];
        e[1] = tx_dsp_requant_out_k(shift); /* <= 0 selects output stage 3 */
        e[2] = tx_dsp_requant_out_ok(shift) ? tx_dsp_requant_out_c(zp, shift) : zp;
        e[3] = tail != 0 ? tail_word(filter + (c0 + oc) * k + 4 * full, tail) : INT32_C(0);
        e[4] = bias != 0 && oc + 1 < cn ? bias[c0 + oc + 1] : INT32_C(0);
    }
}


/* The outputs of a last block of n < 4 pixels from spare (cn channels each) to their pixels at o
 * (out_c apart). copy_bytes, not memcpy: the model then links no C library copy (308 bytes of
 * newlib-nano on cortex-m4) for a few hundred bytes per layer. */
__attribute__((noinline)) static void copy_spare(int8_t *o, int32_t out_c, const int8_t *spare,
                                                 int32_t cn, int32_t n)
{
    int32_t s;
    for (s = 0; s < n; s++) {
        copy_bytes(o + s * out_c, spare + s * cn, cn);
    }
}

/* groups == 1, K <= 4 * TX_CONV_COL_GROUPS, at least one whole group of taps and every shift in
 * [-23, 30] (output stages 1 and 3 of tx_arm_dsp_requant.h). */
static void conv_im2col(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                        const int8_t *in, const tx_shape4 *filter_shape, const int8_t *filter,
                        const int32_t *bias, const tx_shape4 *out_shape, int8_t *out)
{
    const int32_t in_c = in_shape->c;
    const int32_t out_c = out_shape->c;
    const int32_t k = filter_shape->h * filter_shape->w * in_c;
    const int32_t full = k >> 2;
    const int32_t tail = k & 3;
    const int32_t groups = full + (tail != 0);
    const int32_t lo = p->act_min;
    const int32_t hi = p->act_max;
    const int32_t out_h = out_shape->h;
    const int32_t out_w = out_shape->w;
    const int32_t total = out_shape->n * out_h * out_w;
    int32_t col[TX_COL_STRIDE * groups];
    /* gathered bytes: a cut kernel row when rows are whole groups, else the window; none when
     * in_c is a multiple of 4 */
    int8_t gat[(in_c & 3) == 0 ? 1
               : p->dilation_w == 1 && (filter_shape->w * in_c) % 4 == 0 ? filter_shape->w * in_c
                                                                          : 4 * groups];
    /* the channel table of up to TX_CONV_CHUNK channels at a time (wider layers run the
     * pixels once per chunk) */
    const int32_t chunk = out_c < TX_CONV_CHUNK ? out_c : TX_CONV_CHUNK;
    int32_t tab[chunk * TX_CONV_TAB_WORDS];
    /* the outputs of a last block of fewer than four pixels */
    int8_t spare[total % 4 != 0 ? 4 * chunk : 1];
    blocks_state bs;
    col_geom g;
    /* a 1x1 kernel over whole groups of channels, every window inside the input: a pixel's
     * column is its in_c inputs, expanded without the window bookkeeping of fill */
    const int pointwise = TX_CONV2D_S8_PATH_IM2COL_POINTWISE
        && im2col_pointwise(p, in_shape, filter_shape, out_shape);
    /* windows of three 9-byte kernel rows (the 3x3 RGB first layer): fill9x3 */
    const int window9x3 = TX_CONV2D_S8_PATH_IM2COL_9X3 && im2col_9x3(p, in_shape, filter_shape);
    /* the 9x3 path's 27 taps as 28 (fill9x3 leaves the 28th input 0): the chunk's filters widened
     * to int16 pairs with a zero weight after each, so that blocks1x4_widened runs them as 7 whole
     * groups without a sign extension per group and channel, and a build whose partial windows
     * are all 9x3 does not link blocks1x4_partial */
    int32_t wpad[window9x3 ? 2 * groups * chunk : 1];
    const int32_t whole = window9x3 ? groups : full;
    int32_t pos[3]; /* the pointwise and 9x3 paths' next pixel: b, oy, ox */
    int32_t pix, c0, b, oy, ox;

    g.in = in;
    g.in_h = in_shape->h;
    g.in_w = in_shape->w;
    g.in_c = in_c;
    g.kh = filter_shape->h;
    g.kw = filter_shape->w;
    g.stride_h = p->stride_h;
    g.stride_w = p->stride_w;
    g.dil_h = p->dilation_h;
    g.dil_w = p->dilation_w;
    g.pad_top = p->pad_top;
    g.pad_left = p->pad_left;
    g.off2 = tx_dsp_dup16(p->input_offset);
    g.zp4 = ((uint32_t)-p->input_offset & UINT32_C(0xFF)) * UINT32_C(0x01010101);
    g.groups = groups;
    g.span_h = (g.kh - 1) * g.dil_h;
    g.span_w = (g.kw - 1) * g.dil_w;
    g.rows_whole = p->dilation_w == 1 && (filter_shape->w * in_c) % 4 == 0;

    bs.col = col;
    bs.full = whole;
    bs.passes = whole >> 1;
    bs.tail_bytes = tail;
    bs.clamp = lo != -128 || hi != 127;
    blocks_stage(&bs, bs.clamp);
    /* the channel start of the variant the calls below take (the same conditions) */
    if (window9x3) {
        bs.channel = (uintptr_t)tx_conv_blocks1x4_widened_channel;
    } else if (TX_CONV2D_S8_PATH_IM2COL_PARTIAL && tail != 0) {
        bs.channel = (uintptr_t)tx_conv_blocks1x4_partial_channel;
    } else if (TX_CONV2D_S8_PATH_IM2COL_WHOLE) {
        bs.channel = (uintptr_t)tx_conv_blocks1x4_channel;
    }
    bs.lo4 = ((uint32_t)lo & UINT32_C(0xFF)) * UINT32_C(0x01010101);
    bs.hi4 = ((uint32_t)hi & UINT32_C(0xFF)) * UINT32_C(0x01010101);
    for (c0 = 0; c0 < out_c; c0 += chunk) {
        const int32_t cn = out_c - c0 < chunk ? out_c - c0 : chunk;
        channel_table(p, filter, bias, c0, cn, k,
                      TX_CONV2D_S8_PATH_IM2COL_PARTIAL && !window9x3 ? tail : 0, tab);
        bs.bias0 = bias != 0 ? bias[c0] : INT32_C(0);
        if (window9x3) {
            widen9x3(wpad, filter + c0 * k, cn);
        }
        b = 0;
        oy = 0;
        ox = 0;
        pos[0] = 0;
        pos[1] = 0;
        pos[2] = 0;
        for (pix = 0; pix < total; pix += 4) {
            const int32_t n = total - pix < 4 ? total - pix : 4;
            int8_t *o = out + pix * out_c + c0;
            int32_t s;
            if (pointwise) {
                fill_pointwise(&g, col, full, n, pos, out_h, out_w);
            } else if (window9x3) {
                fill9x3_pixels(&g, col, gat, n, pos, out_h, out_w);
            }
            for (s = pointwise || window9x3 ? n : 0; s < 4; s++) {
                int32_t *dst = col + 2 * s;
                if (s >= n) {
                    zero_groups(dst, groups);
                    continue;
                }
                if (TX_CONV2D_S8_PATH_IM2COL_ROWS || TX_CONV2D_S8_PATH_IM2COL_GATHER) {
                    /* (the one im2col_paths_in found compiled in) */
                    fill(&g, dst, gat, b, oy, ox);
                }
                if (++ox == out_w) {
                    ox = 0;
                    if (++oy == out_h) {
                        oy = 0;
                        b++;
                    }
                }
            }
            bs.w = window9x3 ? (const int8_t *)(const void *)wpad : filter + c0 * k;
            bs.tab = tab;
            bs.out = n == 4 ? o : spare;
            bs.out_c = n == 4 ? out_c : cn;
            bs.out_end = bs.out + cn;
#if TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL
            if (pointwise && n == 1) {
                /* a last block of one pixel: blocks1x1, straight to its outputs (with st->out_c 0
                 * the stage's four stores of a channel are one byte, written four times with the
                 * same value) */
                const uintptr_t channel = bs.channel;
                bs.channel = (uintptr_t)tx_conv_blocks1x1_channel;
                bs.out = o;
                bs.out_c = 0;
                bs.out_end = o + cn;
                blocks1x1(&bs);
                bs.channel = channel;
                continue;
            }
#endif
            if (window9x3) {
                blocks1x4_widened(&bs);
            } else if (TX_CONV2D_S8_PATH_IM2COL_PARTIAL && tail != 0) {
                blocks1x4_partial(&bs);
            } else if (TX_CONV2D_S8_PATH_IM2COL_WHOLE) {
                blocks1x4(&bs);
            }
            if (n < 4) {
                copy_spare(o, out_c, spare, cn, n);
            }
        }
    }
}
#endif

#endif
