/*
 * Helium (MVE, Cortex-M55) variant of tx_conv2d_s8 (same name, signature and bits as
 * runtime-c/src/tx_conv2d_s8.c). For groups == 1 and a filter of at most TX_MVE_COL values per
 * output channel, each output pixel's window becomes one contiguous int8 column (the input
 * itself for an in-bounds 1xN window with dilation_w 1 or a 1x1 one, else a copy on the stack with
 * padded taps set to the input zero point), and four output channels at a time take its dot
 * product with VMLADAVA.S8, 16 MACs per instruction, the input offset folded into the
 * accumulator's start as offset * (the channel's weight sum) (see tx_arm_mve.h for why this is
 * bit-exact). Requantization is vectorised over the four channels (tx_mve_out4, or in assembly
 * in pixel_groups). Grouped convolutions, larger filters, and every case without MVE take the
 * reference loop. Stack: TX_MVE_COL + 12 * TX_MVE_OC_BLOCK bytes.
 * Pixels go in runs (run_mve): the windows a row reads in place, or as many copied windows as col
 * holds, one assembly call per run and block (pixel_groups).
 * Measured on cortex-m55 (tenax bench, float I/O), before the assembly groups, runs and the
 * vector output stage for every shift, and after: MobileNet VWW 8,696,566 -> 4,619,068
 * instructions (its 128 -> 128 pointwise layers 0.54 -> 0.26 per MAC, its 8 -> 16 one 4.15 ->
 * 1.44, its 3x3 RGB first layer 2.70 -> 1.03, where the DSP kernels take 1.48 and 1.47 on
 * cortex-m4); DS-CNN KWS 2,111,471 -> 1,230,067; ResNet-8 6,230,908 -> 4,003,534. Windows of at most
 * 16 taps with every shift <= -1 take pixel_groups16 (tx_mve_pixels16.h): VWW's 8 -> 16 pointwise
 * layer 1.44 -> 1.13 per MAC, its 16 -> 32 one 0.67 -> 0.51, the model 3,961,661 -> 3,819,567.
 * Runs of windows inside the input whose rows are at most 16 bytes are copied in one loop
 * (window_run): VWW's RGB first layer 1.03 -> 0.75 per MAC (the model 3,684,535), ResNet-8's
 * 0.78 -> 0.65 (the model 3,658,158 -> 3,618,002).
 */
#include "tx_conv2d_s8_body.h"

#include "tx_arm_dsp_paths.h"
#include "tx_arm_mve.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

#define TX_MVE_COL 2304
#define TX_MVE_OC_BLOCK 64

int32_t tx_conv2d_s8_scratch_size(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                  const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    (void)p;
    (void)in_shape;
    (void)filter_shape;
    (void)out_shape;
    return 0;
}

#if defined(TX_MVE)
/* One group of four output channels as pixel_groups reads it: their sums' start (bias plus the
 * input offset's share, offset * the channel's weight sum), multipliers and shifts + 1. */
typedef struct {
    int32_t init[4];
    int32_t mult[4];
    int32_t shift1[4];
} mve_group;

/* What pixel_groups reads (byte offsets fixed by its assembly). */
typedef struct {
    const int8_t *x;      /*  0: the current pixel's window of fs taps */
    const int8_t *w;      /*  4: the first filter row of the block */
    int32_t fs;           /*  8 */
    int32_t back;         /* 12: fs - 16 * ceil(fs / 16): from where the fourth row's loads end to
                           *     the next group's first row */
    const mve_group *g;   /* 16: the block's groups */
    int8_t *out;          /* 20: the current pixel's output of the block's first channel */
    int32_t whole;        /* 24: 4 * the block's whole groups */
    int32_t zp, lo, hi;   /* 28, 32, 36: output zero point, activation range */
    int32_t xstep;        /* 40: from one pixel's window to the next's */
    int32_t n;            /* 44: pixels (>= 1) */
    int32_t ostep;        /* 48: from one pixel's outputs to the next's */
    int8_t *end;          /* 52: (assembly) out + whole */
    int32_t small;        /* 56: fs <= 16 and every shift <= -1: pixel_groups16 (tx_mve_pixels16.h),
                           *     w the block's rows padded to 16 bytes */
} mve_pixel;

/*
 * The whole groups of four channels of a run of n pixels and one block (at least one group): per
 * pixel the window x and the outputs step by xstep and ostep (13 instructions); per group the four
 * dot products in one tail-predicated loop (10 instructions per 16 taps), the four sums into q4,
 * the group's multipliers into q1 and shifts + 1 into q2; then `stage` (the requantization of
 * q4 into q3), the zero point, the activation range and one narrowing store: about 30
 * instructions a group besides the loop with every shift <= -1, 38 otherwise. Naked: the loop
 * needs the four even accumulators (VMLADAVA), five load pointers and lr, and the constants live
 * in q5-q7. In C (GCC 12) the same group took about 70 instructions besides the loop: VWW's
 * 8 -> 16 pointwise layer 3.67 instructions per MAC, now 1.44. (The lanes go in one VMOV each:
 * the two-lane VMOV put them in the other order under QEMU than its syntax reads.)
 */
#define MVE_PIXEL_GROUPS(stage) \
    __asm__ volatile( \
        "push        {r4-r12, lr}\n\t" \
        "vpush       {d8-d15}\n\t" \
        "ldr         r9, [r0, #28]\n\t" \
        "vdup.32     q5, r9\n\t" \
        "ldr         r9, [r0, #32]\n\t" \
        "vdup.32     q6, r9\n\t" \
        "ldr         r9, [r0, #36]\n\t" \
        "vdup.32     q7, r9\n\t" \
        "ldr         r9, [r0, #8]\n\t" \
        "mov         r11, r0\n" \
        "2:\n\t" \
        "ldr         r1, [r11, #4]\n\t" \
        "ldr         r5, [r11, #16]\n\t" \
        "ldr         r7, [r11, #20]\n\t" \
        "ldr         r6, [r11, #24]\n\t" \
        "add         r6, r6, r7\n\t" \
        "str         r6, [r11, #52]\n" \
        "0:\n\t" \
        "add         r2, r1, r9\n\t" \
        "add         r3, r2, r9\n\t" \
        "add         r4, r3, r9\n\t" \
        "ldr         r0, [r11]\n\t" \
        "ldrd        r6, r8, [r5]\n\t" \
        "ldrd        r10, r12, [r5, #8]\n\t" \
        "dlstp.8     lr, r9\n" \
        "1:\n\t" \
        "vldrb.u8    q0, [r0], #16\n\t" \
        "vldrb.u8    q1, [r1], #16\n\t" \
        "vldrb.u8    q2, [r2], #16\n\t" \
        "vmladava.s8 r6, q0, q1\n\t" \
        "vldrb.u8    q3, [r3], #16\n\t" \
        "vmladava.s8 r8, q0, q2\n\t" \
        "vldrb.u8    q1, [r4], #16\n\t" \
        "vmladava.s8 r10, q0, q3\n\t" \
        "vmladava.s8 r12, q0, q1\n\t" \
        "letp        lr, 1b\n\t" \
        "vmov.32     q4[0], r6\n\t" \
        "vmov.32     q4[1], r8\n\t" \
        "vmov.32     q4[2], r10\n\t" \
        "vmov.32     q4[3], r12\n\t" \
        "vldrw.u32   q1, [r5, #16]\n\t" \
        "vldrw.u32   q2, [r5, #32]\n\t" \
        "adds        r5, r5, #48\n\t" \
        stage \
        "vadd.i32    q3, q3, q5\n\t" \
        "vmax.s32    q3, q3, q6\n\t" \
        "vmin.s32    q3, q3, q7\n\t" \
        "vstrb.32    q3, [r7], #4\n\t" \
        "ldr         r6, [r11, #12]\n\t" \
        "add         r1, r4, r6\n\t" \
        "ldr         r6, [r11, #52]\n\t" \
        "cmp         r7, r6\n\t" \
        "bne         0b\n\t" \
        "ldr         r6, [r11, #20]\n\t" \
        "ldr         r0, [r11, #48]\n\t" \
        "add         r6, r6, r0\n\t" \
        "str         r6, [r11, #20]\n\t" \
        "ldr         r6, [r11]\n\t" \
        "ldr         r0, [r11, #40]\n\t" \
        "add         r6, r6, r0\n\t" \
        "str         r6, [r11]\n\t" \
        "ldr         r6, [r11, #44]\n\t" \
        "subs        r6, r6, #1\n\t" \
        "str         r6, [r11, #44]\n\t" \
        "bne         2b\n\t" \
        "vpop        {d8-d15}\n\t" \
        "pop         {r4-r12, pc}")

/* tx_mve_requantize_narrow: every shift <= -1. */
#define MVE_STAGE_NARROW \
    "vmulh.s32   q3, q4, q1\n\t" \
    "vrmulh.s32  q0, q4, q1\n\t" \
    "vcmp.i32    eq, q2, zr\n\t" \
    "vpsel       q3, q0, q3\n\t" \
    "vrshl.s32   q3, q3, q2\n\t"

/* tx_mve_requantize_any: any shift; with s1 = shift + 1 and r = 32 - s1, lanes of s1 >= 0 take
 * (hi << s1) + (lo >> r) + bit r - 1 of lo, the others hi rounded right by -s1. */
#define MVE_STAGE_ANY \
    "vmulh.s32   q3, q4, q1\n\t" \
    "vmul.i32    q0, q4, q1\n\t" \
    "vrshl.s32   q1, q3, q2\n\t" \
    "vshl.s32    q3, q3, q2\n\t" \
    "movs        r6, #32\n\t" \
    "vsub.i32    q4, q2, r6\n\t" \
    "vshl.u32    q4, q0, q4\n\t" \
    "vadd.i32    q3, q3, q4\n\t" \
    "movs        r6, #31\n\t" \
    "vsub.i32    q4, q2, r6\n\t" \
    "vshl.u32    q4, q0, q4\n\t" \
    "vmov.i32    q0, #1\n\t" \
    "vand        q4, q4, q0\n\t" \
    "vadd.i32    q3, q3, q4\n\t" \
    "vcmp.s32    ge, q2, zr\n\t" \
    "vpsel       q3, q3, q1\n\t"

static __attribute__((naked, noinline)) void pixel_groups(const mve_pixel *a
                                                                        __attribute__((unused)))
{
    MVE_PIXEL_GROUPS(MVE_STAGE_NARROW);
}

static __attribute__((naked, noinline)) void pixel_groups_any(const mve_pixel *a
                                                                            __attribute__((unused)))
{
    MVE_PIXEL_GROUPS(MVE_STAGE_ANY);
}

#include "tx_mve_pixels16.h"

/* The nb output channels (nb <= TX_MVE_OC_BLOCK) of n pixels from the block of filter rows w (fs
 * apart, groups g): pixel q's window at x + q * xstep, its outputs at ow + q * out_c. Their whole
 * groups in pixel_groups (pixel_groups_any when a shift is >= 0), the last one to three channels
 * here. Not inlined: conv_mve calls it from two places (flash). */
static __attribute__((noinline)) void run_mve(const int8_t *x, int32_t xstep, int32_t n,
                                              mve_pixel *a, const tx_mve_out *o, const int8_t *w,
                                              int32_t nb, const mve_group *g, int32_t oc0,
                                              int8_t *ow)
{
    const int32_t fs = a->fs;
    const int32_t whole = nb & ~3;
    int32_t oc, q;
    if (whole > 0) {
        a->x = x;
        a->xstep = xstep;
        a->n = n;
        a->out = ow + oc0;
        a->whole = whole;
        if (a->small) {
            pixel_groups16(a);
        } else if (o->narrow) {
            pixel_groups(a);
        } else {
            pixel_groups_any(a);
        }
    }
    for (oc = whole; oc < nb; oc += 4) {
        const int32_t count = nb - oc < 4 ? nb - oc : 4;
        for (q = 0; q < n; q++) {
            const int32x4_t acc = tx_mve_dot4(x + q * xstep, w + oc * fs, fs, fs, count,
                                              vldrwq_s32(g[oc / 4].init));
            tx_mve_out4(o, acc, oc0 + oc, ow + q * a->ostep, count);
        }
    }
}

/* The window of the output pixel whose top left tap is input (y0, x0) of batch item b, as kh * kw *
 * in_c contiguous taps at c, the padding's taps the input zero point zp. */
static void window_col(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                       int32_t kh, int32_t kw, int32_t b, int32_t y0, int32_t x0, int8_t zp,
                       int8_t *c)
{
    const int32_t in_c = in_shape->c;
    const int32_t in_h = in_shape->h;
    const int32_t in_w = in_shape->w;
    const int32_t row = kw * in_c;
    int32_t ky, kx;
    if (p->dilation_w == 1 && y0 >= 0 && y0 + (kh - 1) * p->dilation_h < in_h && x0 >= 0
        && x0 + kw <= in_w) {
        /* the common case, a window inside the input: kh rows of row taps, each one predicated
         * load and store when it has at most 16 (VWW's and ResNet-8's RGB layers: 9) */
        const int8_t *src = in + ((b * in_h + y0) * in_w + x0) * in_c;
        const int32_t ystep = p->dilation_h * in_w * in_c;
        if (row <= 16) {
            const mve_pred16_t pr = vctp8q((uint32_t)row);
            for (ky = 0; ky < kh; ky++, c += row, src += ystep) {
                vstrbq_p_s8(c, vldrbq_z_s8(src, pr), pr);
            }
        } else {
            for (ky = 0; ky < kh; ky++, c += row, src += ystep) {
                tx_mve_copy_s8(c, src, row);
            }
        }
        return;
    }
    for (ky = 0; ky < kh; ky++, c += row) {
        const int32_t iy = y0 + ky * p->dilation_h;
        const int8_t *src = in + ((b * in_h + iy) * in_w + x0) * in_c;
        if (iy < 0 || iy >= in_h) {
            tx_mve_fill_s8(c, zp, row);
        } else if (p->dilation_w == 1) {
            int32_t lo = 0;
            int32_t hi = kw;
            if (x0 >= 0 && x0 + kw <= in_w) {
                /* (the common case: a row of taps inside the input) */
                tx_mve_copy_s8(c, src, row);
                continue;
            }
            while (lo < kw && x0 + lo < 0) {
                lo++;
            }
            while (hi > lo && x0 + hi - 1 >= in_w) {
                hi--;
            }
            tx_mve_fill_s8(c, zp, lo * in_c);
            tx_mve_copy_s8(c + lo * in_c, src + lo * in_c, (hi - lo) * in_c);
            tx_mve_fill_s8(c + hi * in_c, zp, (kw - hi) * in_c);
        } else {
            for (kx = 0; kx < kw; kx++) {
                const int32_t ix = x0 + kx * p->dilation_w;
                if (ix < 0 || ix >= in_w) {
                    tx_mve_fill_s8(c + kx * in_c, zp, in_c);
                } else {
                    tx_mve_copy_s8(c + kx * in_c, src + kx * p->dilation_w * in_c, in_c);
                }
            }
        }
    }
}

/* m >= 1 windows inside the input, the first's first row at src, the next window xstep bytes on
 * and the next row ystep, kh rows of row <= 16 bytes: to c, fs = kh * row bytes each. */
static void window_run(const int8_t *src, int32_t xstep, int32_t ystep, int32_t kh, int32_t row,
                       int32_t m, int8_t *c)
{
    const mve_pred16_t pr = vctp8q((uint32_t)row);
    int32_t q, ky;
    for (q = 0; q < m; q++) {
        for (ky = 0; ky < kh; ky++, c += row) {
            vstrbq_p_s8(c, vldrbq_z_s8(src + (q * xstep + ky * ystep), pr), pr);
        }
    }
}

/* groups == 1 and kh * kw * in_c <= TX_MVE_COL */
static void conv_mve(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                     const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                     const tx_shape4 *out_shape, int8_t *out)
{
    int8_t col[TX_MVE_COL];
    mve_group groups[TX_MVE_OC_BLOCK / 4];
    mve_pixel a;
    const int32_t in_c = in_shape->c;
    const int32_t in_h = in_shape->h;
    const int32_t in_w = in_shape->w;
    const int32_t kh = filter_shape->h;
    const int32_t kw = filter_shape->w;
    const int32_t out_c = out_shape->c;
    const int32_t fs = kh * kw * in_c;
    const int32_t off = p->input_offset;
    const int8_t zp = (int8_t)(-off);
    /* one in-bounds row of taps is contiguous in the input */
    const int32_t flat = kh == 1 && (kw == 1 || p->dilation_w == 1);
    tx_mve_out o;
    int8_t *cw;
    int32_t oc0, b, oy, ox, k;

    tx_mve_out_init(&o, p->multipliers, p->shifts, out_c, p->output_offset, p->act_min,
                    p->act_max);
    a.small = fs <= 16 && o.narrow;
    /* the windows copied to col: past the padded rows of pixel_groups16 */
    cw = a.small ? col + 16 * TX_MVE_OC_BLOCK : col;
    a.fs = fs;
    a.back = fs - 16 * ((fs + 15) / 16);
    a.zp = p->output_offset;
    a.lo = p->act_min;
    a.hi = p->act_max;
    a.g = groups;
    a.ostep = out_c;
    for (oc0 = 0; oc0 < out_c; oc0 += TX_MVE_OC_BLOCK) {
        const int32_t nb = out_c - oc0 < TX_MVE_OC_BLOCK ? out_c - oc0 : TX_MVE_OC_BLOCK;
        for (k = 0; k < ((nb + 3) & ~3); k++) {
            /* (lanes past nb are read by the last vector, never stored) */
            mve_group *gk = &groups[k / 4];
            int32_t s = 0;
            gk->mult[k % 4] = 0;
            gk->shift1[k % 4] = 0;
            if (k < nb) {
                const uint32_t t = (uint32_t)off * (uint32_t)tx_mve_sum_s8(filter + (oc0 + k) * fs, fs);
                s = tx_add_wrap_s32(bias != 0 ? bias[oc0 + k] : INT32_C(0), tx_wrap_s32(t));
                gk->mult[k % 4] = p->multipliers[oc0 + k];
                gk->shift1[k % 4] = p->shifts[oc0 + k] + 1;
            }
            gk->init[k % 4] = s;
        }
        /* the block's filter rows; for pixel_groups16 padded to 16 bytes at the start of col */
        const int8_t *wb = filter + oc0 * fs;
        a.w = wb;
        if (a.small) {
            tx_mve_pad16(col, wb, fs, nb);
            a.w = col;
        }
        for (b = 0; b < out_shape->n; b++) {
            for (oy = 0; oy < out_shape->h; oy++) {
                const int32_t y0 = oy * p->stride_h - p->pad_top;
                int8_t *orow = out + (b * out_shape->h + oy) * out_shape->w * out_c;
                /* window rows of at most 16 bytes, every one inside the input: window_run */
                const int rows_in = !flat && p->dilation_w == 1 && kw * in_c <= 16 && y0 >= 0
                                    && y0 + (kh - 1) * p->dilation_h < in_h;
                /* runs of pixels: windows read in place (flat, inside the input), or copied to
                 * col, as many as it holds */
                for (ox = 0; ox < out_shape->w;) {
                    int32_t n = 0;
                    if (flat && y0 >= 0 && y0 < in_h) {
                        while (ox + n < out_shape->w) {
                            const int32_t x0 = (ox + n) * p->stride_w - p->pad_left;
                            if (x0 < 0 || x0 + (kw - 1) * p->dilation_w >= in_w) {
                                break;
                            }
                            n++;
                        }
                    }
                    if (n > 0) {
                        const int32_t x0 = ox * p->stride_w - p->pad_left;
                        run_mve(in + ((b * in_h + y0) * in_w + x0) * in_c, p->stride_w * in_c, n, &a,
                                &o, wb, nb, groups, oc0, orow + ox * out_c);
                    } else {
                        const int32_t cap = (TX_MVE_COL - (cw - col)) / fs;
                        while (ox + n < out_shape->w && n < cap) {
                            const int32_t x0 = (ox + n) * p->stride_w - p->pad_left;
                            if (n > 0 && flat && y0 >= 0 && y0 < in_h && x0 >= 0
                                && x0 + (kw - 1) * p->dilation_w < in_w) {
                                break; /* (read in place by the next run) */
                            }
                            if (rows_in && x0 >= 0 && x0 + kw <= in_w) {
                                /* a run of windows inside the input: copied in one loop */
                                int32_t m = (in_w - kw - x0) / p->stride_w + 1;
                                if (m > out_shape->w - ox - n) {
                                    m = out_shape->w - ox - n;
                                }
                                if (m > cap - n) {
                                    m = cap - n;
                                }
                                window_run(in + ((b * in_h + y0) * in_w + x0) * in_c,
                                           p->stride_w * in_c, p->dilation_h * in_w * in_c, kh,
                                           kw * in_c, m, cw + n * fs);
                                n += m;
                                continue;
                            }
                            window_col(p, in_shape, in, kh, kw, b, y0, x0, zp, cw + n * fs);
                            n++;
                        }
                        run_mve(cw, fs, n, &a, &o, wb, nb, groups, oc0, orow + ox * out_c);
                    }
                    ox += n;
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
    if (!tx_conv2d_s8_valid(p, in_shape, in, filter_shape, filter, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
#if defined(TX_MVE)
    if (p->groups == 1
        && (int64_t)filter_shape->h * filter_shape->w * filter_shape->c <= TX_MVE_COL) {
        conv_mve(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
        return TX_OK;
    }
    /* The reference loop takes grouped convolutions and windows of more than TX_MVE_COL taps:
     * calls that the DSP kernel's path macros (tx_arm_dsp_paths.h, which a cortex-m55 project's
     * tx_config.h also sets) give its reference or two-channel path, so a build whose calls take
     * neither leaves the loop out (about 1 KB). */
    if (!TX_CONV2D_S8_PATH_REFERENCE && !TX_CONV2D_S8_PATH_DSP) {
        return TX_ERR_ARGUMENT;
    }
#endif
    tx_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
    return TX_OK;
}
