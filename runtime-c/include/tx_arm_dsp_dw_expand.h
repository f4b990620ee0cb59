/*
 * The expansion of the Cortex-M DSP tx_depthwise_conv2d_s8's planar 3x3 paths (see
 * tx_arm_dsp_dw3x3.h, which includes this after its plane geometry): four channels of int8 NHWC
 * input into their int16 planes, input offset added, in assembly. Static functions, included only
 * by that kernel, inside its __ARM_FEATURE_DSP section.
 */
#ifndef TX_ARM_DSP_DW_EXPAND_H
#define TX_ARM_DSP_DW_EXPAND_H

/* The expansion of dw_expand (tx_arm_dsp_dw_planar.h) for four channels, word offsets fixed by
 * TX_DW_EXPAND4. A row's pixels: `lead` (0 or 1) alone, so that the rest starts word aligned in
 * the planes, then `quads` groups of four, `pair` (0 or 1) pairs and `odd` (0 or 1) last one;
 * every row has the same ones, so the assembly takes them column group by column group, each
 * down all the rows (fixed steps, no per-row checks). */
typedef struct {
    int32_t ch;      /*  0: next pixel */
    int32_t lead;    /*  4 */
    int32_t rows;    /*  8: >= 1 */
    int32_t quads;   /* 12 */
    int32_t pair;    /* 16 */
    int32_t odd;     /* 20 */
    int32_t off2;    /* 24: the input offset in both halfwords */
    int32_t src_row; /* 28: next input row (bytes) */
} dw3_expand_args;

#if defined(__thumb2__)
/* One row of a group of four pixels (the four loads' addresses p0 .. p3; r0 then steps to the
 * next row): see TX_DW_EXPAND4. */
#define TX_DW_EXPAND_QUAD(p0, p1, p2, p3, row4, m3, m2, m1) \
    "ldr    r4, " p0 "\n\t" \
    "ldr    r6, " p1 "\n\t" \
    "pkhbt  r8, r4, r6, lsl #16\n\t" \
    "pkhtb  r6, r6, r4, asr #16\n\t" \
    "ldr    r4, " p2 "\n\t" \
    "ldr    r7, " p3 "\n\t" \
    "add    r0, r11\n\t" \
    "pkhbt  r9, r4, r7, lsl #16\n\t" \
    "pkhtb  r7, r7, r4, asr #16\n\t" \
    "sxtab16 r1, r10, r8\n\t" \
    "sxtab16 r4, r10, r9\n\t" \
    "strd   r1, r4, [r12], #" row4 "\n\t" \
    "sxtab16 r8, r10, r8, ror #8\n\t" \
    "sxtab16 r9, r10, r9, ror #8\n\t" \
    "strd   r8, r9, [r12, #" m3 "]\n\t" \
    "sxtab16 r1, r10, r6\n\t" \
    "sxtab16 r4, r10, r7\n\t" \
    "strd   r1, r4, [r12, #" m2 "]\n\t" \
    "sxtab16 r6, r10, r6, ror #8\n\t" \
    "sxtab16 r7, r10, r7, ror #8\n\t" \
    "strd   r6, r7, [r12, #" m1 "]\n\t"

/* The lone first pixel (a->lead, in r4), of TX_DW_EXPAND4, both ending at its label 1: a group of its own (the subroutine at
 * label 8), or (_MERGED) in one loop with the group of four after it (label 18: 32 instructions a
 * row for 20 values, not 12 + 23 in two loops). The merged loop is linked by builds of a fixed
 * stride-1 geometry (tx_arm_dsp_dw_fixed.h: DS-CNN KWS, rows of 5 pixels) alone: MobileNet VWW's
 * first tiles would gain 0.1% for about 150 bytes of code it does not have. */
#define TX_DW_EXPAND_LEAD_ALONE \
    "cbz    r4, 1f\n\t" \
    "bl     8f\n"
#define TX_DW_EXPAND_LEAD_MERGED(row4, m3, m2, m1) \
    "cmp    r4, #0\n\t" \
    "beq    1f\n\t" \
    "ldr    r4, [sp, #12]\n\t" \
    "cbnz   r4, 17f\n\t" \
    "bl     8f\n\t" \
    "b      1f\n" \
    "17:\n\t" \
    "subs   r4, r4, #1\n\t" \
    "str    r4, [sp, #12]\n\t" \
    "ldrd   r0, r12, [sp]\n\t" \
    "add    r4, r0, r2, lsl #2\n\t" \
    "add    r4, r4, r2\n\t" \
    "add    r6, r12, #10\n\t" \
    "strd   r4, r6, [sp]\n\t" \
    "adds   r12, r12, #2\n\t" \
    "ldr    r5, [sp, #8]\n" \
    "18:\n\t" \
    "ldr    r6, [r0]\n\t" \
    "sxtab16 r4, r10, r6\n\t" \
    "sxtab16 r6, r10, r6, ror #8\n\t" \
    "strh   r4, [r12, #-2]\n\t" \
    "strh   r6, [r12, #(-(" m1 ")-2)]\n\t" \
    "lsrs   r4, r4, #16\n\t" \
    "lsrs   r6, r6, #16\n\t" \
    "strh   r4, [r12, #(-(" m2 ")-2)]\n\t" \
    "strh   r6, [r12, #(-(" m3 ")-2)]\n\t" \
    TX_DW_EXPAND_QUAD("[r0, r2]", "[r0, r2, lsl #1]", "[r0, r3]", "[r0, r2, lsl #2]", row4, m3, m2, m1) \
    "subs   r5, r5, #1\n\t" \
    "bne    18b\n"

/*
 * a->rows rows of pixels of four channels (src: the first pixel's first channel) into the four
 * planes (d: the first pixel's place in channel 0's plane; channel j's row j plane-row widths B
 * on, the next plane row 4B on): a column group at a time (a lone first pixel, each four pixels,
 * a last pair, a last pixel alone), down all the rows. Two pixels of four channels become a word
 * of two pixels per channel: PKH puts the two pixels' bytes 0, 1 (then 2, 3) in one word, and
 * SXTAB16 sign-extends bytes 0 and 2 (1 and 3: ror #8) adding the input offset. Per row of a
 * group of four pixels: four LDR, one step, four PKH, eight SXTAB16, four STRD and the loop (23
 * instructions for 16 values); of a pair 15 for 8, of a lone pixel 12 for 4 (SXTAB16, STRH of
 * the bottom halves, LSR, STRH); and 5 to 9 a group (lead: how the lone first pixel goes,
 * TX_DW_EXPAND_LEAD_ALONE or _MERGED). A group's first store steps d to the next
 * plane row (4B: `row4`), the others are behind it (m3: -3B, m2: -2B, m1: -B). Registers: r0
 * src, r12 d (of the row), r2 ch, r3 3 ch, r10 off2, r5 the rows left, r11 src_row, the others
 * the pixels (low ones where that makes 16-bit instructions); on the stack the group's first
 * pixel and place (advanced as it starts), rows, quads left, pair, odd. The lone pixels are a
 * subroutine (label 8) for the first and the last.
 */
#define TX_DW_EXPAND4(row4, m3, m2, m1, lead) \
    "push   {r4-r11, lr}\n\t" \
    "ldm    r2, {r2, r4, r5, r6, r7, r8, r10, r11}\n\t" \
    "push   {r0, r1, r5, r6, r7, r8}\n\t" \
    "add    r3, r2, r2, lsl #1\n\t" \
    lead \
    "1:\n\t" \
    "ldr    r4, [sp, #12]\n\t" \
    "cbz    r4, 3f\n" \
    "2:\n\t" \
    "ldrd   r0, r12, [sp]\n\t" \
    "add    r4, r0, r2, lsl #2\n\t" \
    "add    r6, r12, #8\n\t" \
    "strd   r4, r6, [sp]\n\t" \
    "ldr    r5, [sp, #8]\n" \
    "5:\n\t" \
    TX_DW_EXPAND_QUAD("[r0]", "[r0, r2]", "[r0, r2, lsl #1]", "[r0, r3]", row4, m3, m2, m1) \
    "subs   r5, r5, #1\n\t" \
    "bne    5b\n\t" \
    "ldr    r4, [sp, #12]\n\t" \
    "subs   r4, r4, #1\n\t" \
    "str    r4, [sp, #12]\n\t" \
    "bne    2b\n" \
    "3:\n\t" \
    "ldr    r4, [sp, #16]\n\t" \
    "cbz    r4, 4f\n\t" \
    "ldrd   r0, r12, [sp]\n\t" \
    "add    r4, r0, r2, lsl #1\n\t" \
    "add    r6, r12, #4\n\t" \
    "strd   r4, r6, [sp]\n\t" \
    "ldr    r5, [sp, #8]\n" \
    "6:\n\t" \
    "ldr    r4, [r0]\n\t" \
    "ldr    r6, [r0, r2]\n\t" \
    "add    r0, r11\n\t" \
    "pkhbt  r8, r4, r6, lsl #16\n\t" \
    "pkhtb  r6, r6, r4, asr #16\n\t" \
    "sxtab16 r4, r10, r8\n\t" \
    "sxtab16 r8, r10, r8, ror #8\n\t" \
    "sxtab16 r7, r10, r6\n\t" \
    "sxtab16 r6, r10, r6, ror #8\n\t" \
    "str    r4, [r12], #" row4 "\n\t" \
    "str    r8, [r12, #" m3 "]\n\t" \
    "str    r7, [r12, #" m2 "]\n\t" \
    "str    r6, [r12, #" m1 "]\n\t" \
    "subs   r5, r5, #1\n\t" \
    "bne    6b\n" \
    "4:\n\t" \
    "ldr    r4, [sp, #20]\n\t" \
    "cbz    r4, 7f\n\t" \
    "bl     8f\n" \
    "7:\n\t" \
    "add    sp, sp, #24\n\t" \
    "pop    {r4-r11, pc}\n" \
    "8:\n\t" \
    "ldrd   r0, r12, [sp]\n\t" \
    "adds   r4, r0, r2\n\t" \
    "add    r6, r12, #2\n\t" \
    "strd   r4, r6, [sp]\n\t" \
    "ldr    r5, [sp, #8]\n" \
    "9:\n\t" \
    "ldr    r6, [r0]\n\t" \
    "add    r0, r11\n\t" \
    "sxtab16 r4, r10, r6\n\t" \
    "sxtab16 r6, r10, r6, ror #8\n\t" \
    "strh   r4, [r12], #" row4 "\n\t" \
    "strh   r6, [r12, #" m3 "]\n\t" \
    "lsrs   r4, r4, #16\n\t" \
    "lsrs   r6, r6, #16\n\t" \
    "strh   r4, [r12, #" m2 "]\n\t" \
    "strh   r6, [r12, #" m1 "]\n\t" \
    "subs   r5, r5, #1\n\t" \
    "bne    9b\n\t" \
    "bx     lr"

/* Plane rows of TX_DW3_ROW halfwords (16 bytes). */
__attribute__((naked)) static void dw3_expand4(const int8_t *src __attribute__((unused)),
                                               int16_t *d __attribute__((unused)),
                                               const dw3_expand_args *a __attribute__((unused)))
{
#if TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS != 0
    __asm__(TX_DW_EXPAND4("64", "-48", "-32", "-16", TX_DW_EXPAND_LEAD_MERGED("64", "-48", "-32", "-16")));
#else
    __asm__(TX_DW_EXPAND4("64", "-48", "-32", "-16", TX_DW_EXPAND_LEAD_ALONE));
#endif
}
#endif

#endif /* TX_ARM_DSP_DW_EXPAND_H */
