/*
 * The block kernels of the Cortex-M DSP tx_conv2d_s8's im2col path (tx_arm_dsp_conv2d_im2col.h):
 * four output pixels times every output channel, in assembly, with the output stage; the state
 * they share with the C driver and the channel table's layout. Included only by
 * tx_arm_dsp_conv2d_im2col.h, inside the kernel's __ARM_FEATURE_DSP section.
 */
#ifndef TX_ARM_DSP_CONV2D_BLOCKS_H
#define TX_ARM_DSP_CONV2D_BLOCKS_H


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

#if defined(__thumb2__)
/* The state of blocks1x4, word offsets fixed by its assembly. */
typedef struct {
    const int32_t *col;    /*  0: the column buffer, four pixels */
    int32_t passes;        /*  4: full >> 1: passes of the unrolled pair after the first group */
    const int32_t *tab;    /*  8: the channel's entry of the channel table (advances) */
    int8_t *out;           /* 12: pixel A's output of the channel (advances); B, C, D follow
                                  out_c apart */
    int32_t out_c;         /* 16 */
    const int8_t *out_end; /* 20: out after the last channel */
    int32_t tail_bytes;    /* 24: k - 4 * full: from the end of a filter's whole groups to the
                                  next filter */
    int32_t clamp;         /* 28: act range narrower than int8 */
    uint32_t lo4;          /* 32: act_min in every byte */
    uint32_t hi4;          /* 36: act_max in every byte */
    const int8_t *w;       /* 40: the first channel's filter */
    int32_t bias0;         /* 44: the first channel's bias */
    int32_t full;          /* 48: whole groups, >= 1 */
} blocks_state;

/* Words per channel in the channel table: the multiplier, k = -1 - shift and
 * C = (2 zp + 1) * 2^(k-1) (output stage 1 of tx_arm_dsp_requant.h; for a shift that needs stage
 * 3, k <= 0 and the zero point instead of C), the partial group's filter word (0 when none) and
 * the NEXT channel's bias (0 after the last): one LDM then leaves the bias in a register for the
 * next channel's first group. */
#define TX_CONV_TAB_WORDS 5

/* Channels per channel table (20 bytes each on the stack). */
#define TX_CONV_CHUNK 64

/* Two SXTB16 halves (r3, r12) of a filter word times one group of the four pixels' expanded
 * inputs (two LDM): eight SMLAD adding to r4-r7 (asm text). */
#define TX_CONV_GROUP_MACS(ra, rb, rc, rd) \
    "ldm    r0!, {r8-r11}\n\t" \
    "smlad  r4, r8, r3, " ra "\n\t" \
    "smlad  r4, r9, r12, r4\n\t" \
    "smlad  r5, r10, r3, " rb "\n\t" \
    "smlad  r5, r11, r12, r5\n\t" \
    "ldm    r0!, {r8-r11}\n\t" \
    "smlad  r6, r8, r3, " rc "\n\t" \
    "smlad  r6, r9, r12, r6\n\t" \
    "smlad  r7, r10, r3, " rd "\n\t" \
    "smlad  r7, r11, r12, r7\n\t"

/* One group: the filter word (post-incremented), its halves and the eight SMLAD into r4-r7. */
#define TX_CONV_GROUP \
    "ldr    r12, [r1], #4\n\t" \
    "sxtb16 r3, r12\n\t" \
    "sxtb16 r12, r12, ror #8\n\t" \
    TX_CONV_GROUP_MACS("r4", "r5", "r6", "r7")

/* The partial group of blocks1x4_partial: its filter word from the table entry (r12). */
#define TX_CONV_PARTIAL \
    "ldr    lr, [r12, #12]\n\t" \
    "ldm    r0!, {r8-r11}\n\t" \
    "sxtb16 r2, lr\n\t" \
    "sxtb16 lr, lr, ror #8\n\t" \
    "smlad  r4, r8, r2, r4\n\t" \
    "smlad  r4, r9, lr, r4\n\t" \
    "smlad  r5, r10, r2, r5\n\t" \
    "smlad  r5, r11, lr, r5\n\t" \
    "ldm    r0!, {r8-r11}\n\t" \
    "smlad  r6, r8, r2, r6\n\t" \
    "smlad  r6, r9, lr, r6\n\t" \
    "smlad  r7, r10, r2, r7\n\t" \
    "smlad  r7, r11, lr, r7\n\t"

/* Output stage 3 of tx_arm_dsp_requant.h for the accumulator acc (r8 the multiplier, r10 the
 * zero point, r0 = N, r2 = 32 - N, r11 = 2^(N-1); r12 scratch), ending with SSAT like stage 1. */
#define TX_CONV_WIDE_STAGE(acc) \
    "smull  r12, " acc ", " acc ", r8\n\t" \
    "adds   r12, r12, r11\n\t" \
    "adc    " acc ", " acc ", #0\n\t" \
    "lsr    r12, r12, r0\n\t" \
    "lsl    " acc ", " acc ", r2\n\t" \
    "orr    " acc ", " acc ", r12\n\t" \
    "add    " acc ", " acc ", r10\n\t" \
    "ssat   " acc ", #8, " acc "\n\t"

/*
 * Four output pixels (the column buffer) times every output channel, with the output stage.
 * Per channel and group of four taps: one filter word load, two SXTB16, two LDM of the four
 * pixels' expanded inputs and eight SMLAD (16 MACs in 13 instructions); the first group adds to
 * the bias (lr, from the previous channel's table entry) instead of copying it into four
 * accumulators, the others run unrolled twice (an odd count entering at the second half); then
 * `partial` (the partial group, or nothing); then SMMLA + ASR + SSAT (or, for a channel whose
 * shift needs it, the wide stage: TX_CONV_WIDE_STAGE) and four byte stores,
 * out_c apart (when st->clamp the four bytes are packed with BFI and clamped with SSUB8/SEL
 * first); `next_filter` steps the filter pointer over the partial group's bytes. The filter
 * pointer (r1) and the state (r3) stay in registers from one channel to the next. Naked
 * functions (below): the loop needs 13 registers besides the state, more than GCC gives an asm
 * statement; st lives at [sp].
 * Registers: r0 column, r1 filter, r2 count, r3 / r12 the filter word's halves, r4-r7 the
 * accumulators of pixels A-D, r8-r11 two pixels' inputs, lr the next bias, then scratch.
 */
#define TX_BLOCKS1X4_ASM(partial, next_filter) \
        "push   {r0, r1, r4-r11, lr}\n\t" \
        "mov    r3, r0\n\t" \
        /* where the other full - 1 groups start, at [sp, #4]: nowhere when full is 1, else \
         * the second half of the unrolled pair when full - 1 is odd */ \
        "ldr    r2, [r3, #48]\n\t" \
        "adr.w  r12, 7f\n\t" \
        "cmp    r2, #1\n\t" \
        "beq    8f\n\t" \
        "adr.w  r12, 1f\n\t" \
        "tst    r2, #1\n\t" \
        "bne    8f\n\t" \
        "adr.w  r12, 2f\n" \
        "8:\n\t" \
        "orr    r12, r12, #1\n\t" \
        "str    r12, [sp, #4]\n\t" \
        "ldr    r1, [r3, #40]\n\t" \
        "ldr    lr, [r3, #44]\n" \
        "5:\n\t" \
        "ldm    r3, {r0, r2}\n\t" \
        "ldr    r12, [r1], #4\n\t" \
        "sxtb16 r3, r12\n\t" \
        "sxtb16 r12, r12, ror #8\n\t" \
        TX_CONV_GROUP_MACS("lr", "lr", "lr", "lr") \
        /* the other full - 1 groups: (full >> 1) passes */ \
        "ldr    r12, [sp, #4]\n\t" \
        "bx     r12\n" \
        "1:\n\t" \
        TX_CONV_GROUP \
        "2:\n\t" \
        TX_CONV_GROUP \
        "subs   r2, r2, #1\n\t" \
        "bne    1b\n" \
        "7:\n\t" \
        "ldr    r3, [sp]\n\t" \
        "ldr    r12, [r3, #8]\n\t" \
        partial \
        /* the table entry (and the next bias); the output stage */ \
        "ldm    r12!, {r8, r9, r10, r11, lr}\n\t" \
        "str    r12, [r3, #8]\n\t" \
        "cmp    r9, #0\n\t" \
        "ble    9f\n\t" \
        "smmla  r4, r4, r8, r10\n\t" \
        "smmla  r5, r5, r8, r10\n\t" \
        "smmla  r6, r6, r8, r10\n\t" \
        "smmla  r7, r7, r8, r10\n\t" \
        "asr    r4, r4, r9\n\t" \
        "asr    r5, r5, r9\n\t" \
        "asr    r6, r6, r9\n\t" \
        "asr    r7, r7, r9\n\t" \
        "ssat   r4, #8, r4\n\t" \
        "ssat   r5, #8, r5\n\t" \
        "ssat   r6, #8, r6\n\t" \
        "ssat   r7, #8, r7\n" \
        "3:\n\t" \
        "ldr    r0, [r3, #28]\n\t" \
        "cbnz   r0, 6f\n\t" \
        "ldrd   r0, r2, [r3, #12]\n\t" \
        "strb   r4, [r0]\n\t" \
        "strb   r5, [r0, r2]\n\t" \
        "add    r11, r0, r2, lsl #1\n\t" \
        "strb   r6, [r11]\n\t" \
        "strb   r7, [r11, r2]\n" \
        "4:\n\t" \
        "adds   r0, r0, #1\n\t" \
        "str    r0, [r3, #12]\n\t" \
        next_filter \
        "ldr    r2, [r3, #20]\n\t" \
        "cmp    r0, r2\n\t" \
        "bne    5b\n\t" \
        "pop    {r0, r1, r4-r11, pc}\n" \
        "6:\n\t" \
        "bfi    r4, r5, #8, #8\n\t" \
        "bfi    r4, r6, #16, #8\n\t" \
        "bfi    r4, r7, #24, #8\n\t" \
        "ldrd   r8, r9, [r3, #32]\n\t" \
        "ldrd   r0, r2, [r3, #12]\n\t" \
        "ssub8  r11, r4, r8\n\t" \
        "sel    r4, r4, r8\n\t" \
        "ssub8  r11, r4, r9\n\t" \
        "sel    r4, r9, r4\n\t" \
        "strb   r4, [r0]\n\t" \
        "lsrs   r4, r4, #8\n\t" \
        "strb   r4, [r0, r2]\n\t" \
        "add    r11, r0, r2, lsl #1\n\t" \
        "lsrs   r4, r4, #8\n\t" \
        "strb   r4, [r11]\n\t" \
        "lsrs   r4, r4, #8\n\t" \
        "strb   r4, [r11, r2]\n\t" \
        "b      4b\n" \
        /* output stage 3 (k = r9 <= 0): r0 = N = 32 + k, r2 = 32 - N, r11 = 2^(N-1) */ \
        "9:\n\t" \
        "add    r0, r9, #32\n\t" \
        "rsb    r2, r9, #0\n\t" \
        "mov    r11, #0x80000000\n\t" \
        "lsr    r11, r11, r2\n\t" \
        TX_CONV_WIDE_STAGE("r4") \
        TX_CONV_WIDE_STAGE("r5") \
        TX_CONV_WIDE_STAGE("r6") \
        TX_CONV_WIDE_STAGE("r7") \
        "b      3b"

/* K a multiple of 4: whole groups only. */
__attribute__((naked)) static void blocks1x4(blocks_state *st __attribute__((unused)))
{
    __asm__(TX_BLOCKS1X4_ASM("", ""));
}

/* K with a partial last group (its filter word in the table, zero-extended). */
__attribute__((naked)) static void blocks1x4_partial(blocks_state *st __attribute__((unused)))
{
    __asm__(TX_BLOCKS1X4_ASM(TX_CONV_PARTIAL, "ldr    r2, [r3, #24]\n\tadd    r1, r1, r2\n\t"));
}
#endif

#endif
