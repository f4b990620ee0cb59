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
/* The int16 values lo, hi as one word, lo in the low half (an SMLAD operand): one PKHBT. */
static int32_t pack16(int32_t lo, int32_t hi)
{
    int32_t r;
    __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(r) : "r"(lo), "r"(hi));
    return r;
}

/* n taps of w (n a multiple of 4) as int16 pairs in SMLAD order: per four taps w0..w3 the words
 * (w0, w2), (w1, w3), which match the expanded inputs of the column buffer; returns r past them. */
__attribute__((noinline)) static int32_t *widen_filter(int32_t *r, const int8_t *w, int32_t n)
{
    int32_t g;
    for (g = 0; g < n; g += 4) {
        *r++ = pack16(w[g], w[g + 2]);
        *r++ = pack16(w[g + 1], w[g + 3]);
    }
    return r;
}

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
    uintptr_t channel;     /* 52: the running variant's channel start, where the output stage
                                  returns (tx_conv_blocks1x4_channel...) */
    uintptr_t stage;       /* 56: the output stage, tx_conv_blocks_tail or (clamp)
                                  tx_conv_blocks_tail_clamped */
    uintptr_t stores;      /* 60: where the wide stage goes on, tx_conv_blocks_stores or
                                  (clamp) tx_conv_blocks_stores_clamped */
} blocks_state;

/* The entries of the blocks' shared output stage (asm below): Thumb code addresses for LDR PC. */
void tx_conv_blocks_tail(void);
void tx_conv_blocks1x1_channel(void);
void tx_conv_blocks_tail_clamped(void);
void tx_conv_blocks_stores(void);
void tx_conv_blocks_stores_clamped(void);
/* The channel starts of the variants (their asm, below), for st->channel. */
void tx_conv_blocks1x4_channel(void);
void tx_conv_blocks1x4_widened_channel(void);
void tx_conv_blocks1x4_partial_channel(void);

/* st->stage and st->stores for an activation range narrower than int8 (clamp) or not: chosen
 * once per call, so that no channel tests the clamp. */
static void blocks_stage(blocks_state *st, int32_t clamp)
{
    st->stage = clamp != 0 ? (uintptr_t)tx_conv_blocks_tail_clamped
                           : (uintptr_t)tx_conv_blocks_tail;
    st->stores = clamp != 0 ? (uintptr_t)tx_conv_blocks_stores_clamped
                            : (uintptr_t)tx_conv_blocks_stores;
}

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

/* A group's filter taps w0..w3 as int16 pairs (w0, w2) in r3 and (w1, w3) in r12: from a filter
 * word (post-incremented) and its halves, or (TX_CONV_LOAD_WIDENED) from two words of a filter
 * widened before the call. */
#define TX_CONV_LOAD_BYTES \
    "ldr    r12, [r1], #4\n\t" \
    "sxtb16 r3, r12\n\t" \
    "sxtb16 r12, r12, ror #8\n\t"
#define TX_CONV_LOAD_WIDENED \
    "ldrd   r3, r12, [r1], #8\n\t"

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
 * first); `next_filter` steps the filter pointer over the partial group's bytes. From the output
 * stage on the variants share one copy (tx_conv_blocks_tail, through st->stage), which returns to
 * st->channel, the variant's channel start (the global label `channel`). The filter pointer (r1)
 * and the state (r3) stay in registers from one channel to the next. Naked functions (below):
 * the loop needs 13 registers besides the state, more than GCC gives an asm statement; st lives
 * at [sp].
 * Registers: r0 column, r1 filter, r2 count, r3 / r12 the filter word's halves, r4-r7 the
 * accumulators of pixels A-D, r8-r11 two pixels' inputs, lr the next bias, then scratch.
 */
#define TX_BLOCKS1X4_ASM(channel, load, partial, next_filter) \
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
        "ldr    lr, [r3, #44]\n\t" \
        ".global " channel "\n\t" \
        ".hidden " channel "\n\t" \
        ".type " channel ", %function\n\t" \
        ".thumb_func\n" \
        channel ":\n\t" \
        "ldm    r3, {r0, r2}\n\t" \
        load \
        TX_CONV_GROUP_MACS("lr", "lr", "lr", "lr") \
        /* the other full - 1 groups: (full >> 1) passes */ \
        "ldr    r12, [sp, #4]\n\t" \
        "bx     r12\n" \
        "1:\n\t" \
        load \
        TX_CONV_GROUP_MACS("r4", "r5", "r6", "r7") \
        "2:\n\t" \
        load \
        TX_CONV_GROUP_MACS("r4", "r5", "r6", "r7") \
        "subs   r2, r2, #1\n\t" \
        "bne    1b\n" \
        "7:\n\t" \
        "ldr    r3, [sp]\n\t" \
        "ldr    r12, [r3, #8]\n\t" \
        partial \
        next_filter \
        "ldr    pc, [r3, #56]"

/* Stage 1 of tx_arm_dsp_requant.h on the four accumulators (asm text): r8 the multiplier, r9 = k,
 * r10 = C. */
#define TX_CONV_STAGE \
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
        "ssat   r7, #8, r7\n\t"

/*
 * The output stages and the channel loop's end that every blocks1x4 variant jumps to (through
 * st->stage), once in the image (their own section, which the linker drops when no variant is
 * linked): the channel's table entry (and the next bias), SMMLA + ASR + SSAT (or the wide stage),
 * the four byte stores (packed and clamped in tx_conv_blocks_tail_clamped), then back to the
 * variant's channel start (st->channel) or return. Two entries, chosen once per call, so that no
 * channel tests st->clamp. In: r3 the state, r12 its table entry, r4-r7 the accumulators, r1 the
 * next channel's filter; the frame of TX_BLOCKS1X4_ASM.
 */
__asm__(".pushsection .text.tx_conv_blocks_tail,\"ax\",%progbits\n\t"
        ".syntax unified\n\t"
        ".thumb\n\t"
        ".p2align 1\n\t"
        ".global tx_conv_blocks_tail\n\t"
        ".global tx_conv_blocks_tail_clamped\n\t"
        ".global tx_conv_blocks_stores\n\t"
        ".global tx_conv_blocks_stores_clamped\n\t"
        ".hidden tx_conv_blocks_tail\n\t"
        ".hidden tx_conv_blocks_tail_clamped\n\t"
        ".hidden tx_conv_blocks_stores\n\t"
        ".hidden tx_conv_blocks_stores_clamped\n\t"
        ".type tx_conv_blocks_tail, %function\n\t"
        ".type tx_conv_blocks_tail_clamped, %function\n\t"
        ".type tx_conv_blocks_stores, %function\n\t"
        ".type tx_conv_blocks_stores_clamped, %function\n\t"
        ".thumb_func\n"
        "tx_conv_blocks_tail:\n\t"
        "ldm    r12!, {r8, r9, r10, r11, lr}\n\t"
        "str    r12, [r3, #8]\n\t"
        "cmp    r9, #0\n\t"
        "ble    9f\n\t"
        TX_CONV_STAGE
        ".thumb_func\n"
        "tx_conv_blocks_stores:\n\t"
        "ldrd   r0, r2, [r3, #12]\n\t"
        "strb   r4, [r0]\n\t"
        "strb   r5, [r0, r2]\n\t"
        "add    r11, r0, r2, lsl #1\n\t"
        "strb   r6, [r11]\n\t"
        "strb   r7, [r11, r2]\n"
        "4:\n\t"
        "adds   r0, r0, #1\n\t"
        "str    r0, [r3, #12]\n\t"
        "ldr    r2, [r3, #20]\n\t"
        "cmp    r0, r2\n\t"
        "it     ne\n\t"
        "ldrne  pc, [r3, #52]\n\t"
        "pop    {r0, r1, r4-r11, pc}\n\t"
        ".thumb_func\n"
        "tx_conv_blocks_tail_clamped:\n\t"
        "ldm    r12!, {r8, r9, r10, r11, lr}\n\t"
        "str    r12, [r3, #8]\n\t"
        "cmp    r9, #0\n\t"
        "ble    9f\n\t"
        TX_CONV_STAGE
        "b      6f\n"
        /* output stage 3 (k = r9 <= 0) of either entry: r0 = N = 32 + k, r2 = 32 - N,
         * r11 = 2^(N-1); then the stores of the entry (st->stores) */
        "9:\n\t"
        "add    r0, r9, #32\n\t"
        "rsb    r2, r9, #0\n\t"
        "mov    r11, #0x80000000\n\t"
        "lsr    r11, r11, r2\n\t"
        TX_CONV_WIDE_STAGE("r4")
        TX_CONV_WIDE_STAGE("r5")
        TX_CONV_WIDE_STAGE("r6")
        TX_CONV_WIDE_STAGE("r7")
        "ldr    pc, [r3, #60]\n\t"
        ".thumb_func\n"
        "tx_conv_blocks_stores_clamped:\n"
        "6:\n\t"
        "bfi    r4, r5, #8, #8\n\t"
        "bfi    r4, r6, #16, #8\n\t"
        "bfi    r4, r7, #24, #8\n\t"
        "ldrd   r8, r9, [r3, #32]\n\t"
        "ldrd   r0, r2, [r3, #12]\n\t"
        "ssub8  r11, r4, r8\n\t"
        "sel    r4, r4, r8\n\t"
        "ssub8  r11, r4, r9\n\t"
        "sel    r4, r9, r4\n\t"
        "strb   r4, [r0]\n\t"
        "lsrs   r4, r4, #8\n\t"
        "strb   r4, [r0, r2]\n\t"
        "add    r11, r0, r2, lsl #1\n\t"
        "lsrs   r4, r4, #8\n\t"
        "strb   r4, [r11]\n\t"
        "lsrs   r4, r4, #8\n\t"
        "strb   r4, [r11, r2]\n\t"
        "b      4b\n\t"
        ".size tx_conv_blocks_tail, .-tx_conv_blocks_tail\n\t"
        ".popsection");

/* K a multiple of 4: whole groups only. */
TX_ASM_ADR_FUNCTION static void blocks1x4(blocks_state *st __attribute__((unused)))
{
    __asm__(TX_BLOCKS1X4_ASM("tx_conv_blocks1x4_channel", TX_CONV_LOAD_BYTES, "", ""));
}

/* blocks1x4 over a filter widened to int16 pairs (widen_filter): two instructions fewer per group
 * and channel, for the 9x3 windows (3x3 RGB first layers, whose few output channels leave the
 * group loop most of the work). */
TX_ASM_ADR_FUNCTION static void blocks1x4_widened(blocks_state *st __attribute__((unused)))
{
    __asm__(TX_BLOCKS1X4_ASM("tx_conv_blocks1x4_widened_channel", TX_CONV_LOAD_WIDENED, "", ""));
}

#if TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL
/*
 * One output pixel (pixel A's slots of the column buffer) times every output channel, for a
 * pointwise layer's last block when it holds one pixel: a block of four spends the same on its
 * three zero pixels (0.9 instructions per MAC of four pixels is 3.6 per MAC of one). Per channel
 * and group of taps: one LDR of four filter bytes (the filter need not be word-aligned), one LDRD
 * of the pixel's expanded inputs, two SXTB16 and two SMLAD (4 MACs in 8 instructions with the
 * loop), starting from the bias (lr); then the blocks' shared output stage (st->stage) with
 * pixels B-D copies of A, so that with st->out_c 0 its four stores put the same byte in one
 * place. Same frame and registers as TX_BLOCKS1X4_ASM; r2 counts st->full.
 */
__attribute__((naked)) static void blocks1x1(blocks_state *st __attribute__((unused)))
{
    __asm__("push   {r0, r1, r4-r11, lr}\n\t"
            "mov    r3, r0\n\t"
            "ldr    r1, [r3, #40]\n\t"
            "ldr    lr, [r3, #44]\n\t"
            ".global tx_conv_blocks1x1_channel\n\t"
            ".hidden tx_conv_blocks1x1_channel\n\t"
            ".type tx_conv_blocks1x1_channel, %function\n\t"
            ".thumb_func\n"
            "tx_conv_blocks1x1_channel:\n\t"
            "ldr    r0, [r3]\n\t"
            "ldr    r2, [r3, #48]\n\t"
            "mov    r4, lr\n"
            "1:\n\t"
            "ldr    r10, [r1], #4\n\t"
            "ldrd   r8, r9, [r0], #32\n\t"
            "sxtb16 r12, r10\n\t"
            "sxtb16 r10, r10, ror #8\n\t"
            "smlad  r4, r8, r12, r4\n\t"
            "smlad  r4, r9, r10, r4\n\t"
            "subs   r2, r2, #1\n\t"
            "bne    1b\n\t"
            "mov    r5, r4\n\t"
            "mov    r6, r4\n\t"
            "mov    r7, r4\n\t"
            "ldr    r12, [r3, #8]\n\t"
            "ldr    pc, [r3, #56]");
}
#endif

/* K with a partial last group (its filter word in the table, zero-extended). */
TX_ASM_ADR_FUNCTION static void blocks1x4_partial(blocks_state *st __attribute__((unused)))
{
    __asm__(TX_BLOCKS1X4_ASM("tx_conv_blocks1x4_partial_channel", TX_CONV_LOAD_BYTES,
                             TX_CONV_PARTIAL, "ldr    r2, [r3, #24]\n\tadd    r1, r1, r2\n\t"));
}
#endif

#endif
