/*
 * Cortex-M DSP-extension variant of tx_fully_connected_s8 (same name, signature and bits as
 * runtime-c/src/tx_fully_connected_s8.c; see tx_arm_dsp.h for why the SMLAD sums are
 * bit-exact). When in_features is a multiple of 4 (at most 1024), each input row is expanded
 * once to int16 on the stack and asm blocks of outputs make passes over it, each ending in the
 * 32-bit output stage of tx_arm_dsp_requant.h:
 *   - rows of whole groups of eight from 16 inputs: fc_blocks3, three outputs per pass (1.17
 *     instructions per MAC in the loop), the last one or two groups of four outputs (when
 *     out % 3 is 1 or 2) in fc_blocks4;
 *   - rows of exactly eight inputs: fc_blocks4x8, the inputs in registers for the whole call;
 *   - other multiples of 4: fc_blocks4, four outputs per pass (1.31 per MAC in the loop).
 * The outputs after the last block, and blocks with a shift outside [-17, -2], are computed from
 * the same expanded row in C, the shifts outside with the exact 64-bit requantization. Other
 * shapes take two output features at a time sharing each load of four inputs. Without
 * __ARM_FEATURE_DSP it is the reference loop.
 *
 * Why small layers stay above 1.5 instructions per MAC on cortex-m4 (counted by tenax bench, with
 * about 40 of its own per call): each int8 weight is read from flash once and must be widened
 * (SXTB16, two weights) and multiplied (SMLAD, two MACs), 1.0 per MAC before any load; LDRD of
 * eight weights adds 0.125 and the three-output pass's input LDM 0.04, so 1.17 per MAC is the
 * loop's floor with 14 registers (four outputs of eight inputs would need 15). Per output the
 * per-channel requantization the compiler's arrays call for costs about 9: load multiplier and
 * shift, u = -2 - shift, C = (2 zp + 1) << u, SMMLA, ASR, SSAT, the range check, pack and store.
 * Per call: the argument check (about 45), state setup (about 60), the row's expansion (1.5 per
 * input). Floors from these, against bench's numbers now:
 *   64->12 (KWS):  896 + 108 + 96 + ~150 = ~1250, 1.63 per MAC; now 1.9-2.0 (blocks of three: about
 *                  25 per block for the loop's entry and the state's pointers)
 *   64->10 (ResNet-8): 747 + 90 + 96 + ~150 = ~1080, 1.69; now 2.1-2.2
 *   128->8 (autoencoder): 1.17 * 1024 + 72 + 192 + ~150 = ~1610, 1.57; now ~1.9 (two blocks of
 *                  four: 1.31 per MAC in the loop)
 *   8->128 (autoencoder): per output 9 for its 8 MACs (4 SXTB16, 4 SMLAD, a half LDRD) plus 9 of
 *                  output stage: 18 / 8 = 2.25 at best; now 3.1-3.16. Even with one multiplier and
 *                  shift for the layer hoisted into registers (SMMLA, ASR, SSAT and a quarter of a
 *                  store per output) it would be (9 + 3.25) / 8 = 1.53: a row of 8 inputs cannot
 *                  reach 1.5.
 * TODO: the remaining levers, each needing more than this file: the compiler telling the kernel
 * that a layer's scale is per-tensor (its arrays repeat one multiplier and shift; checking that at
 * run time costs about as much as it saves) would take the output stage from ~9 to ~3.5 per
 * output; an asm driver for the whole call would remove most of the ~150 of C setup and the
 * blocks' pointer bookkeeping (~25 per block).
 */
#include "tx_fully_connected_s8_body.h"

#include "tx_arm_dsp.h"
#include "tx_arm_dsp_paths.h"
#include "tx_arm_dsp_requant.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

int32_t tx_fully_connected_s8_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
    (void)in_shape;
    (void)out_shape;
    return 0;
}

#if defined(__ARM_FEATURE_DSP)
/* a * b when it is at most INT32_MAX, else 0 (never a product of two factors in [1, INT32_MAX]).
 * One UMULL and a test of the high word and the sign: tx_mul_s32_fits's portable form (no 64-bit
 * multiply, for the MSP430) costs about 25 instructions per factor here. */
static uint32_t fc_mul_fits(uint32_t a, uint32_t b)
{
    const uint64_t product = (uint64_t)a * b;
    return product <= (uint64_t)INT32_MAX ? (uint32_t)product : 0u;
}

/* tx_fully_connected_s8_valid (the same conditions, tx_shape4_valid's included) at about a third
 * of its cost, which matters on layers of a few hundred MACs; *in_features = h * w * c. */
static int fc_args_valid(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const int8_t *weights, const tx_shape4 *out_shape,
                         const int8_t *out, int32_t *in_features)
{
    uint32_t features;
    if (p == 0 || in_shape == 0 || in == 0 || weights == 0 || out_shape == 0 || out == 0
        || p->multipliers == 0 || p->shifts == 0) {
        return 0;
    }
    if (in_shape->n <= 0 || in_shape->h <= 0 || in_shape->w <= 0 || in_shape->c <= 0) {
        return 0;
    }
    /* every factor is in [1, INT32_MAX], so a product that fits is never 0 and 0 stays 0 */
    features = fc_mul_fits((uint32_t)in_shape->h, (uint32_t)in_shape->w);
    features = fc_mul_fits(features, (uint32_t)in_shape->c);
    if (fc_mul_fits(features, (uint32_t)in_shape->n) == 0u) {
        return 0;
    }
    *in_features = (int32_t)features;
    return out_shape->n == in_shape->n && out_shape->h == 1 && out_shape->w == 1
        && out_shape->c > 0 && tx_output_s8_valid(p->output_offset, p->act_min, p->act_max);
}
#endif

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
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
__attribute__((naked)) static void fc_blocks4(fc_state *st __attribute__((unused)))
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
__attribute__((naked)) static void fc_blocks3(fc_state *st __attribute__((unused)))
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

/* The row's groups expanded (input offset added) into col, two words per group. */
static void expand_row(int32_t *col, const int8_t *x, int32_t groups, int32_t off2)
{
    int32_t t0, t1;
    __asm__ volatile("1:\n\t"
                     "ldr     %2, [%1], #4\n\t"
                     "sxtab16 %3, %5, %2\n\t"
                     "sxtab16 %2, %5, %2, ror #8\n\t"
                     "strd    %3, %2, [%0], #8\n\t"
                     "subs    %4, %4, #1\n\t"
                     "bne     1b"
                     : "+r"(col), "+r"(x), "=&r"(t0), "=&r"(t1), "+r"(groups)
                     : "r"(off2)
                     : "memory", "cc");
}

/* acc0 + the expanded row col (groups of four) times the int8 weights w0, acc1 likewise with
 * w1: each expanded input serves both. */
static void fc_col_dot2(const int32_t *col, const int8_t *w0, const int8_t *w1, int32_t groups,
                        int32_t *acc0, int32_t *acc1)
{
    int32_t a0 = *acc0;
    int32_t a1 = *acc1;
    int32_t g;
    for (g = 0; g < groups; g++) {
        const int32_t x02 = col[2 * g];
        const int32_t x13 = col[2 * g + 1];
        const int32_t wa = tx_dsp_load4(w0 + 4 * g);
        const int32_t wb = tx_dsp_load4(w1 + 4 * g);
        a0 = __smlad(x02, __sxtb16(wa), a0);
        a0 = __smlad(x13, tx_dsp_sxtb16_ror8(wa), a0);
        a1 = __smlad(x02, __sxtb16(wb), a1);
        a1 = __smlad(x13, tx_dsp_sxtb16_ror8(wb), a1);
    }
    *acc0 = a0;
    *acc1 = a1;
}

/* acc + the expanded row col (groups of four) times the int8 weights w. */
static int32_t fc_col_dot1(const int32_t *col, const int8_t *w, int32_t groups, int32_t acc)
{
    int32_t g;
    for (g = 0; g < groups; g++) {
        const int32_t wa = tx_dsp_load4(w + 4 * g);
        acc = __smlad(col[2 * g], __sxtb16(wa), acc);
        acc = __smlad(col[2 * g + 1], tx_dsp_sxtb16_ror8(wa), acc);
    }
    return acc;
}

/* Output o of acc: the 32-bit output stage of tx_arm_dsp_requant.h when its shift allows,
 * else tx_requantize_s8. */
static int8_t fc_requantize(const tx_fully_connected_s8_params *p, int32_t o, int32_t acc)
{
    const int32_t shift = p->shifts[o];
    if (tx_dsp_requant_out_ok(shift)) {
        const int32_t v = tx_asr_s32(
            tx_dsp_smmla(acc, p->multipliers[o], tx_dsp_requant_out_c(p->output_offset, shift)),
            tx_dsp_requant_out_k(shift));
        return (int8_t)tx_clamp_s32(v, p->act_min, p->act_max);
    }
    return tx_requantize_s8(acc, p->multipliers[o], shift, p->output_offset, p->act_min,
                            p->act_max);
}

/* Outputs [o, o_end) of one row from its expanded col, two at a time: the outputs after the last
 * block of four and the blocks fc_blocks4 hands back. */
static void fc_col_outputs(const tx_fully_connected_s8_params *p, const int32_t *col,
                           const int8_t *weights, const int32_t *bias, int32_t in_features,
                           int32_t o, int32_t o_end, int8_t *dst)
{
    const int32_t groups = in_features >> 2;
    for (; o + 1 < o_end; o += 2) {
        int32_t acc0 = bias != 0 ? bias[o] : INT32_C(0);
        int32_t acc1 = bias != 0 ? bias[o + 1] : INT32_C(0);
        fc_col_dot2(col, weights + (int64_t)o * in_features,
                    weights + (int64_t)(o + 1) * in_features, groups, &acc0, &acc1);
        dst[o] = fc_requantize(p, o, acc0);
        dst[o + 1] = fc_requantize(p, o + 1, acc1);
    }
    if (o < o_end) {
        dst[o] = fc_requantize(p, o, fc_col_dot1(col, weights + (int64_t)o * in_features, groups,
                                                 bias != 0 ? bias[o] : INT32_C(0)));
    }
}

/* Rows of exactly eight inputs, the weights word-aligned (LDRD): fc_blocks4x8. */
static int fc_blocks4x8_applies(int32_t in_features, const int8_t *weights)
{
    return in_features == 8 && ((uintptr_t)weights & 3u) == 0u;
}

/* Outputs [o, o_end) of one row in blocks of `block` (3: fc_blocks3, 4: fc_blocks4; o_end - o a
 * multiple of it), a block whose shifts the asm output stage does not take computed exactly by
 * fc_col_outputs; returns o_end. */
static int32_t fc_run_blocks(fc_state *st, const tx_fully_connected_s8_params *p,
                             const int32_t *col, const int8_t *weights, const int32_t *bias,
                             const int32_t *no_bias, int8_t *dst, int32_t o, int32_t o_end,
                             int32_t block)
{
    st->bias_step = bias != 0 ? 4 * block : 0;
    while (o < o_end) {
        st->w = weights + (int64_t)o * st->n;
        st->bias = bias != 0 ? bias + o : no_bias;
        st->mult = p->multipliers + o;
        st->shift = p->shifts + o;
        st->out = dst + o;
        st->out_end = dst + o_end;
        if (block == 3) {
            if (TX_FULLY_CONNECTED_S8_PATH_BLOCKS3) {
                fc_blocks3(st);
            }
        } else if (fc_blocks4x8_applies(st->n, weights)) {
            if (TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8) {
                fc_blocks4x8(st);
            }
        } else if (TX_FULLY_CONNECTED_S8_PATH_BLOCKS4) {
            fc_blocks4(st);
        }
        o = (int32_t)(st->out - dst);
        if (o < o_end) { /* a block outside the fast shifts */
            fc_col_outputs(p, col, weights, bias, st->n, o, o + block, dst);
            o += block;
        }
    }
    return o;
}
#endif

tx_status tx_fully_connected_s8(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                                const int8_t *in, const int8_t *weights, const int32_t *bias,
                                const tx_shape4 *out_shape, int8_t *out)
{
    int32_t batches;
    int32_t in_features;
    int32_t out_features;
    int32_t b;
    int32_t o = 0;
#if defined(__ARM_FEATURE_DSP)
    int32_t off2;
#else
    int32_t i;
#endif

#if defined(__ARM_FEATURE_DSP)
    if (!fc_args_valid(p, in_shape, in, weights, out_shape, out, &in_features)) {
        return TX_ERR_ARGUMENT;
    }
#else
    if (!tx_fully_connected_s8_valid(p, in_shape, in, weights, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    in_features = in_shape->h * in_shape->w * in_shape->c;
#endif
    batches = in_shape->n;
    out_features = out_shape->c;
#if defined(__ARM_FEATURE_DSP)
    off2 = tx_dsp_dup16(p->input_offset);
#endif
#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
    /* four outputs at a time over the expanded row: whole groups only (in_features a multiple
     * of 4); the outputs after the last block, and blocks whose shifts do not fit the 32-bit
     * output stage, are computed exactly from the same expanded row */
    if (in_features % 4 == 0 && in_features <= 4 * TX_FC_GROUPS) {
        const int32_t no_bias[4] = {0, 0, 0, 0};
        int32_t col[in_features >> 1];
        /* rows of whole groups of eight (at least two: one leaves too few MACs per block to pay
         * for a third of the outputs' blocks more) take three-output blocks, LDRD needing the
         * weights word-aligned (the compiler's arrays are); the last 4 or 8 outputs then go in
         * blocks of four when that leaves no remainder (out % 3 == 1 or 2) */
        const int use3 = in_features % 8 == 0 && in_features >= 16
            && ((uintptr_t)weights & 3u) == 0u;
        int32_t end3 = 0;
        int32_t end4 = out_features & ~3;
        fc_state st;
        if (use3) {
            /* out = 3 q + r: 3 (q - r) in threes and r blocks of four, or (out < 8) fours only */
            const int32_t q = out_features / 3;
            const int32_t r = out_features - 3 * q;
            if (4 * r <= out_features) {
                end3 = 3 * (q - r);
                end4 = out_features;
            }
        }
        /* the blocks this call runs must be compiled in (tx_arm_dsp_paths.h); fc_run_blocks ends
         * the threes at end3 */
        if (!TX_FULLY_CONNECTED_S8_PATH_ROW || (end3 > 0 && !TX_FULLY_CONNECTED_S8_PATH_BLOCKS3)
            || (end3 < end4 && !(fc_blocks4x8_applies(in_features, weights)
                                     ? TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8
                                     : TX_FULLY_CONNECTED_S8_PATH_BLOCKS4))) {
            return TX_ERR_ARGUMENT;
        }
        st.col = col;
        st.col_end = col + (in_features >> 1);
        st.n = in_features;
        st.groups = in_features >> 2;
        st.steps = in_features >> 3;
        st.passes = (st.groups + 3) >> 2;
        st.zp2p1 = 2 * p->output_offset + 1;
        st.clamp = p->act_min != -128 || p->act_max != 127;
        st.lo4 = ((uint32_t)p->act_min & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        st.hi4 = ((uint32_t)p->act_max & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        for (b = 0; b < batches; b++) {
            int8_t *dst = out + (int64_t)b * out_features;
            expand_row(col, in + (int64_t)b * in_features, in_features >> 2, off2);
            o = 0;
            if (end3 > 0) {
                o = fc_run_blocks(&st, p, col, weights, bias, no_bias, dst, 0, end3, 3);
            }
            if (o < end4) {
                o = fc_run_blocks(&st, p, col, weights, bias, no_bias, dst, o, end4, 4);
            }
            if (o < out_features) {
                fc_col_outputs(p, col, weights, bias, in_features, o, out_features, dst);
            }
        }
        return TX_OK;
    }
#endif
    for (b = 0; b < batches; b++) {
        const int8_t *row = in + (int64_t)b * in_features;
        int8_t *dst = out + (int64_t)b * out_features;
        o = 0;
#if defined(__ARM_FEATURE_DSP)
        if (!TX_FULLY_CONNECTED_S8_PATH_PAIRS) {
            return TX_ERR_ARGUMENT; /* a path this build left out (tx_arm_dsp_paths.h) */
        }
        for (; o + 1 < out_features; o += 2) {
            const int8_t *w0 = weights + (int64_t)o * in_features;
            int32_t acc0 = bias != 0 ? bias[o] : INT32_C(0);
            int32_t acc1 = bias != 0 ? bias[o + 1] : INT32_C(0);
            tx_dsp_dot2_s8(row, w0, w0 + in_features, in_features, p->input_offset, off2, &acc0,
                           &acc1);
            dst[o] = tx_requantize_s8(acc0, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
            dst[o + 1] = tx_requantize_s8(acc1, p->multipliers[o + 1], p->shifts[o + 1],
                                          p->output_offset, p->act_min, p->act_max);
        }
        if (o < out_features) {
            int32_t acc = bias != 0 ? bias[o] : INT32_C(0);
            acc = tx_dsp_dot1_s8(row, weights + (int64_t)o * in_features, in_features,
                                 p->input_offset, off2, acc);
            dst[o] = tx_requantize_s8(acc, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
        }
#else
        for (; o < out_features; o++) {
            const int8_t *w = weights + (int64_t)o * in_features;
            int32_t acc = bias != 0 ? bias[o] : INT32_C(0);
            for (i = 0; i < in_features; i++) {
                const int32_t x = (int32_t)row[i] + p->input_offset;
                acc = tx_add_wrap_s32(acc, x * (int32_t)w[i]);
            }
            dst[o] = tx_requantize_s8(acc, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
        }
#endif
    }
    return TX_OK;
}
