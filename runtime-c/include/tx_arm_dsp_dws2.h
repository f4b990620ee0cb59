/*
 * The 3x3 STRIDE-2 path of the Cortex-M DSP tx_depthwise_conv2d_s8
 * (runtime-c/arm-dsp/src/tx_depthwise_conv2d_s8.c): its channel kernel in assembly. It shares
 * the int16 planes, their expansion, the per-channel state and the output stage with the stride-1
 * path (tx_arm_dsp_dw3x3.h, read its comment first); tx_arm_dsp_dw_planar.h runs both. Static
 * functions, included only by that kernel, inside its __ARM_FEATURE_DSP section, after
 * tx_arm_dsp_dw3x3.h.
 *
 * With stride 2, output column j reads plane columns 2j, 2j+1, 2j+2: the word A = (x0, x1) at
 * column 2j is word aligned whatever j, and x2 is the bottom half of the next word C = (x2, x3).
 * A kernel row (w0, w1, w2) packed as W01 = (w0, w1) and w2 alone gives one output's row in two
 * multiplies, and the next column's from C and E = (x4, x5):
 *   left  = SMLAD(A, W01) + SMLABB(C, w2)
 *   right = SMLAD(C, W01) + SMLABB(E, w2)
 * so one LDRD (A, C) and one LDR (E) per input row serve two output columns. Output rows oy and
 * oy + 1 read input rows 2oy..2oy+2 and 2oy+2..2oy+4: a 2x2 block of outputs loads 5 input rows
 * (10 loads) for 36 MACs in 24 multiplies. The three w2 fit two registers (rows 0 and 1 in the
 * halves of one: SMLABB / SMLABT), so the weights take five registers and stay there for the
 * whole channel.
 *
 * Layout: a plane row is TX_DWS2_ROW = 14 halfwords (a tile of 6 output columns reads 13 input
 * columns, and the top of the word holding the 13th, never multiplied); as in dw3x3 the four
 * channels' rows of one input row are adjacent, so the next input row is TX_DWS2_STRIDE * 2 =
 * 112 bytes on, an immediate offset. A strip holds 8 output rows (17 plane rows, 1904 bytes).
 *
 * Where the instructions go, cortex-m4 (tenax bench), per output of one channel:
 *   2x2 blocks: 24 multiplies, 10 loads, 1 LDM of the bias, 14 of output stage (SMMLA, ASR, SSAT
 *   and their constants), 4 STRB and 3 of pointer steps, 3 of loop: 59 per 4 outputs, 14.75 per
 *   output (1.64 per MAC); the expansion into planes: a stride-2 output owns 4 input values, at
 *   about 2.1 instructions each (17 per two pixels of four channels), 8.5 per output (0.94 per
 *   MAC) — the part that stride 1 spreads over 9 outputs and stride 2 over 2.25. An odd last
 *   row takes 1x2 blocks, an odd last column 2x1 blocks, both about 16 per output. See
 *   tx_arm_dsp_dw_planar.h for the per-channel cost, which dominates the smallest planes.
 */
#ifndef TX_ARM_DSP_DWS2_H
#define TX_ARM_DSP_DWS2_H

/* Output columns per tile; a plane row holds its 2 * TX_DWS2_TILE + 1 input columns and the top
 * half of the last one's word. */
#define TX_DWS2_TILE 6
#define TX_DWS2_ROW 14
/* Halfwords from one plane row to the next (the four channels' rows of an input row). */
#define TX_DWS2_STRIDE (4 * TX_DWS2_ROW)
/* Plane rows: strips of up to (TX_DWS2_ROWS - 1) / 2 = 8 output rows (1904 bytes of stack). */
#define TX_DWS2_ROWS 17

/* The 3x3, stride 2, dilation 1, multiplier 1 shapes (any size and padding), and those of one
 * output row or column along which the stride does not matter (e.g. an average pool over a
 * whole 3x3 input lowered to a depthwise convolution of stride 3). */
static int dws2_applies(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *filter_shape,
                        const tx_shape4 *out_shape)
{
    return filter_shape->h == 3 && filter_shape->w == 3
        && (p->stride_h == 2 || out_shape->h == 1) && (p->stride_w == 2 || out_shape->w == 1)
        && p->dilation_h == 1 && p->dilation_w == 1 && p->channel_multiplier == 1;
}

#if defined(__thumb2__)
/* dw3_expand4 for plane rows of TX_DWS2_ROW halfwords (channel j's row 28 j bytes on). */
__attribute__((naked)) static void dws2_expand4(const int8_t *src __attribute__((unused)),
                                                int16_t *d __attribute__((unused)),
                                                const dw3_expand_args *a __attribute__((unused)))
{
    __asm__(TX_DW_EXPAND4("20", "48", "76", "24", "52", "80", "26", "54", "82", "28", "56", "84"));
}

/* One input row at plane row offset `off` (bytes; A, C in r8, r9, E in r10) ... */
#define TX_DWS2_LOAD3(off, off8) \
    "ldrd   r8, r9, [r12, #" off "]\n\t" \
    "ldr    r10, [r12, #" off8 "]\n\t"
/* ... times kernel row (W01 in wa, w2 in half h of wb) into the two outputs l, r of a row. */
#define TX_DWS2_ROW2(wa, wb, h, l, r) \
    "smlad  " l ", r8, " wa ", " l "\n\t" \
    "smlab" h " " l ", r9, " wb ", " l "\n\t" \
    "smlad  " r ", r9, " wa ", " r "\n\t" \
    "smlab" h " " r ", r10, " wb ", " r "\n\t"
/* The same for one output column (A, C in r8, r9). */
#define TX_DWS2_ROW1(wa, wb, h, l) \
    "smlad  " l ", r8, " wa ", " l "\n\t" \
    "smlab" h " " l ", r9, " wb ", " l "\n\t"
/* Kernel rows 0, 1, 2: W01 in r0, r1, r2; w2 in the bottom and top of r3, the bottom of r11. */
#define TX_DWS2_K0 "r0", "r3", "b"
#define TX_DWS2_K1 "r1", "r3", "t"
#define TX_DWS2_K2 "r2", "r11", "b"
#define TX_DWS2_ROW2_(k, l, r) TX_DWS2_ROW2(k, l, r)
#define TX_DWS2_ROW1_(k, l) TX_DWS2_ROW1(k, l)

/*
 * One channel's outputs of a strip and tile, going down its plane (q: the window of the top
 * left output, word aligned) column pair by column pair in 2x2 blocks (top and bottom rows share
 * input row 2 of the block), an odd last row in a 1x2 block, an odd last column in 2x1 blocks
 * and a 1x1 one; any of them may be empty. The state (dw3_state, the same fields and stack
 * frame as dw3_chan) holds the weights as w[0..2] = W01 of kernel rows 0..2, w[3] = (w2 of row
 * 0, w2 of row 1), w[4] = w2 of row 2. Registers: r0-r3, r11 the weights; r4-r7 the accumulators
 * (top left, top right, bottom left, bottom right; in 2x1 blocks r4, r5 top and bottom, r6, r7
 * the output row step and end); r8-r10 A, C, E; r12 q; lr the output.
 */
/* dws2_chan's weights: W01 of kernel rows 0, 1, 2 in r0, r1, r2; w2 of rows 0 and 1 in r3, of
 * row 2 in r11. */
#define TX_DWS2_PACK \
    "pkhbt  r0, r5, r6, lsl #16\n\t" \
    "pkhbt  r3, r7, r10, lsl #16\n\t" \
    "pkhbt  r6, r11, r1, lsl #16\n\t" \
    "pkhbt  r1, r8, r9, lsl #16\n\t" \
    "mov    r11, r2\n\t" \
    "mov    r2, r6\n"

#define TX_DWS2_CHAN(clamp4, clamp2, clamp1) \
    TX_DW_CHAN_HEAD(TX_DWS2_PACK) \
    "5:\n\t" \
    "ldr    r4, [sp, #28]\n\t" \
    "cmp    r4, #0\n\t" \
    "beq    6f\n\t" \
    "sub    r4, r4, #1\n\t" \
    "str    r4, [sp, #28]\n\t" \
    "ldr    r4, [sp, #44]\n\t" \
    "add    r4, lr, r4\n\t" \
    "str    r4, [sp, #40]\n\t" \
    "cmp    r4, lr\n\t" \
    "beq    2f\n" \
    "1:\n\t" \
    "ldm    sp, {r4-r7}\n\t" \
    TX_DWS2_LOAD3("0", "8") \
    TX_DWS2_ROW2_(TX_DWS2_K0, "r4", "r5") \
    TX_DWS2_LOAD3("112", "120") \
    TX_DWS2_ROW2_(TX_DWS2_K1, "r4", "r5") \
    TX_DWS2_LOAD3("224", "232") \
    TX_DWS2_ROW2_(TX_DWS2_K2, "r4", "r5") \
    TX_DWS2_ROW2_(TX_DWS2_K0, "r6", "r7") \
    TX_DWS2_LOAD3("336", "344") \
    TX_DWS2_ROW2_(TX_DWS2_K1, "r6", "r7") \
    "ldrd   r8, r9, [r12, #448]!\n\t" \
    "ldr    r10, [r12, #8]\n\t" \
    TX_DWS2_ROW2_(TX_DWS2_K2, "r6", "r7") \
    TX_DW3_MC TX_DW3_MUL("r4") TX_DW3_MUL("r5") TX_DW3_MUL("r6") TX_DW3_MUL("r7") \
    TX_DW3_K TX_DW3_SHIFT("r4") TX_DW3_SHIFT("r5") TX_DW3_SHIFT("r6") TX_DW3_SHIFT("r7") \
    clamp4 \
    "ldrd   r8, r9, [sp, #32]\n\t" \
    "strb   r5, [lr, r8]\n\t" \
    "strb   r4, [lr]\n\t" \
    "add    lr, lr, r9\n\t" \
    "strb   r7, [lr, r8]\n\t" \
    "strb   r6, [lr]\n\t" \
    "add    lr, lr, r9\n\t" \
    "ldr    r8, [sp, #40]\n\t" \
    "cmp    lr, r8\n\t" \
    "bne    1b\n" \
    "2:\n\t" \
    "ldr    r4, [sp, #56]\n\t" \
    "cmp    r4, #0\n\t" \
    "beq    3f\n\t" \
    "ldrd   r4, r5, [sp]\n\t" \
    TX_DWS2_LOAD3("0", "8") \
    TX_DWS2_ROW2_(TX_DWS2_K0, "r4", "r5") \
    TX_DWS2_LOAD3("112", "120") \
    TX_DWS2_ROW2_(TX_DWS2_K1, "r4", "r5") \
    TX_DWS2_LOAD3("224", "232") \
    TX_DWS2_ROW2_(TX_DWS2_K2, "r4", "r5") \
    TX_DW3_MC TX_DW3_MUL("r4") TX_DW3_MUL("r5") \
    TX_DW3_K TX_DW3_SHIFT("r4") TX_DW3_SHIFT("r5") \
    clamp2 \
    "ldr    r8, [sp, #32]\n\t" \
    "strb   r5, [lr, r8]\n\t" \
    "strb   r4, [lr]\n" \
    "3:\n\t" \
    "ldrd   r4, r5, [sp, #64]\n\t" \
    "add    r12, r4, #8\n\t" \
    "ldr    r6, [sp, #32]\n\t" \
    "add    lr, r5, r6, lsl #1\n\t" \
    "strd   r12, lr, [sp, #64]\n\t" \
    "b      5b\n" \
    "6:\n\t" \
    "ldr    r4, [sp, #60]\n\t" \
    "cmp    r4, #0\n\t" \
    "beq    9f\n\t" \
    "ldr    r6, [sp, #36]\n\t" \
    "ldr    r7, [sp, #44]\n\t" \
    "add    r7, lr, r7\n\t" \
    "cmp    r7, lr\n\t" \
    "beq    8f\n" \
    "7:\n\t" \
    "ldrd   r4, r5, [sp]\n\t" \
    "ldrd   r8, r9, [r12]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K0, "r4") \
    "ldrd   r8, r9, [r12, #112]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K1, "r4") \
    "ldrd   r8, r9, [r12, #224]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K2, "r4") \
    TX_DWS2_ROW1_(TX_DWS2_K0, "r5") \
    "ldrd   r8, r9, [r12, #336]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K1, "r5") \
    "ldrd   r8, r9, [r12, #448]!\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K2, "r5") \
    TX_DW3_MC TX_DW3_MUL("r4") TX_DW3_MUL("r5") \
    TX_DW3_K TX_DW3_SHIFT("r4") TX_DW3_SHIFT("r5") \
    clamp2 \
    "strb   r4, [lr]\n\t" \
    "strb   r5, [lr, r6]\n\t" \
    "add    lr, lr, r6, lsl #1\n\t" \
    "cmp    lr, r7\n\t" \
    "bne    7b\n" \
    "8:\n\t" \
    "ldr    r4, [sp, #56]\n\t" \
    "cmp    r4, #0\n\t" \
    "beq    9f\n\t" \
    "ldr    r4, [sp]\n\t" \
    "ldrd   r8, r9, [r12]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K0, "r4") \
    "ldrd   r8, r9, [r12, #112]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K1, "r4") \
    "ldrd   r8, r9, [r12, #224]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K2, "r4") \
    TX_DW3_MC TX_DW3_MUL("r4") TX_DW3_K TX_DW3_SHIFT("r4") \
    clamp1 \
    "strb   r4, [lr]\n" \
    TX_DW_CHAN_TAIL

__attribute__((naked)) static void dws2_chan(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DWS2_CHAN("", "", ""));
}

__attribute__((naked)) static void dws2_chan_clamp(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DWS2_CHAN(TX_DW3_CLAMP4, TX_DW3_CLAMP2, TX_DW3_CLAMP1));
}
#endif

#endif /* TX_ARM_DSP_DWS2_H */
