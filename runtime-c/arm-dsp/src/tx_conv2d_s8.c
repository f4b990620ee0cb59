/*
 * Cortex-M DSP-extension variant of tx_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_conv2d_s8.c). For groups == 1 it computes two output channels at a time, each
 * load of four inputs shared by both and multiplied with SMLAD (see tx_arm_dsp.h for why the
 * result is bit-exact). With dilation_w == 1 the in-bounds kernel columns of one row are
 * contiguous in both the input (NHWC) and the filter (OHWI), so they form one dot product: a
 * 1xN or 1-channel kernel row still fills the 4-wide loop. Grouped convolutions, and every case
 * without __ARM_FEATURE_DSP, take the reference loop.
 */
#include "tx_conv2d_s8.h"

#include "tx_arm_dsp.h"
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

static int valid(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                 const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    return p->groups > 0 && tx_output_s8_valid(p->output_offset, p->act_min, p->act_max)
        && tx_window2d_valid(in_shape, filter_shape, out_shape, p->stride_h, p->stride_w,
                             p->dilation_h, p->dilation_w, p->pad_top, p->pad_left)
        && out_shape->c == filter_shape->n && out_shape->c % p->groups == 0
        && (int64_t)filter_shape->c * p->groups == in_shape->c;
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
 * in-bounds taps, per pass over the window; the taps are found once per output pixel. */
static void conv_dsp(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                     const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
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

/*
 * The im2col GEMM path. For each pair of output pixels the two windows are expanded once into
 * an int16 column buffer on the stack (input offset added with SXTAB16, padded taps 0), in the
 * order of the OHWI filter's taps (ky, kx, ic), grouped by four taps k..k+3 as SXTB16 splits a
 * filter word: per group four words, pixel A's (x_k, x_k+2), (x_k+1, x_k+3), then pixel B's.
 * Then every pair of output channels runs over the groups with one filter word load, two
 * SXTB16 and four SMLAD per channel (16 MACs per 18 instructions), the expanded inputs shared
 * by both channels and every weight by both pixels. The expansion costs a few instructions per
 * tap, once per pixel instead of once per output channel.
 */

/* Windows of at most this many groups of four taps (K = kh * kw * in_c <= 640) take the im2col
 * path: 16 bytes of column buffer per group (2560 bytes), plus a byte per tap for gathering
 * windows whose in_c is not a multiple of 4. */
#define TX_CONV_COL_GROUPS 160

/* Groups of four taps from src (int8, any alignment: unaligned LDR is allowed on these cores)
 * into col slots, 4 words apart: per group LDR, two SXTAB16 and an STRD with post-increments,
 * which GCC does not form from C (it spends 7.5 instructions per group). */
static inline __attribute__((always_inline)) int32_t *expand_groups(int32_t *dst,
                                                                    const int8_t *src,
                                                                    int32_t groups, int32_t off2)
{
#if defined(__thumb2__)
    int32_t t0, t1, t2, t3;
    if ((groups & 1) != 0) {
        __asm__ volatile("ldr     %2, [%1], #4\n\t"
                         "sxtab16 %3, %4, %2\n\t"
                         "sxtab16 %2, %4, %2, ror #8\n\t"
                         "strd    %3, %2, [%0], #16"
                         : "+r"(dst), "+r"(src), "=&r"(t0), "=&r"(t1)
                         : "r"(off2)
                         : "memory");
    }
    groups >>= 1;
    if (groups > 0) {
        __asm__ volatile("1:\n\t"
                         "ldr     %3, [%1], #4\n\t"
                         "ldr     %5, [%1], #4\n\t"
                         "sxtab16 %4, %7, %3\n\t"
                         "sxtab16 %3, %7, %3, ror #8\n\t"
                         "strd    %4, %3, [%0], #16\n\t"
                         "sxtab16 %6, %7, %5\n\t"
                         "sxtab16 %5, %7, %5, ror #8\n\t"
                         "strd    %6, %5, [%0], #16\n\t"
                         "subs    %2, %2, #1\n\t"
                         "bne     1b"
                         : "+r"(dst), "+r"(src), "+r"(groups), "=&r"(t0), "=&r"(t1), "=&r"(t2),
                           "=&r"(t3)
                         : "r"(off2)
                         : "memory", "cc");
    }
#else
    for (; groups > 0; groups--) {
        const int32_t xv = tx_dsp_load4(src);
        dst[0] = __sxtab16(off2, xv);
        dst[1] = tx_dsp_sxtab16_ror8(off2, xv);
        src += 4;
        dst += 4;
    }
#endif
    return dst;
}

__attribute__((noinline)) static int32_t *zero_groups(int32_t *dst, int32_t groups)
{
    for (; groups > 0; groups--) {
        dst[0] = 0;
        dst[1] = 0;
        dst += 4;
    }
    return dst;
}

/* Shapes and steps of the im2col path, in locals once per call. */
typedef struct {
    const int8_t *in;
    int32_t in_h, in_w, in_c;
    int32_t kh, kw;
    int32_t stride_h, stride_w, dil_h, dil_w, pad_top, pad_left;
    int32_t off2;
    int32_t groups;     /* groups of the window, the last maybe partial */
    int32_t rows_whole; /* dil_w == 1 and kw * in_c a multiple of 4: a kernel row is whole
                           groups, contiguous in the input */
    uint32_t zp4;       /* the input zero point in every byte: a gathered padded tap, 0
                           once expanded */
} col_geom;

static int32_t *zeros(int32_t *dst, int32_t groups)
{
    return groups > 0 ? zero_groups(dst, groups) : dst;
}

/* n >= 0 bytes from src to q (a word at a time, then bytes; unaligned LDR/STR are allowed on
 * these cores), returning q + n. In asm: GCC turns copy loops into memcpy calls, whose
 * newlib-nano version copies bytes. */
static int8_t *copy_bytes(int8_t *q, const int8_t *src, int32_t n)
{
#if defined(__thumb2__)
    int32_t t;
    __asm__ volatile("subs    %2, %2, #4\n\t"
                     "blt     2f\n"
                     "1:\n\t"
                     "ldr     %3, [%1], #4\n\t"
                     "str     %3, [%0], #4\n\t"
                     "subs    %2, %2, #4\n\t"
                     "bge     1b\n"
                     "2:\n\t"
                     "adds    %2, %2, #4\n\t"
                     "beq     4f\n"
                     "3:\n\t"
                     "ldrb    %3, [%1], #1\n\t"
                     "strb    %3, [%0], #1\n\t"
                     "subs    %2, %2, #1\n\t"
                     "bne     3b\n"
                     "4:"
                     : "+r"(q), "+r"(src), "+r"(n), "=&r"(t)
                     :
                     : "memory", "cc");
    return q;
#else
    for (; n > 0; n--) {
        *q++ = *src++;
    }
    return q;
#endif
}

/* n >= 0 bytes of v at q, returning q + n (asm for the same reason as copy_bytes). */
static int8_t *set_bytes(int8_t *q, uint32_t v4, int32_t n)
{
#if defined(__thumb2__)
    __asm__ volatile("subs    %1, %1, #4\n\t"
                     "blt     2f\n"
                     "1:\n\t"
                     "str     %2, [%0], #4\n\t"
                     "subs    %1, %1, #4\n\t"
                     "bge     1b\n"
                     "2:\n\t"
                     "adds    %1, %1, #4\n\t"
                     "beq     4f\n"
                     "3:\n\t"
                     "strb    %2, [%0], #1\n\t"
                     "subs    %1, %1, #1\n\t"
                     "bne     3b\n"
                     "4:"
                     : "+r"(q), "+r"(n)
                     : "r"(v4)
                     : "memory", "cc");
    return q;
#else
    for (; n > 0; n--) {
        *q++ = (int8_t)tx_wrap_s32(v4 & UINT32_C(0xFF)); /* v4's bytes are equal */
    }
    return q;
#endif
}

/* rows >= 1 rows of rg >= 1 groups each, the rows row_step bytes apart in src, into col slots
 * (as expand_groups). One asm loop: in C the per-row bookkeeping reloads the geometry after
 * every store (the column may alias it) and costs more than a one-group row's expansion. */
static int32_t *expand_rows(int32_t *dst, const int8_t *src, int32_t rows, int32_t rg,
                            int32_t row_step, int32_t off2)
{
#if defined(__thumb2__)
    const int8_t *s;
    int32_t n, t0, t1, t2, t3;
    __asm__ volatile("1:\n\t"
                     "mov     %[s], %[src]\n\t"
                     "lsrs    %[n], %[rg], #1\n\t"
                     "bcc     3f\n\t"
                     "ldr     %[t0], [%[s]], #4\n\t"
                     "sxtab16 %[t1], %[off2], %[t0]\n\t"
                     "sxtab16 %[t0], %[off2], %[t0], ror #8\n\t"
                     "strd    %[t1], %[t0], [%[dst]], #16\n"
                     "3:\n\t"
                     "beq     4f\n"
                     "2:\n\t"
                     "ldr     %[t0], [%[s]], #4\n\t"
                     "ldr     %[t2], [%[s]], #4\n\t"
                     "sxtab16 %[t1], %[off2], %[t0]\n\t"
                     "sxtab16 %[t0], %[off2], %[t0], ror #8\n\t"
                     "strd    %[t1], %[t0], [%[dst]], #16\n\t"
                     "sxtab16 %[t3], %[off2], %[t2]\n\t"
                     "sxtab16 %[t2], %[off2], %[t2], ror #8\n\t"
                     "strd    %[t3], %[t2], [%[dst]], #16\n\t"
                     "subs    %[n], %[n], #1\n\t"
                     "bne     2b\n"
                     "4:\n\t"
                     "add     %[src], %[src], %[step]\n\t"
                     "subs    %[rows], %[rows], #1\n\t"
                     "bne     1b"
                     : [dst] "+r"(dst), [src] "+r"(src), [rows] "+r"(rows), [s] "=&r"(s),
                       [n] "=&r"(n), [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2),
                       [t3] "=&r"(t3)
                     : [rg] "r"(rg), [step] "r"(row_step), [off2] "r"(off2)
                     : "memory", "cc");
    return dst;
#else
    int32_t r;
    for (r = 0; r < rows; r++) {
        dst = expand_groups(dst, src + r * row_step, rg, off2);
    }
    return dst;
#endif
}

/* Kernel row ky of a window into q as bytes (padded taps the zero point). */
static int8_t *gather_row(const col_geom *g, int8_t *q, int32_t idx, int y_in, int32_t kx_lo,
                          int32_t kx_hi)
{
    const int32_t in_c = g->in_c;
    int32_t kx;
    if (!y_in || kx_lo >= kx_hi) {
        return set_bytes(q, g->zp4, g->kw * in_c);
    }
    q = set_bytes(q, g->zp4, kx_lo * in_c);
    idx += kx_lo * g->dil_w * in_c;
    if (g->dil_w == 1) {
        q = copy_bytes(q, g->in + idx, (kx_hi - kx_lo) * in_c);
    } else {
        for (kx = kx_lo; kx < kx_hi; kx++) {
            q = copy_bytes(q, g->in + idx, in_c);
            idx += g->dil_w * in_c;
        }
    }
    return set_bytes(q, g->zp4, (g->kw - kx_hi) * in_c);
}

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
    tx_dsp_taps(x0, kw, g->dil_w, g->in_w, &kx_lo, &kx_hi);
    if (g->rows_whole && kx_lo == 0 && kx_hi == kw) {
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
    } else if (g->rows_whole) {
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
    } else if ((in_c & 3) == 0) {
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
    } else {
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
 * st[0] >= 1 groups of the column buffer col (two pixels) times two filters w0, w1:
 * st[1] += A.w0, st[2] += A.w1, st[3] += B.w0, st[4] += B.w1. A naked function: the loop needs
 * 14 registers (4 accumulators, 3 pointers, a counter, 2 filter words and their odd halves,
 * 2 inputs), more than GCC gives an asm statement. r0 col, r1 w0, r2 w1, r3 st (saved), r4
 * count, r5-r8 accumulators, r9/r3 and r10/lr the filter words' halves, r11/r12 inputs.
 */
__attribute__((naked)) static void gemm2x2(const int32_t *col __attribute__((unused)),
                                           const int8_t *w0 __attribute__((unused)),
                                           const int8_t *w1 __attribute__((unused)),
                                           int32_t *st __attribute__((unused)))
{
    __asm__(
        "push   {r3, r4-r11, lr}\n\t"
        "ldm    r3, {r4-r8}\n"
        "1:\n\t"
        "ldr    r9, [r1], #4\n\t"
        "ldr    r10, [r2], #4\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "sxtb16 r3, r9\n\t"
        "sxtb16 r9, r9, ror #8\n\t"
        "smlad  r5, r11, r3, r5\n\t"
        "smlad  r5, r12, r9, r5\n\t"
        "sxtb16 lr, r10\n\t"
        "sxtb16 r10, r10, ror #8\n\t"
        "smlad  r6, r11, lr, r6\n\t"
        "smlad  r6, r12, r10, r6\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "smlad  r7, r11, r3, r7\n\t"
        "smlad  r7, r12, r9, r7\n\t"
        "smlad  r8, r11, lr, r8\n\t"
        "smlad  r8, r12, r10, r8\n\t"
        "subs   r4, r4, #1\n\t"
        "bne    1b\n\t"
        "pop    {r3}\n\t"
        "adds   r3, r3, #4\n\t"
        "stm    r3, {r5-r8}\n\t"
        "pop    {r4-r11, pc}");
}
#else
static void gemm2x2(const int32_t *col, const int8_t *w0, const int8_t *w1, int32_t *st)
{
    int32_t g;
    for (g = 0; g < st[0]; g++) {
        const int32_t wa = tx_dsp_load4(w0 + 4 * g);
        const int32_t wb = tx_dsp_load4(w1 + 4 * g);
        const int32_t *x = col + 4 * g;
        st[1] = __smlad(x[0], __sxtb16(wa), st[1]);
        st[1] = __smlad(x[1], tx_dsp_sxtb16_ror8(wa), st[1]);
        st[2] = __smlad(x[0], __sxtb16(wb), st[2]);
        st[2] = __smlad(x[1], tx_dsp_sxtb16_ror8(wb), st[2]);
        st[3] = __smlad(x[2], __sxtb16(wa), st[3]);
        st[3] = __smlad(x[3], tx_dsp_sxtb16_ror8(wa), st[3]);
        st[4] = __smlad(x[2], __sxtb16(wb), st[4]);
        st[4] = __smlad(x[3], tx_dsp_sxtb16_ror8(wb), st[4]);
    }
}
#endif

/* The first n (1..3) bytes of w as a filter word, the rest 0. */
static int32_t tail_word(const int8_t *w, int32_t n)
{
    uint32_t v = (uint32_t)(uint8_t)w[0];
    if (n > 1) {
        v |= (uint32_t)(uint8_t)w[1] << 8;
    }
    if (n > 2) {
        v |= (uint32_t)(uint8_t)w[2] << 16;
    }
    return tx_wrap_s32(v);
}

/* The last, partial group (n taps, the column's other taps are the zero point's 0). */
static void gemm2x2_tail(const int32_t *col, const int8_t *w0, const int8_t *w1, int32_t n,
                         int32_t *st)
{
    const int32_t wa = tail_word(w0, n);
    const int32_t wb = tail_word(w1, n);
    st[1] = __smlad(col[0], __sxtb16(wa), st[1]);
    st[1] = __smlad(col[1], tx_dsp_sxtb16_ror8(wa), st[1]);
    st[2] = __smlad(col[0], __sxtb16(wb), st[2]);
    st[2] = __smlad(col[1], tx_dsp_sxtb16_ror8(wb), st[2]);
    st[3] = __smlad(col[2], __sxtb16(wa), st[3]);
    st[3] = __smlad(col[3], tx_dsp_sxtb16_ror8(wa), st[3]);
    st[4] = __smlad(col[2], __sxtb16(wb), st[4]);
    st[4] = __smlad(col[3], tx_dsp_sxtb16_ror8(wb), st[4]);
}

#if defined(__thumb2__)
/* The state of blocks2x2, word offsets fixed by its assembly. */
typedef struct {
    const int32_t *col;    /*  0: the column buffer, two pixels */
    const int8_t *w;       /*  4: filter of the pair's first channel (advances) */
    int32_t k;             /*  8: taps per filter */
    int32_t full;          /* 12: whole groups, >= 1 */
    const int32_t *tab;    /* 16: the pair's entry of the channel table (advances) */
    int8_t *out;           /* 20: pixel A's output of the pair (advances) */
    int8_t *out_b;         /* 24: pixel B's (advances) */
    const int8_t *out_end; /* 28: out after the last pair */
    int32_t tail;          /* 32: the taps end with a partial group */
    int32_t clamp;         /* 36: act range narrower than int8 */
    uint32_t lo4;          /* 40: act_min in every byte */
    uint32_t hi4;          /* 44: act_max in every byte */
} blocks_state;

/* Words per channel pair in the channel table: biases, the partial group's filter words, the
 * multipliers, k = ~shift and C = (2 zp + 1) * 2^(k-1) (output stage 1 of tx_arm_dsp_requant.h)
 * of both channels. */
#define TX_CONV_TAB_WORDS 10

/*
 * Two output pixels (the column buffer) times every pair of output channels, with the output
 * stage: per pair the 2x2 SMLAD loop of gemm2x2 (unrolled twice; an odd count enters at its
 * second half), the partial group with its filter words from the table, then SMMLA + ASR + SSAT,
 * the two channels' bytes packed with BFI, clamped per byte with SSUB8/SEL when st->clamp, and
 * stored as halfwords (unaligned STRH is allowed on these cores). Naked for the same 14
 * registers as gemm2x2; st lives at [sp].
 */
__attribute__((naked)) static void blocks2x2(blocks_state *st __attribute__((unused)))
{
    __asm__(
        "push   {r0, r4-r11, lr}\n"
        "5:\n\t"
        "ldr    r3, [sp]\n\t"
        "ldm    r3, {r0, r1, r2, r4, lr}\n\t"
        "add    r2, r1, r2\n\t"
        "ldrd   r5, r6, [lr]\n\t"
        "mov    r7, r5\n\t"
        "mov    r8, r6\n\t"
        "adds   r4, r4, #1\n\t"
        "lsrs   r4, r4, #1\n\t"
        "bcc    2f\n"
        "1:\n\t"
        "ldr    r9, [r1], #4\n\t"
        "ldr    r10, [r2], #4\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "sxtb16 r3, r9\n\t"
        "sxtb16 r9, r9, ror #8\n\t"
        "smlad  r5, r11, r3, r5\n\t"
        "smlad  r5, r12, r9, r5\n\t"
        "sxtb16 lr, r10\n\t"
        "sxtb16 r10, r10, ror #8\n\t"
        "smlad  r6, r11, lr, r6\n\t"
        "smlad  r6, r12, r10, r6\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "smlad  r7, r11, r3, r7\n\t"
        "smlad  r7, r12, r9, r7\n\t"
        "smlad  r8, r11, lr, r8\n\t"
        "smlad  r8, r12, r10, r8\n"
        "2:\n\t"
        "ldr    r9, [r1], #4\n\t"
        "ldr    r10, [r2], #4\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "sxtb16 r3, r9\n\t"
        "sxtb16 r9, r9, ror #8\n\t"
        "smlad  r5, r11, r3, r5\n\t"
        "smlad  r5, r12, r9, r5\n\t"
        "sxtb16 lr, r10\n\t"
        "sxtb16 r10, r10, ror #8\n\t"
        "smlad  r6, r11, lr, r6\n\t"
        "smlad  r6, r12, r10, r6\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "smlad  r7, r11, r3, r7\n\t"
        "smlad  r7, r12, r9, r7\n\t"
        "smlad  r8, r11, lr, r8\n\t"
        "smlad  r8, r12, r10, r8\n\t"
        "subs   r4, r4, #1\n\t"
        "bne    1b\n\t"
        "ldr    r4, [sp]\n\t"
        "ldr    lr, [r4, #16]\n\t"
        "ldr    r3, [r4, #32]\n\t"
        "cbz    r3, 3f\n\t"
        /* the partial group */
        "ldrd   r9, r10, [lr, #8]\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "sxtb16 r3, r9\n\t"
        "sxtb16 r9, r9, ror #8\n\t"
        "smlad  r5, r11, r3, r5\n\t"
        "smlad  r5, r12, r9, r5\n\t"
        "sxtb16 r1, r10\n\t"
        "sxtb16 r10, r10, ror #8\n\t"
        "smlad  r6, r11, r1, r6\n\t"
        "smlad  r6, r12, r10, r6\n\t"
        "ldrd   r11, r12, [r0], #8\n\t"
        "smlad  r7, r11, r3, r7\n\t"
        "smlad  r7, r12, r9, r7\n\t"
        "smlad  r8, r11, r1, r8\n\t"
        "smlad  r8, r12, r10, r8\n"
        "3:\n\t"
        /* output stage: r4 = st, lr = the table entry */
        "add    lr, lr, #16\n\t"
        "ldm    lr!, {r0, r1, r2, r3, r9, r10}\n\t"
        "smmla  r5, r5, r0, r9\n\t"
        "smmla  r7, r7, r0, r9\n\t"
        "smmla  r6, r6, r1, r10\n\t"
        "smmla  r8, r8, r1, r10\n\t"
        "asr    r5, r5, r2\n\t"
        "asr    r7, r7, r2\n\t"
        "asr    r6, r6, r3\n\t"
        "asr    r8, r8, r3\n\t"
        "ssat   r5, #8, r5\n\t"
        "ssat   r6, #8, r6\n\t"
        "ssat   r7, #8, r7\n\t"
        "ssat   r8, #8, r8\n\t"
        "bfi    r5, r6, #8, #8\n\t"
        "bfi    r7, r8, #8, #8\n\t"
        "ldr    r0, [r4, #36]\n\t"
        "cbz    r0, 4f\n\t"
        "ldrd   r0, r1, [r4, #40]\n\t"
        "ssub8  r2, r5, r0\n\t"
        "sel    r5, r5, r0\n\t"
        "ssub8  r2, r5, r1\n\t"
        "sel    r5, r1, r5\n\t"
        "ssub8  r2, r7, r0\n\t"
        "sel    r7, r7, r0\n\t"
        "ssub8  r2, r7, r1\n\t"
        "sel    r7, r1, r7\n"
        "4:\n\t"
        "ldrd   r0, r1, [r4, #20]\n\t"
        "strh   r5, [r0], #2\n\t"
        "strh   r7, [r1], #2\n\t"
        "strd   r0, r1, [r4, #20]\n\t"
        "ldrd   r1, r2, [r4, #4]\n\t"
        "add    r1, r1, r2, lsl #1\n\t"
        "str    r1, [r4, #4]\n\t"
        "str    lr, [r4, #16]\n\t"
        "ldr    r1, [r4, #28]\n\t"
        "cmp    r0, r1\n\t"
        "bne    5b\n\t"
        "pop    {r0, r4-r11, pc}");
}
#endif

static int shifts_fit_smmla(const int32_t *shifts, int32_t n)
{
    int32_t c;
    for (c = 0; c < n; c++) {
        if (!tx_dsp_requant_out_ok(shifts[c])) {
            return 0;
        }
    }
    return 1;
}

/* The output stage: tx_requantize_s8 in its 32-bit SMMLA form when fast (tx_arm_dsp_requant.h),
 * the 64-bit one otherwise. */
static inline int8_t out_stage(int32_t acc, int32_t m, int32_t shift, int fast, int32_t zp,
                               int32_t lo, int32_t hi)
{
    if (fast) {
        int32_t v = tx_asr_s32(tx_dsp_smmla(acc, m, tx_dsp_requant_out_c(zp, shift)),
                               tx_dsp_requant_out_k(shift));
        v = v < lo ? lo : v;
        v = v > hi ? hi : v;
        return (int8_t)v;
    }
    return tx_requantize_s8(acc, m, shift, zp, lo, hi);
}

/* groups == 1 and K <= 4 * TX_CONV_COL_GROUPS. */
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
    const int fast = shifts_fit_smmla(p->shifts, out_c);
    const int32_t zp = p->output_offset;
    const int32_t lo = p->act_min;
    const int32_t hi = p->act_max;
    const int32_t out_h = out_shape->h;
    const int32_t out_w = out_shape->w;
    const int32_t total = out_shape->n * out_h * out_w;
    const int32_t *mult = p->multipliers;
    const int32_t *shifts = p->shifts;
    int32_t col[4 * groups];
    /* gathered bytes: a cut kernel row when rows are whole groups, else the window; none when
     * in_c is a multiple of 4 */
    int8_t gat[(in_c & 3) == 0 ? 1
               : p->dilation_w == 1 && (filter_shape->w * in_c) % 4 == 0 ? filter_shape->w * in_c
                                                                          : 4 * groups];
#if defined(__thumb2__)
    /* the asm blocks: two pixels, whole channel pairs, at least one whole group */
    const int use_blocks = fast && full > 0 && out_c > 1;
    int32_t tab[use_blocks ? (out_c >> 1) * TX_CONV_TAB_WORDS : 1];
    blocks_state bs;
    int8_t lone[use_blocks && total % 2 != 0 ? out_c : 1];
#endif
    col_geom g;
    int32_t pix, oc, oc_first = 0, b = 0, oy = 0, ox = 0;

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
    g.rows_whole = p->dilation_w == 1 && (filter_shape->w * in_c) % 4 == 0;
#if defined(__thumb2__)
    if (use_blocks) {
        bs.col = col;
        bs.k = k;
        bs.full = full;
        bs.tail = tail != 0;
        bs.clamp = lo != -128 || hi != 127;
        bs.lo4 = ((uint32_t)lo & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        bs.hi4 = ((uint32_t)hi & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        for (oc = 0; oc < (out_c & ~1); oc++) {
            int32_t *e = tab + (oc >> 1) * TX_CONV_TAB_WORDS + (oc & 1);
            e[0] = bias != 0 ? bias[oc] : INT32_C(0);
            e[2] = tail != 0 ? tail_word(filter + oc * k + 4 * full, tail) : INT32_C(0);
            e[4] = mult[oc];
            e[6] = tx_dsp_requant_out_k(shifts[oc]);
            e[8] = tx_dsp_requant_out_c(zp, shifts[oc]);
        }
    }
#endif
    for (pix = 0; pix < total; pix += 2) {
        const int two = pix + 1 < total;
        int8_t *o = out + pix * out_c;
        int s;
        for (s = 0; s < 2; s++) {
            int32_t *dst = col + 2 * s;
            if (s == 1 && !two) {
                zero_groups(dst, groups);
                break;
            }
            fill(&g, dst, gat, b, oy, ox);
            if (++ox == out_w) {
                ox = 0;
                if (++oy == out_h) {
                    oy = 0;
                    b++;
                }
            }
        }
#if defined(__thumb2__)
        if (use_blocks) {
            bs.w = filter;
            bs.tab = tab;
            bs.out = o;
            /* a lone last pixel's B outputs (the column's zeros) go to a dummy */
            bs.out_b = two ? o + out_c : lone;
            bs.out_end = o + (out_c & ~1);
            blocks2x2(&bs);
            oc_first = out_c & ~1;
        } else {
            oc_first = 0;
        }
#endif
        for (oc = oc_first; oc < out_c; oc += 2) {
            const int pair = oc + 1 < out_c;
            const int8_t *w0 = filter + oc * k;
            /* a lone last channel runs as a pair with itself */
            const int8_t *w1 = pair ? w0 + k : w0;
            const int32_t oc1 = pair ? oc + 1 : oc;
            int32_t st[5];
            st[0] = full;
            st[1] = bias != 0 ? bias[oc] : INT32_C(0);
            st[2] = bias != 0 ? bias[oc1] : INT32_C(0);
            st[3] = st[1];
            st[4] = st[2];
            if (full > 0) {
                gemm2x2(col, w0, w1, st);
            }
            if (tail != 0) {
                gemm2x2_tail(col + 4 * full, w0 + 4 * full, w1 + 4 * full, tail, st);
            }
            o[oc] = out_stage(st[1], mult[oc], shifts[oc], fast, zp, lo, hi);
            if (pair) {
                o[oc + 1] = out_stage(st[2], mult[oc1], shifts[oc1], fast, zp, lo, hi);
            }
            if (two) {
                o[out_c + oc] = out_stage(st[3], mult[oc], shifts[oc], fast, zp, lo, hi);
                if (pair) {
                    o[out_c + oc + 1] = out_stage(st[4], mult[oc1], shifts[oc1], fast, zp, lo,
                                                  hi);
                }
            }
        }
    }
}
#endif

tx_status tx_conv2d_s8(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                       const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                       const tx_shape4 *out_shape, int8_t *out)
{
    int32_t b, oy, ox, oc, ky, kx, ic;
    int32_t in_c, kh, kw, fc, out_c, per_group;

    if (p == 0 || in_shape == 0 || in == 0 || filter_shape == 0 || filter == 0 || out_shape == 0
        || out == 0 || p->multipliers == 0 || p->shifts == 0
        || !valid(p, in_shape, filter_shape, out_shape)) {
        return TX_ERR_ARGUMENT;
    }
#if defined(__ARM_FEATURE_DSP)
    if (p->groups == 1
        && (int64_t)filter_shape->h * filter_shape->w * in_shape->c
               <= 4 * TX_CONV_COL_GROUPS) {
        conv_im2col(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
    if (p->groups == 1) {
        conv_dsp(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
#endif
    in_c = in_shape->c;
    kh = filter_shape->h;
    kw = filter_shape->w;
    fc = filter_shape->c;
    out_c = out_shape->c;
    per_group = out_c / p->groups;

    for (b = 0; b < out_shape->n; b++) {
        for (oy = 0; oy < out_shape->h; oy++) {
            const int32_t y0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < out_shape->w; ox++) {
                const int32_t x0 = ox * p->stride_w - p->pad_left;
                int8_t *o = out + ((b * out_shape->h + oy) * out_shape->w + ox) * out_c;
                for (oc = 0; oc < out_c; oc++) {
                    const int32_t ic0 = (oc / per_group) * fc;
                    int32_t acc = bias != 0 ? bias[oc] : INT32_C(0);
                    for (ky = 0; ky < kh; ky++) {
                        const int32_t iy = y0 + ky * p->dilation_h;
                        if (iy < 0 || iy >= in_shape->h) {
                            continue;
                        }
                        for (kx = 0; kx < kw; kx++) {
                            const int32_t ix = x0 + kx * p->dilation_w;
                            const int8_t *x;
                            const int8_t *w;
                            if (ix < 0 || ix >= in_shape->w) {
                                continue;
                            }
                            x = in + ((b * in_shape->h + iy) * in_shape->w + ix) * in_c + ic0;
                            w = filter + ((oc * kh + ky) * kw + kx) * fc;
                            for (ic = 0; ic < fc; ic++) {
                                const int32_t v = (int32_t)x[ic] + p->input_offset;
                                acc = tx_add_wrap_s32(acc, v * (int32_t)w[ic]);
                            }
                        }
                    }
                    o[oc] = tx_requantize_s8(acc, p->multipliers[oc], p->shifts[oc],
                                             p->output_offset, p->act_min, p->act_max);
                }
            }
        }
    }
    return TX_OK;
}
