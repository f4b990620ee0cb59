/*
 * The Cortex-M DSP tx_fully_connected_s8's loops over widened rows (runtime-c/arm-dsp/src/
 * tx_fully_connected_s8.c), in assembly. The compiler emits a small layer's operands in this
 * format (codegen/CortexMFcOperands.java) and passes them as the bias with NULL weights. Row o
 * of n inputs is n / 2 + 4 words:
 *   bias[o], then per group of four inputs the weights widened to int16 pairs in the order the
 *   expanded inputs come in, (w0, w2) and (w1, w3) (low halfword first), then the multiplier m,
 *   C = (2 zp + 1) * 2^(k-1) and k = -1 - shift of output stage 1 of tx_arm_dsp_requant.h.
 * So a row's weights need no SXTB16 (one LDM fetches eight of them) and a row carries its own
 * output stage (per-tensor and per-channel scales cost the same). Rows are independent, so a
 * tile's rows are a run of the whole's. Static functions, included only by that kernel inside its
 * __ARM_FEATURE_DSP && __thumb2__ section.
 */
#ifndef TX_ARM_DSP_FC_WIDE_H
#define TX_ARM_DSP_FC_WIDE_H

/* Words of a widened row of n inputs. */
#define TX_FC_WIDE_ROW_WORDS(n) ((n) / 2 + 4)

/* The state of the loops, word offsets fixed by their assembly. */
typedef struct {
    const int8_t *x;       /*  0: the input row */
    const int8_t *x_end;   /*  4: x + n */
    const int32_t *rows;   /*  8: the first output's row */
    int32_t stride;        /* 12: bytes per row */
    int8_t *out;           /* 16: (advances) */
    const int8_t *out_end; /* 20: after the last output of the loop (pairs: an even count; rows
                            *     of eight: a multiple of four) */
    int32_t off2;          /* 24: the input offset in both halfwords */
} fc_wide_state;

/* Eight inputs for two rows: one LDRD of the int8 inputs (word-aligned: the caller checks), four
 * SXTAB16 adding the offset, then per row one LDM of its eight widened weights and four SMLAD. */
#define TX_FC_WIDE_STEP \
    "ldrd   r5, r7, [r0], #8\n\t" \
    "sxtab16 r4, r3, r5\n\t" \
    "sxtab16 r5, r3, r5, ror #8\n\t" \
    "sxtab16 r6, r3, r7\n\t" \
    "sxtab16 r7, r3, r7, ror #8\n\t" \
    "ldm    r1!, {r8-r11}\n\t" \
    "smlad  r12, r4, r8, r12\n\t" \
    "smlad  r12, r5, r9, r12\n\t" \
    "smlad  r12, r6, r10, r12\n\t" \
    "smlad  r12, r7, r11, r12\n\t" \
    "ldm    r2!, {r8-r11}\n\t" \
    "smlad  lr, r4, r8, lr\n\t" \
    "smlad  lr, r5, r9, lr\n\t" \
    "smlad  lr, r6, r10, lr\n\t" \
    "smlad  lr, r7, r11, lr\n\t"

/* Output stage 1 of tx_arm_dsp_requant.h from the row's m, C, k in r4-r6: SMMLA, ASR, SSAT. */
#define TX_FC_WIDE_OUT(acc) \
    "smmla  " acc ", " acc ", r4, r5\n\t" \
    "asr    " acc ", " acc ", r6\n\t" \
    "ssat   " acc ", #8, " acc "\n\t"

/*
 * Two rows at a time for rows of a multiple of 32 inputs (word-aligned), the inputs read once per
 * pair and not expanded to memory: 16 MACs in 15 instructions, unrolled four times, the loop
 * ending when the input pointer reaches x_end. Then both outputs stored as bytes, unclamped (the
 * caller clamps). The state's fields live on the stack: [sp] st, then x, x_end, stride, out,
 * out_end; st->out is left after the last output.
 */
__attribute__((naked)) static void fc_wide_pairs(fc_wide_state *st __attribute__((unused)))
{
    __asm__(
        "push   {r4-r11, lr}\n\t"
        "ldm    r0, {r4-r10}\n\t"
        "push   {r0, r4, r5, r7, r8, r9}\n\t"
        "mov    r1, r6\n\t"
        "mov    r3, r10\n"
        "5:\n\t"
        "ldr    r0, [sp, #4]\n\t"
        "ldr    r2, [sp, #12]\n\t"
        "add    r2, r1, r2\n\t"
        "ldr    r12, [r1], #4\n\t"
        "ldr    lr, [r2], #4\n"
        "1:\n\t"
        TX_FC_WIDE_STEP
        TX_FC_WIDE_STEP
        TX_FC_WIDE_STEP
        TX_FC_WIDE_STEP
        "ldr    r4, [sp, #8]\n\t"
        "cmp    r0, r4\n\t"
        "bne    1b\n\t"
        "ldm    r1, {r4-r6}\n\t"
        TX_FC_WIDE_OUT("r12")
        "ldm    r2!, {r4-r6}\n\t"
        TX_FC_WIDE_OUT("lr")
        "ldr    r5, [sp, #16]\n\t"
        "strb   r12, [r5], #1\n\t"
        "strb   lr, [r5], #1\n\t"
        "str    r5, [sp, #16]\n\t"
        "ldr    r6, [sp, #20]\n\t"
        "mov    r1, r2\n\t"
        "cmp    r5, r6\n\t"
        "bne    5b\n\t"
        "ldr    r0, [sp]\n\t"
        "str    r5, [r0, #16]\n\t"
        "add    sp, sp, #24\n\t"
        "pop    {r4-r11, pc}");
}

/* One output of a row of eight: LDM of its bias, eight widened weights, m, C and k; four SMLAD
 * with the inputs in r0-r3; the output stage; a byte stored. */
#define TX_FC_WIDE8_OUT \
    "ldm    lr!, {r4-r11}\n\t" \
    "smlad  r4, r0, r5, r4\n\t" \
    "smlad  r4, r1, r6, r4\n\t" \
    "smlad  r4, r2, r7, r4\n\t" \
    "smlad  r4, r3, r8, r4\n\t" \
    "smmla  r4, r4, r9, r10\n\t" \
    "asr    r4, r4, r11\n\t" \
    "ssat   r4, #8, r4\n\t" \
    "strb   r4, [r12], #1\n\t"

/*
 * Rows of exactly eight inputs: the inputs expanded once into r0-r3 for the whole call, then
 * 8 MACs in 9 instructions per output (one LDM of the whole 32-byte row), unrolled four times,
 * ending when the output pointer reaches out_end (at [sp, #4]; st->out left there); unclamped
 * (the caller clamps). st lives at [sp].
 */
__attribute__((naked)) static void fc_wide8(fc_wide_state *st __attribute__((unused)))
{
    __asm__(
        "push   {r4-r11, lr}\n\t"
        "ldr    r1, [r0, #20]\n\t"
        "push   {r0, r1}\n\t"
        "ldr    r12, [r0, #16]\n\t"
        "ldr    lr, [r0, #8]\n\t"
        "ldr    r3, [r0, #24]\n\t"
        "ldr    r2, [r0]\n\t"
        "ldr    r5, [r2]\n\t"
        "ldr    r7, [r2, #4]\n\t"
        "sxtab16 r0, r3, r5\n\t"
        "sxtab16 r1, r3, r5, ror #8\n\t"
        "sxtab16 r2, r3, r7\n\t"
        "sxtab16 r3, r3, r7, ror #8\n"
        "1:\n\t"
        TX_FC_WIDE8_OUT
        TX_FC_WIDE8_OUT
        TX_FC_WIDE8_OUT
        TX_FC_WIDE8_OUT
        "ldr    r4, [sp, #4]\n\t"
        "cmp    r12, r4\n\t"
        "bne    1b\n\t"
        "ldr    r4, [sp]\n\t"
        "str    r12, [r4, #16]\n\t"
        "add    sp, sp, #8\n\t"
        "pop    {r4-r11, pc}");
}

#endif /* TX_ARM_DSP_FC_WIDE_H */
