/*
 * Column-buffer filling for the im2col path of the Cortex-M DSP tx_conv2d_s8: copying, padding
 * and expanding windows into int16 groups. Static functions, included by
 * tx_arm_dsp_conv2d_im2col.h only.
 */
#ifndef TX_ARM_DSP_CONV2D_IM2COL_EXPAND_H
#define TX_ARM_DSP_CONV2D_IM2COL_EXPAND_H

/*
 * The im2col GEMM path. For each four output pixels the windows are expanded once into an int16
 * column buffer on the stack (input offset added with SXTAB16, padded taps 0), in the order of
 * the OHWI filter's taps (ky, kx, ic), grouped by four taps k..k+3 as SXTB16 splits a filter
 * word: per group eight words, (x_k, x_k+2), (x_k+1, x_k+3) of pixel A, then B, C, D. Then every
 * output channel runs over the groups with one filter word load, two SXTB16, two LDM and eight
 * SMLAD (blocks1x4): each weight serves four pixels, each expanded input every channel. The
 * expansion costs a few instructions per tap, once per pixel instead of once per channel.
 */

/* Windows of at most this many groups of four taps (K = kh * kw * in_c <= 640) take the im2col
 * path: 32 bytes of column buffer per group (5 KB at most), plus a byte per tap for gathering
 * windows whose in_c is not a multiple of 4. */
#define TX_CONV_COL_GROUPS 160

/* Words per group in the column buffer: two per pixel, four pixels. */
#define TX_COL_STRIDE 8

/* Groups of four taps from src (int8, any alignment: unaligned LDR is allowed on these cores)
 * into col slots, TX_COL_STRIDE words apart: per group LDR, two SXTAB16 and an STRD with
 * post-increments, which GCC does not form from C (it spends 7.5 instructions per group). */
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
                         "strd    %3, %2, [%0], #32"
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
                         "strd    %4, %3, [%0], #32\n\t"
                         "sxtab16 %6, %7, %5\n\t"
                         "sxtab16 %5, %7, %5, ror #8\n\t"
                         "strd    %6, %5, [%0], #32\n\t"
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
        dst += TX_COL_STRIDE;
    }
#endif
    return dst;
}

__attribute__((noinline)) static int32_t *zero_groups(int32_t *dst, int32_t groups)
{
    for (; groups > 0; groups--) {
        dst[0] = 0;
        dst[1] = 0;
        dst += TX_COL_STRIDE;
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
    int32_t span_h, span_w; /* the window's last tap from its first, (k - 1) * dilation */
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
                     "strd    %[t1], %[t0], [%[dst]], #32\n"
                     "3:\n\t"
                     "beq     4f\n"
                     "2:\n\t"
                     "ldr     %[t0], [%[s]], #4\n\t"
                     "ldr     %[t2], [%[s]], #4\n\t"
                     "sxtab16 %[t1], %[off2], %[t0]\n\t"
                     "sxtab16 %[t0], %[off2], %[t0], ror #8\n\t"
                     "strd    %[t1], %[t0], [%[dst]], #32\n\t"
                     "sxtab16 %[t3], %[off2], %[t2]\n\t"
                     "sxtab16 %[t2], %[off2], %[t2], ror #8\n\t"
                     "strd    %[t3], %[t2], [%[dst]], #32\n\t"
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

#if defined(__thumb2__)
/*
 * A window of three kernel rows of 9 bytes each (3x3 taps of 3 channels: the RGB first layer),
 * row_step apart in src, straight into its 7 col slots (as expand_groups) without gathering:
 * the 27 taps are read as words with unaligned LDR, and the 3 groups that straddle two rows are
 * merged with BFI (the byte or halfword ending one row into the word that starts the next,
 * loaded from one or two bytes before it). The last group's fourth tap is left 0 (an LSR drops
 * the byte after the window, which the filter's partial group multiplies by 0 anyway). Every load
 * lies inside the window's rows (the bytes before rows 1 and 2 end the rows above them).
 */
static inline __attribute__((always_inline)) void expand_window9x3(int32_t *dst,
                                                                   const int8_t *src,
                                                                   int32_t row_step,
                                                                   int32_t off2)
{
    int32_t t0, t1, t2;
#define TX_EXPAND9_GROUP(t) \
    "sxtab16 %[t2], %[off2], %[" t "]\n\t" \
    "sxtab16 %[" t "], %[off2], %[" t "], ror #8\n\t" \
    "strd    %[t2], %[" t "], [%[dst]], #32\n\t"
    __asm__ volatile("ldr     %[t0], [%[src]]\n\t"
                     "ldr     %[t1], [%[src], #4]\n\t"
                     TX_EXPAND9_GROUP("t0")
                     TX_EXPAND9_GROUP("t1")
                     "ldrb    %[t0], [%[src], #8]\n\t"
                     "add     %[src], %[src], %[step]\n\t"
                     "ldr     %[t1], [%[src], #-1]\n\t"
                     "bfi     %[t1], %[t0], #0, #8\n\t"
                     TX_EXPAND9_GROUP("t1")
                     "ldr     %[t0], [%[src], #3]\n\t"
                     TX_EXPAND9_GROUP("t0")
                     "ldrh    %[t0], [%[src], #7]\n\t"
                     "add     %[src], %[src], %[step]\n\t"
                     "ldr     %[t1], [%[src], #-2]\n\t"
                     "bfi     %[t1], %[t0], #0, #16\n\t"
                     TX_EXPAND9_GROUP("t1")
                     "ldr     %[t0], [%[src], #2]\n\t"
                     TX_EXPAND9_GROUP("t0")
                     "ldr     %[t0], [%[src], #5]\n\t"
                     "lsr     %[t0], %[t0], #8\n\t"
                     TX_EXPAND9_GROUP("t0")
                     : [dst] "+r"(dst), [src] "+r"(src), [t0] "=&r"(t0), [t1] "=&r"(t1),
                       [t2] "=&r"(t2)
                     : [step] "r"(row_step), [off2] "r"(off2)
                     : "memory");
#undef TX_EXPAND9_GROUP
}
#endif
/* rows >= 1 rows of n >= 1 bytes, row_step apart in src, one after the other into q; returns q
 * past them (asm, as copy_bytes). */
static int8_t *copy_rows(int8_t *q, const int8_t *src, int32_t rows, int32_t n, int32_t row_step)
{
#if defined(__thumb2__)
    const int8_t *s;
    int32_t c, t;
    __asm__ volatile("1:\n\t"
                     "mov     %[s], %[src]\n\t"
                     "subs    %[c], %[n], #4\n\t"
                     "blt     3f\n"
                     "2:\n\t"
                     "ldr     %[t], [%[s]], #4\n\t"
                     "str     %[t], [%[q]], #4\n\t"
                     "subs    %[c], %[c], #4\n\t"
                     "bge     2b\n"
                     "3:\n\t"
                     "adds    %[c], %[c], #4\n\t"
                     "beq     5f\n"
                     "4:\n\t"
                     "ldrb    %[t], [%[s]], #1\n\t"
                     "strb    %[t], [%[q]], #1\n\t"
                     "subs    %[c], %[c], #1\n\t"
                     "bne     4b\n"
                     "5:\n\t"
                     "add     %[src], %[src], %[step]\n\t"
                     "subs    %[rows], %[rows], #1\n\t"
                     "bne     1b"
                     : [q] "+r"(q), [src] "+r"(src), [rows] "+r"(rows), [s] "=&r"(s),
                       [c] "=&r"(c), [t] "=&r"(t)
                     : [n] "r"(n), [step] "r"(row_step)
                     : "memory", "cc");
    return q;
#else
    int32_t r;
    for (r = 0; r < rows; r++) {
        q = copy_bytes(q, src + r * row_step, n);
    }
    return q;
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

#endif
