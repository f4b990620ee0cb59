/*
 * The block kernels of the Cortex-M DSP tx_fully_connected_s8 (runtime-c/arm-dsp/src/
 * tx_fully_connected_s8.c) in assembly: four outputs per pass over expanded groups of four
 * inputs, three outputs per pass over groups of eight, rows of exactly eight inputs, with their
 * output stages. Kept apart so that each file stays readable: static functions, included only by
 * that kernel, inside its __ARM_FEATURE_DSP && __thumb2__ section, after tx_arm_dsp.h,
 * tx_arm_dsp_paths.h and tx_arm_dsp_requant.h.
 */
#ifndef TX_ARM_DSP_FC_BLOCKS_H
#define TX_ARM_DSP_FC_BLOCKS_H

/* Inputs of at most this many groups of four (in_features <= 1024) are expanded once into an
 * int16 buffer on the stack (8 bytes per group); longer rows take the dot-product loops. */
#define TX_FC_GROUPS 256

/* The state of fc_blocks4, word offsets fixed by its assembly. */
typedef struct {
    const int32_t *col;    /*  0: the input row expanded: per group (x0, x2), (x1, x3) */
    const int8_t *w;       /*  4: weights of the block's first output (advances) */
    int32_t n;             /*  8: in_features */
    int32_t passes;        /* 12: passes of the loop unrolled four times, (groups + 3) / 4 */
    const int32_t *bias;   /* 16: (advances by bias_step) */
    const int32_t *mult;   /* 20: (advances) */
    const int32_t *shift;  /* 24: (advances) */
    int8_t *out;           /* 28: (advances); stops at a block whose shifts do not fit */
    const int8_t *out_end; /* 32: out after the last block */
    int32_t zp2p1;         /* 36: 2 * output zero point + 1 */
    int32_t clamp;         /* 40: act range narrower than int8 */
    uint32_t lo4;          /* 44 */
    uint32_t hi4;          /* 48 */
    int32_t bias_step;     /* 52: 16, or 0 for a bias of four zeros (no bias) */
    int32_t groups;        /* 56: in_features / 4, >= 1 */
    const int32_t *col_end; /* 60: col after the row (fc_blocks3) */
    int32_t steps;         /* 64: in_features / 8, >= 1 (fc_blocks3) */
} fc_state;

/* One group of four inputs for the four outputs: an LDRD of the expanded inputs, then per output a
 * weight word, two SXTB16 and two SMLAD (asm text, used four times for the unrolled loop). */
#define TX_FC_GROUP4 \
    "ldrd   r10, r11, [r0], #8\n\t" \
    "ldr    r12, [r1], #4\n\t" \
    "sxtb16 lr, r12\n\t" \
    "sxtb16 r12, r12, ror #8\n\t" \
    "smlad  r5, r10, lr, r5\n\t" \
    "smlad  r5, r11, r12, r5\n\t" \
    "ldr    r12, [r2], #4\n\t" \
    "sxtb16 lr, r12\n\t" \
    "sxtb16 r12, r12, ror #8\n\t" \
    "smlad  r6, r10, lr, r6\n\t" \
    "smlad  r6, r11, r12, r6\n\t" \
    "ldr    r12, [r3], #4\n\t" \
    "sxtb16 lr, r12\n\t" \
    "sxtb16 r12, r12, ror #8\n\t" \
    "smlad  r7, r10, lr, r7\n\t" \
    "smlad  r7, r11, r12, r7\n\t" \
    "ldr    r12, [r4], #4\n\t" \
    "sxtb16 lr, r12\n\t" \
    "sxtb16 r12, r12, ror #8\n\t" \
    "smlad  r8, r10, lr, r8\n\t" \
    "smlad  r8, r11, r12, r8\n\t"

/* The unrolled loop's entry for count % 4 (count at [r0, #off]: a first pass of 4, 1, 2 or 3
 * steps), its address (Thumb bit set) stored at [sp, #4]; labels 11-14 start the four copies. */
#define TX_FC_ENTRY(off) \
    "ldr    r2, [r0, #" off "]\n\t" \
    "ands   r2, r2, #3\n\t" \
    "adr.w  r12, 11f\n\t" \
    "beq    8f\n\t" \
    "adr.w  r12, 14f\n\t" \
    "cmp    r2, #1\n\t" \
    "beq    8f\n\t" \
    "adr.w  r12, 13f\n\t" \
    "cmp    r2, #2\n\t" \
    "beq    8f\n\t" \
    "adr.w  r12, 12f\n" \
    "8:\n\t" \
    "orr    r12, r12, #1\n\t" \
    "str    r12, [sp, #4]\n"

/* The packed output bytes in `v` clamped to [act_min, act_max] per byte when st->clamp (st in
 * r12; r0-r2 scratch). */
#define TX_FC_CLAMP(v) \
    "ldr    r0, [r12, #40]\n\t" \
    "cbz    r0, 4f\n\t" \
    "ldrd   r0, r1, [r12, #44]\n\t" \
    "ssub8  r2, " v ", r0\n\t" \
    "sel    " v ", " v ", r0\n\t" \
    "ssub8  r2, " v ", r1\n\t" \
    "sel    " v ", r1, " v "\n" \
    "4:\n\t"

/* One output of the block: C = (2 zp + 1) << u, SMMLA, then >> u and >> 1 (the second inside
 * SSAT): output stage 1 of tx_arm_dsp_requant.h with k = u + 1. acc, mult, u are registers. */
#define TX_FC_OUT(acc, mult, u) TX_FC_OUT_WITH(acc, mult, u, "r0", "r12")
#define TX_FC_OUT_WITH(acc, mult, u, zp2p1, c) \
    "lsl    " c ", " zp2p1 ", " u "\n\t" \
    "smmla  " acc ", " acc ", " mult ", " c "\n\t" \
    "asr    " acc ", " acc ", " u "\n\t" \
    "ssat   " acc ", #8, " acc ", asr #1\n\t"

/* The output stage of a block of four (accumulators r5-r8, st at [sp, #st]): u = -2 - shift for
 * the four, all in [0, 15] or a branch to 9 (back to C with st->out at the block); SMMLA, shifts
 * and SSAT, the bytes packed with BFI, clamped, stored as one (unaligned) word and st->out
 * advanced. Leaves st in r12 and st->out in r0; r1-r4, r9-r11 and lr are scratch. */
#define TX_FC_STAGE4(st) \
    "ldr    r12, [sp, #" st "]\n\t" \
    "ldrd   r0, r9, [r12, #20]\n\t" \
    "ldm    r0, {r1-r4}\n\t" \
    "ldm    r9, {r9-r11, lr}\n\t" \
    "mvn    r0, #1\n\t" \
    "sub    r9, r0, r9\n\t" \
    "sub    r10, r0, r10\n\t" \
    "sub    r11, r0, r11\n\t" \
    "sub    lr, r0, lr\n\t" \
    "orr    r0, r9, r10\n\t" \
    "orr    r0, r0, r11\n\t" \
    "orr    r0, r0, lr\n\t" \
    "cmp    r0, #15\n\t" \
    "bhi    9f\n\t" \
    "ldr    r0, [r12, #36]\n\t" \
    TX_FC_OUT("r5", "r1", "r9") \
    TX_FC_OUT("r6", "r2", "r10") \
    TX_FC_OUT("r7", "r3", "r11") \
    TX_FC_OUT("r8", "r4", "lr") \
    "bfi    r5, r6, #8, #8\n\t" \
    "bfi    r5, r7, #16, #8\n\t" \
    "bfi    r5, r8, #24, #8\n\t" \
    "ldr    r12, [sp, #" st "]\n\t" \
    TX_FC_CLAMP("r5") \
    "ldr    r0, [r12, #28]\n\t" \
    "str    r5, [r0], #4\n\t" \
    "str    r0, [r12, #28]\n\t"

/* After TX_FC_STAGE4: st->mult and st->shift advanced past the block, the flags set by comparing
 * st->out (r0) with st->out_end (Z: the last block is done). */
#define TX_FC_NEXT4 \
    "ldrd   r1, r2, [r12, #20]\n\t" \
    "adds   r1, r1, #16\n\t" \
    "adds   r2, r2, #16\n\t" \
    "strd   r1, r2, [r12, #20]\n\t" \
    "ldr    r1, [r12, #32]\n\t" \
    "cmp    r0, r1\n\t"

/*
 * Blocks of four outputs: per group of four inputs one LDRD of the expanded inputs, and per
 * output a weight word, two SXTB16 and two SMLAD (16 MACs in 21 instructions; unrolled four
 * times, entered at the quarter that leaves whole passes, found once per call); then the SMMLA output stage of tx_arm_dsp_requant.h
 * with u = k - 1 = -2 - shift. The four u are checked together: OR-ed they must be at most 15
 * (every shift in [-17, -2], inside the stage's [-23, -2]); a block that fails is left with
 * st->out pointing at it, for the caller's exact path. The four bytes are packed with BFI,
 * clamped with SSUB8/SEL when st->clamp and stored as one (unaligned) word. Naked: the loop needs
 * 14 registers. st lives at [sp].
 */
TX_ASM_ADR_FUNCTION static void fc_blocks4(fc_state *st __attribute__((unused)))
{
    __asm__(
        "push   {r0, r1, r4-r11, lr}\n\t"
        /* the loop's entry for groups % 4 (a first pass of 4, 1, 2 or 3 groups), at [sp, #4] */
        TX_FC_ENTRY("56")
        "5:\n\t"
        "ldr    r12, [sp]\n\t"
        "ldm    r12, {r0, r1, r2, r9}\n\t"
        "ldr    lr, [r12, #16]\n\t"
        "ldm    lr, {r5-r8}\n\t"
        "add    r4, r2, r2, lsl #1\n\t"
        "add    r4, r1, r4\n\t"
        "add    r3, r1, r2, lsl #1\n\t"
        "add    r2, r1, r2\n\t"
        "ldr    r12, [sp, #4]\n\t"
        "bx     r12\n"
        "11:\n\t"
        TX_FC_GROUP4
        "12:\n\t"
        TX_FC_GROUP4
        "13:\n\t"
        TX_FC_GROUP4
        "14:\n\t"
        TX_FC_GROUP4
        "subs   r9, r9, #1\n\t"
        "bne    11b\n\t"
        TX_FC_STAGE4("0")
        "ldrd   r1, r2, [r12, #4]\n\t"
        "add    r1, r1, r2, lsl #2\n\t"
        "str    r1, [r12, #4]\n\t"
        "ldr    r1, [r12, #16]\n\t"
        "ldr    r2, [r12, #52]\n\t"
        "add    r1, r1, r2\n\t"
        "str    r1, [r12, #16]\n\t"
        TX_FC_NEXT4
        "bne    5b\n"
        "9:\n\t"
        "pop    {r0, r1, r4-r11, pc}");
}

/* Eight inputs for three outputs: one LDM of the four expanded words, then per output one LDRD of
 * eight weights, four SXTB16 and four SMLAD (24 MACs in 28 instructions; asm text, used four
 * times for the unrolled loop). */
#define TX_FC_ROW8(w, acc) TX_FC_ROW8_WITH(w, acc, "r7", "r8", "r9", "r10", "r11", "r12", "lr")
/* The same with the expanded inputs in x02a, x13a, x02b, x13b and the scratch registers a, b, t. */
#define TX_FC_ROW8_WITH(w, acc, x02a, x13a, x02b, x13b, a, b, t) \
    "ldrd   " a ", " b ", [" w "], #8\n\t" \
    "sxtb16 " t ", " a "\n\t" \
    "smlad  " acc ", " x02a ", " t ", " acc "\n\t" \
    "sxtb16 " a ", " a ", ror #8\n\t" \
    "smlad  " acc ", " x13a ", " a ", " acc "\n\t" \
    "sxtb16 " t ", " b "\n\t" \
    "smlad  " acc ", " x02b ", " t ", " acc "\n\t" \
    "sxtb16 " b ", " b ", ror #8\n\t" \
    "smlad  " acc ", " x13b ", " b ", " acc "\n\t"
#define TX_FC_STEP3 \
    "ldm    r0!, {r7-r10}\n\t" \
    TX_FC_ROW8("r1", "r4") \
    TX_FC_ROW8("r2", "r5") \
    TX_FC_ROW8("r3", "r6")

/* One output of a block of three: zp2p1 in r7, C in r8. */
#define TX_FC_OUT3(acc, mult, u) TX_FC_OUT_WITH(acc, mult, u, "r7", "r8")

/*
 * Blocks of three outputs for rows of whole groups of eight (in_features % 8 == 0, the weights
 * word-aligned for LDRD): per eight inputs one LDM of the expanded inputs and per output one LDRD
 * of weights, four SXTB16 and four SMLAD, 24 MACs in 28 instructions (1.17 per MAC, against 1.31
 * for fc_blocks4's four outputs of four inputs, whose fourth accumulator leaves no register for
 * a second weight word). Unrolled four times, entered at the quarter that leaves whole passes;
 * the loop ends when the input pointer reaches col_end (kept at [sp, #8]). Then fc_blocks4's
 * output stage for three (shifts in [-17, -2] or back to C with st->out at the block), the bytes
 * clamped as a word and stored as a halfword and a byte. st lives at [sp].
 */
TX_ASM_ADR_FUNCTION static void fc_blocks3(fc_state *st __attribute__((unused)))
{
    __asm__(
        "ldr    r2, [r0, #60]\n\t"
        "push   {r0, r1, r2, r4-r11, lr}\n\t"
        TX_FC_ENTRY("64")
        "5:\n\t"
        "ldr    r12, [sp]\n\t"
        "ldrd   r1, r2, [r12, #4]\n\t"
        "add    r3, r1, r2, lsl #1\n\t"
        "add    r2, r1, r2\n\t"
        "ldr    lr, [r12, #16]\n\t"
        "ldm    lr, {r4-r6}\n\t"
        "ldr    r0, [r12, #52]\n\t"
        "add    lr, lr, r0\n\t"
        "str    lr, [r12, #16]\n\t"
        "ldr    r0, [r12]\n\t"
        "ldr    lr, [sp, #4]\n\t"
        "bx     lr\n"
        "11:\n\t"
        TX_FC_STEP3
        "12:\n\t"
        TX_FC_STEP3
        "13:\n\t"
        TX_FC_STEP3
        "14:\n\t"
        TX_FC_STEP3
        "ldr    lr, [sp, #8]\n\t"
        "cmp    r0, lr\n\t"
        "bne    11b\n\t"
        /* r3 = w0 + 3n: the next block's first row */
        "ldr    r12, [sp]\n\t"
        "str    r3, [r12, #4]\n\t"
        "ldrd   r0, r9, [r12, #20]\n\t"
        "ldm    r9, {r9-r11}\n\t"
        "mvn    lr, #1\n\t"
        "sub    r9, lr, r9\n\t"
        "sub    r10, lr, r10\n\t"
        "sub    r11, lr, r11\n\t"
        "orr    lr, r9, r10\n\t"
        "orr    lr, lr, r11\n\t"
        "cmp    lr, #15\n\t"
        "bhi    9f\n\t"
        "ldm    r0, {r0-r2}\n\t"
        "ldr    r7, [r12, #36]\n\t"
        TX_FC_OUT3("r4", "r0", "r9")
        TX_FC_OUT3("r5", "r1", "r10")
        TX_FC_OUT3("r6", "r2", "r11")
        "bfi    r4, r5, #8, #8\n\t"
        "bfi    r4, r6, #16, #8\n\t"
        TX_FC_CLAMP("r4")
        "ldr    r0, [r12, #28]\n\t"
        "strh   r4, [r0], #3\n\t"
        "lsr    r4, r4, #16\n\t"
        "strb   r4, [r0, #-1]\n\t"
        "str    r0, [r12, #28]\n\t"
        "ldrd   r1, r2, [r12, #20]\n\t"
        "adds   r1, r1, #12\n\t"
        "adds   r2, r2, #12\n\t"
        "strd   r1, r2, [r12, #20]\n\t"
        "ldr    r1, [r12, #32]\n\t"
        "cmp    r0, r1\n\t"
        "bne    5b\n"
        "9:\n\t"
        "pop    {r0, r1, r2, r4-r11, pc}");
}

/* One output of a row of eight: the inputs in r0-r3, weights at r4, scratch r9-r11. */
#define TX_FC_ROW8X(acc) TX_FC_ROW8_WITH("r4", acc, "r0", "r1", "r2", "r3", "r9", "r10", "r11")

/*
 * Blocks of four outputs for rows of exactly eight inputs (the weights word-aligned): the four
 * expanded input words stay in r0-r3 for the whole call and the block's 32 weights are one run
 * read by LDRD from r4, so a block is its bias (LDM), 4 x 9 instructions for the 32 MACs and
 * fc_blocks4's output stage with r0-r4 pushed around it, without the unrolled loop's entry,
 * counter and four row pointers. st lives at [sp], at [sp, #20] while r0-r4 are pushed.
 */
__attribute__((naked)) static void fc_blocks4x8(fc_state *st __attribute__((unused)))
{
    __asm__(
        "push   {r0, r4-r11, lr}\n\t"
        "ldr    r4, [r0, #4]\n\t"
        "ldr    r12, [r0]\n\t"
        "ldm    r12, {r0-r3}\n"
        "5:\n\t"
        "ldr    r12, [sp]\n\t"
        "ldr    lr, [r12, #16]\n\t"
        "ldm    lr, {r5-r8}\n\t"
        "ldr    r9, [r12, #52]\n\t"
        "add    lr, lr, r9\n\t"
        "str    lr, [r12, #16]\n\t"
        TX_FC_ROW8X("r5")
        TX_FC_ROW8X("r6")
        TX_FC_ROW8X("r7")
        TX_FC_ROW8X("r8")
        "push   {r0-r4}\n\t"
        TX_FC_STAGE4("20")
        TX_FC_NEXT4
        "pop    {r0-r4}\n\t"
        "bne    5b\n\t"
        "b      10f\n"
        "9:\n\t"
        "add    sp, sp, #20\n"
        "10:\n\t"
        "pop    {r0, r4-r11, pc}");
}

#endif /* TX_ARM_DSP_FC_BLOCKS_H */
