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
 * 112 bytes on, an immediate offset. A strip holds 12 output rows (25 plane rows, 2800 bytes).
 *
 * Where the instructions go, cortex-m4 (tenax bench; found by leaving out the channel kernel,
 * then the expansion too), MobileNet VWW's stride-2 layers:
 *   48x48x16 -> 24x24x16 (82,944 MACs): 245,080 = 2.95 per MAC (was 465,320 = 5.61 on the
 *     four-channel path): channel kernels 158,800 (17.2 per output: the 2x2 blocks' 59
 *     instructions per 4 outputs, 14.75, plus a column pair's 19 of loop and a channel's 57 of
 *     weights, output stage and pointers per tile); expansion 78,000 (8.5 per output, 1.84 per
 *     value: 24 instructions per 4 pixels of four channels, plus the rows' ends and odd pixels,
 *     and the 15% the tiles and strips overlap: 13 x 17 input values for 6 x 8 outputs); the C
 *     driver 8,300.
 *   -> 12x12x32: 125,800 = 3.03 (was 6.39). -> 6x6x64: 61,640 = 2.97 (was 7.97): kernels 18.1
 *     per output, expansion 7.6. -> 3x3x128: 43,760 = 4.22 (was 10.60): kernels 25 per output
 *     (nine outputs a channel: one 2x2 block, a 1x2, a 2x1 and a 1x1 one and the channel's 57),
 *     expansion 10.
 * The floor of this scheme is about 22 instructions per output, 2.4 per MAC: 14.75 in the 2x2
 * blocks (6 multiplies, 2.5 loads, 3 of output stage and a store per output are most of it) and
 * 4 input values of expansion per output at 1.5 each, where stride 1 shares each input value
 * among 9 outputs; the issue's 1.5 per MAC (13.5 per output) is below the blocks alone.
 * Since then the shared channel head and tail take 46 instructions a channel, a column pair's
 * loop 14, the expansion keeps its row count in a register and tiles without padding columns
 * zero only their padding rows (tx_arm_dsp_dw3x3.h, tx_arm_dsp_dw_planar.h): 48x48x16 238,120 =
 * 2.87 per MAC (channel kernels 157,920, expansion 76,880, driver 3,320), -> 12x12x32 122,440 =
 * 2.95, -> 6x6x64 60,160 = 2.90, -> 3x3x128 41,920 = 4.04.
 * Since the expansion goes column group by column group down all the rows (no per-row checks:
 * a 13-pixel row's 94 instructions are 81, three groups of four's 23 and a lone pixel's 12):
 * 48x48x16 227,840 = 2.75 per MAC (expansion 66,640, 1.59 per value, 7.2 per output),
 * -> 12x12x32 117,240 = 2.83, -> 6x6x64 57,320 = 2.76, -> 3x3x128 39,880 = 3.85.
 * Measured per function (`tenax bench --functions`, cortex-m4): 48x48x16 -> 24x24x16 207,040 (in
 * strips of 12 rows) = dws2_chan 138,450 (15.0 an output) + dws2_expand4 62,612 (6.8) + dw_run
 * 5,457; -> 3x3x128
 * 40,960 = dws2_chan 28,442 (24.7 an output: the channel's set-up over 9 outputs) + expansion
 * 8,160 + dw_run 2,875 + dispatch 1,197. Counting the ISA's least for one output (4.5 SMLADs,
 * 1.25 an input value to sign-extend and pair NHWC bytes of one channel for its 4 new values, 2-3
 * of output stage, the store) gives 12-13.5 instructions of the 13.5 that 1.5 per MAC allows,
 * before any loop or address step: stride 2 has next to no room under 1.5 on these cores.
 * TODO(issue 4): what is left above that floor, about 3 per output: the 15% tile and strip
 * overlap (taller strips cost stack: 112 bytes a plane row), a column pair's 14 instructions of
 * loop, and the channel's 46 per tile (caching them across the tiles needs the quads in the outer
 * loop).
 */
#ifndef TX_ARM_DSP_DWS2_H
#define TX_ARM_DSP_DWS2_H

/* Output columns per tile; a plane row holds its 2 * TX_DWS2_TILE + 1 input columns and the top
 * half of the last one's word. */
#define TX_DWS2_TILE 6
#define TX_DWS2_ROW 14
/* Halfwords from one plane row to the next (the four channels' rows of an input row). */
#define TX_DWS2_STRIDE (4 * TX_DWS2_ROW)
/* Plane rows: strips of up to (TX_DWS2_ROWS - 1) / 2 = 12 output rows (2800 bytes of stack, in the
 * builds that take this path: TX_DW_PLANES). MobileNet VWW's 24 and 12 output rows are two strips
 * and one: with strips of 8 rows (1904 bytes) its 48x48x16 layer took 219,240 instructions, now
 * 207,000, and its 24x24x32 one 114,160, now 102,160 (the channels' set-up once per strip and
 * tile, and 17 plane rows expanded for 16 input rows). */
#define TX_DWS2_ROWS 25

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
    __asm__(TX_DW_EXPAND4("112", "-84", "-56", "-28", TX_DW_EXPAND_LEAD_ALONE));
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

/* dws2_chan's weights: W01 of kernel rows 0, 1, 2 in r0, r1, r2; w2 of rows 0 and 1 in r3, of
 * row 2 in r11. */
#define TX_DWS2_PACK \
    "pkhbt  r0, r5, r6, lsl #16\n\t" \
    "pkhbt  r3, r7, r10, lsl #16\n\t" \
    "pkhbt  r6, r11, r1, lsl #16\n\t" \
    "pkhbt  r1, r8, r9, lsl #16\n\t" \
    "mov    r11, r2\n\t" \
    "mov    r2, r6\n"

/*
 * One channel's outputs of a strip and tile, going down its plane (q: the window of the top
 * left output, word aligned) column pair by column pair in 2x2 blocks (top and bottom rows share
 * input row 2 of the block), an odd last row in a 1x2 block, an odd last column in 2x1 blocks
 * and a 1x1 one; any of them may be empty; the channels of a tile one after the other
 * (TX_DW_CHAN_HEAD, TX_DW_CHAN_TAIL: the same state and stack frame as dw3_chan). Registers:
 * r0-r3, r11 the weights; r4-r7 the accumulators (top left, top right, bottom left, bottom
 * right; in 2x1 blocks r4, r5 top and bottom, r6, r7 the output row step and end); r8-r10 A, C,
 * E; r12 q; lr the output.
 */
#define TX_DWS2_BLOCK12 \
    TX_DWS2_LOAD3("0", "8") \
    TX_DWS2_ROW2_(TX_DWS2_K0, "r4", "r5") \
    TX_DWS2_LOAD3("112", "120") \
    TX_DWS2_ROW2_(TX_DWS2_K1, "r4", "r5") \
    TX_DWS2_LOAD3("224", "232") \
    TX_DWS2_ROW2_(TX_DWS2_K2, "r4", "r5")
#define TX_DWS2_BLOCK22 \
    TX_DWS2_BLOCK12 \
    TX_DWS2_ROW2_(TX_DWS2_K0, "r6", "r7") \
    TX_DWS2_LOAD3("336", "344") \
    TX_DWS2_ROW2_(TX_DWS2_K1, "r6", "r7") \
    "ldrd   r8, r9, [r12, #448]!\n\t" \
    "ldr    r10, [r12, #8]\n\t" \
    TX_DWS2_ROW2_(TX_DWS2_K2, "r6", "r7")
#define TX_DWS2_BLOCK11 \
    "ldrd   r8, r9, [r12]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K0, "r4") \
    "ldrd   r8, r9, [r12, #112]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K1, "r4") \
    "ldrd   r8, r9, [r12, #224]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K2, "r4")
#define TX_DWS2_BLOCK21 \
    TX_DWS2_BLOCK11 \
    TX_DWS2_ROW1_(TX_DWS2_K0, "r5") \
    "ldrd   r8, r9, [r12, #336]\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K1, "r5") \
    "ldrd   r8, r9, [r12, #448]!\n\t" \
    TX_DWS2_ROW1_(TX_DWS2_K2, "r5")
/* Strips of one row have no row pairs. */
#define TX_DWS2_GUARD22 \
    "cmp    r4, lr\n\t" \
    "beq    2f\n\t"
#define TX_DWS2_GUARD21 \
    "cmp    r7, lr\n\t" \
    "beq    8f\n\t"

/* The same four variants as dw3_chan's (tx_arm_dsp_dw3x3.h). */
#define TX_DWS2_CHAN(stage, pack, loop22, out2, out1) \
    TX_DW_CHAN(stage, pack, loop22, TX_DWS2_BLOCK12, TX_DWS2_GUARD22, \
               TX_DW_ODD_PAIRS(TX_DWS2_BLOCK21, TX_DWS2_GUARD21, out2) \
                   TX_DW_ODD_LAST(TX_DWS2_BLOCK11, out1), \
               out2)

__attribute__((naked)) static void dws2_chan(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DWS2_CHAN(TX_DW_CHANNEL_STAGE, TX_DW_CHANNEL_SCALE TX_DWS2_PACK,
                         TX_DW_CHANNEL_LOOP22(TX_DWS2_BLOCK22, TX_DW_VSHIFT4, TX_DW_USHIFT4),
                         TX_DW_VSHIFT2, TX_DW_VSHIFT1));
}

__attribute__((naked)) static void dws2_chan_clamp(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DWS2_CHAN(TX_DW_CHANNEL_STAGE, TX_DW_CHANNEL_SCALE TX_DWS2_PACK,
                         TX_DW_CHANNEL_LOOP22(TX_DWS2_BLOCK22, TX_DW_VSHIFT4 TX_DW3_CLAMP4,
                                              TX_DW_USHIFT4 TX_DW3_CLAMP4),
                         TX_DW_VSHIFT2 TX_DW3_CLAMP2, TX_DW_VSHIFT1 TX_DW3_CLAMP1));
}

__attribute__((naked)) static void dws2_chan_uniform(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DWS2_CHAN(TX_DW_STAGE_UNIFORM, TX_DW_UNIFORM_SCALE TX_DWS2_PACK,
                         TX_DW_LOOP22_TWICE(TX_DWS2_BLOCK22, TX_DW_USHIFT4, TX_DW_STORE4),
                         TX_DW_USHIFT2, TX_DW_USHIFT1));
}

__attribute__((naked)) static void dws2_chan_uniform_clamp(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DWS2_CHAN(TX_DW_STAGE_UNIFORM, TX_DW_UNIFORM_SCALE TX_DWS2_PACK,
                         TX_DW_LOOP22_TWICE(TX_DWS2_BLOCK22, TX_DW_USHIFT4 TX_DW3_CLAMP4,
                                            TX_DW_STORE4),
                         TX_DW_USHIFT2 TX_DW3_CLAMP2, TX_DW_USHIFT1 TX_DW3_CLAMP1));
}
#endif

#endif /* TX_ARM_DSP_DWS2_H */
