/*
 * The pixel-major path of the Cortex-M DSP tx_conv2d_s8 (runtime-c/arm-dsp/src/tx_conv2d_s8.c)
 * for 1x1 convolutions over 8 or 16 input channels without padding (MobileNet VWW's first two
 * pointwise layers, ResNet-8's first shortcut). With a window that short, the im2col path pays its
 * per-channel output stage and column reloads for only 8 or 16 MACs per output (VWW 8 -> 16 took
 * 2.28 instructions per MAC, 16 -> 32 1.52). Here one pixel's window, widened to int16 with the
 * input offset, stays in registers (4 or 8 words) while every output channel runs over it: per
 * channel one record of its filter pre-widened in SMLAD order, its bias and its output stage,
 * fetched with LDM, so nothing but the weights and the output stage is paid per output.
 * Static functions, included only by that kernel, inside its __ARM_FEATURE_DSP and __thumb2__
 * section, after tx_arm_dsp.h, tx_arm_dsp_requant.h and tx_arm_dsp_conv2d_im2col.h (whose
 * blocks header has widen_filter and im2col_pointwise).
 *
 * The records are built per call in a table on the stack (a few hundred cycles against the
 * layer's hundreds of thousands), so the operands in flash stay the plain OHWI ones that
 * intermittent tiles point into. Only output stage 1 of tx_arm_dsp_requant.h (every shift in
 * [-23, -2]) and the full int8 activation range: the other calls take the im2col path.
 */
#ifndef TX_ARM_DSP_CONV2D_PIXELS_H
#define TX_ARM_DSP_CONV2D_PIXELS_H

/* Output channels per call of this path: the record table (48 bytes per channel at 16 taps) is on
 * the stack. */
#define TX_PIXELS_MAX_OUT_C 64

/* Words per output channel in the record table: the bias, the filter as int16 pairs (K / 2
 * words), the multiplier, C and k of output stage 1. */
#define TX_PIXELS_REC_WORDS(k) (4 + (k) / 2)

/* The k word of the table's last record carries this flag, which ends the channel loop; ASR by a
 * register reads only its low byte, so the flag does not change the shift. */
#define TX_PIXELS_LAST 0x100

/* The state of pixels_run, word offsets fixed by its assembly. */
typedef struct {
    const int8_t *in;      /*  0: the next pixel's window (advances) */
    int32_t off2;          /*  4: the input offset in both halfwords */
    const int32_t *tab;    /*  8: the record table */
    int32_t step;          /* 12: bytes from one pixel's window to the next along a row */
    int32_t count;         /* 16: pixels left in this row (counts down) */
    int8_t *out;           /* 20: the first pixel's outputs; the others follow contiguously */
    int32_t k;             /* 24: taps, 8 or 16 */
    int32_t rows;          /* 28: output rows left in this batch (counts down) */
    int32_t width;         /* 32: pixels per output row */
    int32_t skip;          /* 36: bytes from after a row's last window to the next row's first */
} pixels_state;

/*
 * The record table: per output channel its bias, its filter as SMLAD operands (widen_filter,
 * matching the widened window), its multiplier, C and k (output stage 1),
 * the order in which the LDMs of pixels_run take them.
 */
static void pixels_table(const tx_conv2d_s8_params *p, const int8_t *filter, const int32_t *bias,
                         int32_t k, int32_t out_c, int32_t *r)
{
    int32_t c;
    for (c = 0; c < out_c; c++) {
        *r++ = bias != 0 ? bias[c] : INT32_C(0);
        r = widen_filter(r, filter, k);
        filter += k;
        *r++ = p->multipliers[c];
        *r++ = tx_dsp_requant_out_c(p->output_offset, p->shifts[c]);
        *r++ = tx_dsp_requant_out_k(p->shifts[c]) | (c + 1 == out_c ? TX_PIXELS_LAST : 0);
    }
}

/* One output channel of 8 taps into acc (pixels_run, asm text): r4-r7 the window, r10-r12 and lr
 * the filter words, then multiplier, C and k. */
#define TX_PIXELS8_CHANNEL(acc) \
    "ldm    r0!, {" acc ", r10, r11, r12, lr}\n\t" \
    "smlad  " acc ", r4, r10, " acc "\n\t" \
    "smlad  " acc ", r5, r11, " acc "\n\t" \
    "smlad  " acc ", r6, r12, " acc "\n\t" \
    "smlad  " acc ", r7, lr, " acc "\n\t" \
    "ldm    r0!, {r10, r11, r12}\n\t" \
    "smmla  " acc ", " acc ", r10, r11\n\t" \
    "asr    " acc ", " acc ", r12\n\t" \
    "ssat   " acc ", #8, " acc "\n\t"

/*
 * Every output pixel of the call, row by row (st lives at [sp]; r1 is the output pointer
 * throughout): the pixel's window widened with the input offset into r4-r7 (8 taps: (x0, x2),
 * (x1, x3), (x4, x6), (x5, x7)) or r4-r11 (16 taps), then every channel's record from the table
 * (r0). 16 taps, one channel per pass (label 2): r2 the accumulator starting at the bias, r3, r12
 * and lr the filter words, then multiplier, C and k; 18 instructions per 16 MACs. 8 taps, four
 * channels per pass (label 3; out_c a multiple of 4): r2, r3, r8 and r9 the accumulators, the
 * four outputs packed with BFI into one STR; 42 instructions per 32 MACs. The last record's k
 * carries TX_PIXELS_LAST.
 */
__attribute__((naked)) static void pixels_run(pixels_state *st __attribute__((unused)))
{
    __asm__("push   {r0, r4-r11, lr}\n\t"
            "ldr    r1, [r0, #20]\n"
            "1:\n\t"
            "ldr    r0, [sp]\n\t"
            "ldm    r0, {r2, r3, r12}\n\t"
            "ldr    r4, [r2]\n\t"
            "ldr    r6, [r2, #4]\n\t"
            "sxtab16 r5, r3, r4, ror #8\n\t"
            "sxtab16 r4, r3, r4\n\t"
            "sxtab16 r7, r3, r6, ror #8\n\t"
            "sxtab16 r6, r3, r6\n\t"
            "ldr    lr, [r0, #12]\n\t"
            "add    lr, r2, lr\n\t"
            "str    lr, [r0]\n\t"
            "ldr    lr, [r0, #24]\n\t"
            "mov    r0, r12\n\t"
            "cmp    lr, #8\n\t"
            "beq    3f\n\t"
            "ldr    r8, [r2, #8]\n\t"
            "ldr    r10, [r2, #12]\n\t"
            "sxtab16 r9, r3, r8, ror #8\n\t"
            "sxtab16 r8, r3, r8\n\t"
            "sxtab16 r11, r3, r10, ror #8\n\t"
            "sxtab16 r10, r3, r10\n"
            "2:\n\t"
            "ldm    r0!, {r2, r3, r12, lr}\n\t"
            "smlad  r2, r4, r3, r2\n\t"
            "smlad  r2, r5, r12, r2\n\t"
            "smlad  r2, r6, lr, r2\n\t"
            "ldm    r0!, {r3, r12, lr}\n\t"
            "smlad  r2, r7, r3, r2\n\t"
            "smlad  r2, r8, r12, r2\n\t"
            "smlad  r2, r9, lr, r2\n\t"
            "ldm    r0!, {r3, r12}\n\t"
            "smlad  r2, r10, r3, r2\n\t"
            "smlad  r2, r11, r12, r2\n\t"
            "ldm    r0!, {r3, r12, lr}\n\t"
            "smmla  r2, r2, r3, r12\n\t"
            "asr    r2, r2, lr\n\t"
            "ssat   r2, #8, r2\n\t"
            "strb   r2, [r1], #1\n\t"
            "tst    lr, #0x100\n\t"
            "beq    2b\n\t"
            "b      4f\n"
            "3:\n\t"
            TX_PIXELS8_CHANNEL("r2")
            TX_PIXELS8_CHANNEL("r3")
            TX_PIXELS8_CHANNEL("r8")
            TX_PIXELS8_CHANNEL("r9")
            "bfi    r2, r3, #8, #8\n\t"
            "bfi    r2, r8, #16, #8\n\t"
            "bfi    r2, r9, #24, #8\n\t"
            "str    r2, [r1], #4\n\t"
            "tst    r12, #0x100\n\t"
            "beq    3b\n"
            /* the next pixel of the row, or the first of the next row */
            "4:\n\t"
            "ldr    r0, [sp]\n\t"
            "ldr    r2, [r0, #16]\n\t"
            "subs   r2, r2, #1\n\t"
            "str    r2, [r0, #16]\n\t"
            "bne    1b\n\t"
            "ldr    r2, [r0, #28]\n\t"
            "subs   r2, r2, #1\n\t"
            "beq    5f\n\t"
            "str    r2, [r0, #28]\n\t"
            "ldr    r2, [r0, #32]\n\t"
            "str    r2, [r0, #16]\n\t"
            "ldr    r2, [r0]\n\t"
            "ldr    r3, [r0, #36]\n\t"
            "add    r2, r2, r3\n\t"
            "str    r2, [r0]\n\t"
            "b      1b\n"
            "5:\n\t"
            "pop    {r0, r4-r11, pc}");
}
#undef TX_PIXELS8_CHANNEL

/* Whether the call fits this path: a 1x1 kernel over 8 channels (out_c a multiple of 4) or 16,
 * no padding and every window inside the input (im2col_pointwise), at most TX_PIXELS_MAX_OUT_C
 * output channels, every shift in [-23, -2] and the full int8 activation range. Not inlined:
 * tx_conv2d_s8 spent 166 bytes on it. */
__attribute__((noinline)) static int pixels_applies(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                          const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    const int32_t in_c = in_shape->c;
    const int32_t out_c = out_shape->c;
    return (in_c == 16 || (in_c == 8 && (out_c & 3) == 0)) && out_c <= TX_PIXELS_MAX_OUT_C
        && p->act_min == -128 && p->act_max == 127
        && im2col_pointwise(p, in_shape, filter_shape, out_shape)
        && tx_dsp_requant_all_ok(p->shifts, out_c, 0);
}

/* The convolution of pixels_applies: the record table, then one call of pixels_run per batch. */
__attribute__((noinline)) static void conv_pixels(const tx_conv2d_s8_params *p,
                                                  const tx_shape4 *in_shape, const int8_t *in,
                                                  const int8_t *filter, const int32_t *bias,
                                                  const tx_shape4 *out_shape, int8_t *out)
{
    const int32_t k = in_shape->c;
    const int32_t out_c = out_shape->c;
    int32_t tab[out_c * TX_PIXELS_REC_WORDS(k)];
    pixels_state st;
    int32_t b;
    pixels_table(p, filter, bias, k, out_c, tab);
    st.off2 = tx_dsp_dup16(p->input_offset);
    st.tab = tab;
    st.step = p->stride_w * k;
    st.k = k;
    st.width = out_shape->w;
    st.skip = p->stride_h * in_shape->w * k - out_shape->w * st.step;
    for (b = 0; b < out_shape->n; b++) {
        st.in = in + b * in_shape->h * in_shape->w * k;
        st.out = out + b * out_shape->h * out_shape->w * out_c;
        st.count = out_shape->w;
        st.rows = out_shape->h;
        pixels_run(&st);
    }
}

#endif
