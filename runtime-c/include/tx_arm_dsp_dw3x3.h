/*
 * The 3x3 stride-1 path of the Cortex-M DSP tx_depthwise_conv2d_s8
 * (runtime-c/arm-dsp/src/tx_depthwise_conv2d_s8.c), kept apart so that each file stays readable:
 * static functions, included only by that kernel, inside its __ARM_FEATURE_DSP section, after
 * tx_arm_dsp.h and tx_arm_dsp_requant.h.
 *
 * Why planes: in NHWC the taps of one channel are ch bytes apart, so the other paths spend a
 * load and two sign extensions per 4 MACs and multiply with SMLABB/SMLATT (one MAC each). Here a
 * strip of output rows and a tile of its columns first has its input expanded, for four channels
 * at a time, into one int16 plane per channel (input offset added, padded positions 0, which is
 * what skipping them adds). Two horizontally adjacent taps of a channel are then one word, and a
 * kernel row (w0, w1, w2) packed as W01 = (w0, w1) and W12 = (w1, w2) gives two adjacent outputs
 * of input words A = (x0, x1), C = (x2, x3) with four instructions:
 *   left  = SMLAD(A, W01) + SMLABT(C, W12)  = x0 w0 + x1 w1 + x2 w2
 *   right = SMLAD(C, W12) + SMLATB(A, W01)  = x2 w1 + x3 w2 + x1 w0
 * 2x2 blocks of outputs share each input word pair between two output rows: 4 LDRD and 24
 * multiplies for 36 MACs.
 * Bit-exact for the reasons given in tx_arm_dsp.h (exact int16 products, sums modulo 2^32); the
 * output stage is stage 1 of tx_arm_dsp_requant.h, so every shift must lie in its range.
 *
 * Layout: a plane row is TX_DW3_ROW = 8 halfwords, whatever the layer's width (tiles of at most 6
 * output columns, which need 8 input columns), and the four channels' rows of one input row are
 * adjacent, so the next input row is always 64 bytes on: the assembly (dw3_chan) reaches the four
 * rows of a 2x2 block with immediate offsets, keeps the six weights in registers, and goes down a
 * column pair of the plane block after block. One strip holds 26 output rows (DS-CNN's 25 and
 * MobileNet's 24 rows: each input row expanded once per tile).
 *
 * Where the instructions go, cortex-m4 (tenax bench), one of DS-CNN KWS's depthwise layers
 * (25x5 outputs, 64 channels, pad 1, 72,000 MACs):
 *   first (rows of out_w + 3 halfwords in a 1 KB budget: strips of 14 rows, 2x2 blocks along
 *   the rows with the weights, output pointer and counters reloaded per block, 71 instructions
 *   per block, the odd fifth column computed and dropped, expansion in C):
 *     2x2 blocks 175,120; expansion into planes 55,160 (6.9 per input value); the rest (an odd
 *     last row in C, setup) 21,120; total 251,400 = 3.49 per MAC.
 *   then: column pairs in 2x2 blocks (53 instructions each: 24 multiplies, 4 LDRD, 1 LDM of the
 *     bias, 14 of output stage, 6 STRB and pointer steps, 3 of loop) with the odd last row in
 *     one-row blocks; the odd fifth column in 2x1 blocks (30 instructions each, 15 per output);
 *     expansion in assembly; the four channels of a tile in one call: 138,440 = 1.92 per MAC.
 *   now (found by leaving out the channel kernel, then the expansion too): 132,440 = 1.84 per
 *     MAC, 16.6 per output: channel kernels 110,800 (13.9 per output), expansion 20,000 (2.5
 *     per input value: a row of 5 pixels is one lone pixel, as pad 1 puts column 0 on an odd
 *     halfword, 10 instructions for 4 values, a group of four, 24 for 16, and 14 of checks and
 *     steps), the C driver 1,600. What changed: the fifth column's window ends in the padding,
 *     so its 2x1 blocks are 6 SMLADs, not 12 multiplies (TX_DW3_EDGE21: 24 instructions, not
 *     30); a channel's pointers in one LDM and one STM (46 instructions a channel, was 52); a
 *     column pair's start from precomputed steps; the expansion's row count in a register.
 *   MobileNet VWW (stride 1, pad 1; instructions per output: channel kernels + expansion +
 *     driver): 48x48x8 313,480 = 1.89 per MAC (14.0 + 2.8 + 0.2: tiles of 6 columns expand 8,
 *     and zeroing only the padding rows of its interior tiles saved 0.4); 24x24x32 308,880 =
 *     1.86 (14.0 + 2.6 + 0.1); 12x12x64 162,320 = 1.96 (14.7 + 2.7 + 0.2); 6x6x128 88,880 =
 *     2.14 (16.2 + 2.7 + 0.35: a channel's 46 and three column pairs' 14 over 36 outputs);
 *     3x3x256 65,600 = 3.16 (23.0 + 4.4 + 1.0: nine outputs a channel in a 2x2 block, a
 *     one-row block, an edge 2x1 block and a 1x1 one, plus the channel's 46).
 *   since the expansion goes column group by column group down all the rows (TX_DW_EXPAND4: no
 *     per-row checks, steps or reloads of the counts): KWS 127,520 = 1.77 per MAC, expansion
 *     15,080 (1.89 per input value: per row a lone pixel's 12 and a group of four's 23 for 20
 *     values, and about 30 a call); VWW 48x48x8 302,360 = 1.82 (expansion 2.2 per output),
 *     24x24x32 299,320 = 1.80 (2.1), 12x12x64 158,960 = 1.92 (2.3), 6x6x128 87,720 = 2.12
 *     (2.5), 3x3x256 64,640 = 3.12 (4.0).
 *   with a uniform shift (TX_DW_STAGE_UNIFORM: KWS's four layers take one, VWW's first ten of
 *     13): KWS 118,720 = 1.65 per MAC; the 2x2 block 48 instructions (12 per output), a channel
 *     13 more for scaling its weights, and the per-call check that the shift suits the layer
 *     (dw_uniform_fits) 16 a channel. Then two 2x2 blocks a loop: KWS 116,800 = 1.62; VWW (its
 *     per-channel kernels taking either kind of call) 48x48x8 1.67, 24x24x32 1.65, 12x12x64
 *     1.80, 6x6x128 2.10, stride 2 2.64-2.76.
 *   with a fixed geometry (tx_arm_dsp_dw_fixed.h: a build whose stride-1 planar calls share their
 *     channels, output row and rows, as KWS's four layers): the 2x2 blocks' outputs stored at
 *     immediate offsets (113,760 = 1.58 per MAC), the blocks unrolled (111,080 = 1.54), the
 *     expansion's lone first pixel in one loop with the four after it (109,800 = 1.53), and the
 *     odd fifth column in unrolled 4x1 blocks (34 instructions, two 2x1 ones took 42): KWS
 *     106,360 = 1.48 per MAC.
 * The floor of this scheme, about 14.75 per output (1.64 per MAC) with each channel's shift and
 * 13.5 (1.5) with a uniform one, is above the 1.5 (13.5 per output) for every shape once
 * the channels' and tiles' costs come on top: the 2x2 block alone is 13.25 per output (6
 * multiplies, 1 load, 3 of output stage, 1 store, 2.25 of bias, constants, pointers and loop,
 * with all 14 registers taken; 12 with a uniform shift, whose output stage is 2), and each input
 * value needs about 1.4 to expand (23 instructions per 16 values with the loop) and is read by
 * one output or more. Neither idea of the brief lowers the block: pairs along a
 * row (A, B = unaligned (x1, x2), C) take 4 multiplies per input row and two outputs, as W01/W12
 * do, but 2 loads instead of one LDRD shared by two output rows; pairs down a column (Q = (row 0 x,
 * row 1 x)) make 5 multiplies per output but cost a PKH per output and 3 loads per two, 8 in all
 * where the block spends 7 (6 multiplies and 1 load).
 * TODO(issue 4): without a fixed geometry (MobileNet VWW's builds: its depthwise layers have
 * several shapes, and a kernel fixed to one costs about 2.6 KB of code, KWS's, where VWW has 146
 * bytes left under 16 KB), every 3x3 stride-1 shape is above 1.5 per MAC. Below the floor needs another
 * block: 5 multiplies per output from planes of both pair layouts (the expansion writing column
 * pairs too, about 1 more per input value), or outputs packed four channels to a word (the weights
 * of four channels do not fit the registers). Above the floor: the expansion's lone pixels (KWS
 * 1.89 per value, 1.44 is the floor: its lone first pixel costs 3 per value; unrolling the rows
 * would save a loop's 2 per row but costs flash VWW does not have), the tiles' 8 expanded columns
 * for 6 outputs (wider plane rows cost 64 bytes of stack each), KWS's odd last row whose window
 * ends in padding (block12 could skip kernel row 2: 5 per column pair), and for small planes the
 * channel's 46 instructions (weights pre-packed as W01/W12 with m, C and k by the code generator,
 * in an operand format row-wise per channel like codegen/Msp430FcOperands, would leave about 10).
 * Measured with `tenax bench --functions` (QEMU's execution log, per function; cortex-m4), VWW's
 * stride-1 layers: 48x48x8 264,480 (in one strip of 48 rows; 277,240 in two) = dw3_chan 222,836
 * (12.09 an output, its 2x2 blocks 11.5) + dw3_expand4 36,604 (1.99 an output) + dw_run 4,733;
 * 6x6x128 86,080 = dw3_chan 70,733 (per
 * channel: 414 in 2x2 blocks, 55 of set-up, 60 of three column pairs' loop, the rest odd-row and
 * tail checks) + dw3_expand4 10,176 + dw_run 2,742 + the dispatch's dw_uniform_fits 2,191 (17 a
 * channel; a branch-free rewrite measured 16). Blocks and expansion alone are 13.5 an output (1.50
 * per MAC) on the 48x48 layer and 1.52 per MAC on the 6x6 ones: no overhead cut gets either under
 * 1.5.
 * The uniform shift does not reach layers whose channel shifts lie more than 8 apart (the scaled
 * weights' int16): MobileNet VWW's last three depthwise layers (10 to 15 apart) keep their
 * channels' shifts, and pay the per-call check (dw_uniform_fits) and the kernels' flag tests
 * for nothing: 1-3%.
 * Scratch memory: the planes are a local array of dw_run (tx_arm_dsp_dw_planar.h) on the stack,
 * where the bench's stack painting counts it: TX_DW3_ROWS * 64 bytes (3200, 1792 with a fixed
 * geometry) for this path, 2800
 * for the stride-2 one, the array has the larger size of the paths the build takes
 * (TX_DW_PLANES); plus the channel kernel's 128-byte frame.
 * (It sets DS-CNN KWS's peak stack, 2,660 bytes with the bench harness; MobileNet VWW's deepest
 * call is elsewhere.)
 */
#ifndef TX_ARM_DSP_DW3X3_H
#define TX_ARM_DSP_DW3X3_H

/* Output columns per tile. A plane row holds a tile's window: TX_DW3_TILE + 2 input columns,
 * and for an odd tile one more (the C word of its last column), TX_DW3_ROW halfwords. */
#define TX_DW3_TILE 6
#define TX_DW3_ROW 8
/* Halfwords from one plane row to the next: the four channels' rows of an input row are
 * adjacent (channel j at j * TX_DW3_ROW), so the assembly reaches the next row at the fixed
 * offset 2 * TX_DW3_STRIDE = 64 bytes. */
#define TX_DW3_STRIDE (4 * TX_DW3_ROW)
/* Plane rows: strips of up to TX_DW3_ROWS - 2 output rows, so that a layer's rows take one strip
 * and each input row is expanded once per tile. A build of fixed geometry (tx_arm_dsp_dw_fixed.h:
 * DS-CNN KWS's 25 rows) keeps 28 rows (1792 bytes of stack); the others take 50 (3200 bytes), which
 * hold MobileNet VWW's 48-row layer in one strip instead of two (277,240 -> 264,480 instructions on
 * cortex-m4: its channels' set-up once per tile, 50 plane rows expanded for 48). The stack table
 * (scripts/measure-cortex-stack.sh) measures the 50-row frame, an estimate 1408 bytes high for
 * builds of fixed geometry. */
#if TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS != 0
#define TX_DW3_ROWS 28
#else
#define TX_DW3_ROWS 50
#endif

/* What the strips share. */
typedef struct {
    const int8_t *in;
    int8_t *out;
    int32_t in_h, in_w, ch, out_h, out_w;
    int32_t pad_top, pad_left;
    int32_t offset; /* input offset */
    int32_t off2;   /* the same in both halfwords */
    int32_t zp;     /* output zero point */
} dw3_geom;

/* The 3x3, stride 1, dilation 1, multiplier 1 shapes of at least two output rows (a block
 * covers two; an odd last row is recomputed with the row above it). */
static int dw3_applies(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *filter_shape,
                       const tx_shape4 *out_shape)
{
    return filter_shape->h == 3 && filter_shape->w == 3 && p->stride_h == 1 && p->stride_w == 1
        && p->dilation_h == 1 && p->dilation_w == 1 && p->channel_multiplier == 1
        && out_shape->h >= 2;
}

/* words (even, >= 2) zero words from p (word aligned): STRD in a loop, which GCC cannot turn
 * into a call of the C library's memset (a byte loop in newlib-nano). */
static void dw3_zero(int16_t *p, int32_t words)
{
    int32_t z = 0;
    __asm__ volatile("1:\n\t"
                     "strd   %2, %2, [%0], #8\n\t"
                     "subs   %1, %1, #2\n\t"
                     "bne    1b"
                     : "+r"(p), "+r"(words)
                     : "r"(z)
                     : "cc", "memory");
}

#include "tx_arm_dsp_dw_expand.h"

/* The state of the channel kernels (dw3_chan, dws2_chan), word offsets fixed by their assembly,
 * which copies it to its stack frame (so that lr is free for the output pointer) and runs the
 * `chans` channels of one tile: their planes q_step bytes apart, their outputs, filters, output
 * stages and biases one channel apart (the bias pointer bias_step bytes, 0 without a bias). */
typedef struct {
    int32_t bias[4];         /*   0: (assembly) the channel's bias four times (one LDM) */
    int32_t m, c, k;         /*  16: (assembly) output stage 1 of tx_arm_dsp_requant.h */
    int32_t pairs_left;      /*  28: (assembly) column pairs not yet started */
    int32_t ch;              /*  32: next output column, next filter tap */
    int32_t ostep;           /*  36: next output row */
    int8_t *oend;            /*  40: (assembly) output after a column's blocks of row pairs */
    int32_t olen;            /*  44: output bytes those blocks go down */
    uint32_t lo4, hi4;       /*  48: act_min, act_max in every byte */
    int32_t odd_rows;        /*  56: 1: an odd row count, the last row in blocks of one row */
    int32_t odd_col;         /*  60: 1: an odd column count, the last column in blocks of one */
    int32_t q_back;          /*  64: bytes from q after a column pair's row-pair blocks back to
                              *      the next pair's top */
    int32_t o_back;          /*  68: the same for the output (olen - 2 ch) */
    int32_t pairs;           /*  72: column pairs of the tile */
    int32_t chans;           /*  76: channels (>= 1), then (assembly) channels left */
    const int16_t *q;        /*  80: the first channel's plane at the tile's top left window */
    int8_t *o_chan;          /*  84: the first channel's output at the tile's top left */
    const int8_t *f;         /*  88: the first channel's filter (tap 0) */
    const int32_t *mult;     /*  92: its multiplier */
    const int32_t *shift;    /*  96: its shift */
    const int32_t *bias_p;   /* 100: its bias */
    int32_t bias_step;       /* 104 */
    int32_t zp21;            /* 108: 2 * output zero point + 1 */
    int32_t q_step;          /* 112 */
    int32_t edge;            /* 116: 1: the odd last column's window ends in padding (dw3_chan) */
    int32_t blocks_odd;      /* 120: 1: an odd count of 2x2 blocks down a column pair */
    int32_t uniform;         /* 124: 1: this call takes the build's uniform shift (a per-channel
                              *      kernel in a build of both kinds, TX_DW_STAGE_EITHER); (32
                              *      words: four LDMDB of eight) */
} dw3_state;

#if defined(__thumb2__)
/* The channel kernels' start: the state to the stack frame; then, per channel (label 0), one LDM
 * of its plane, output, filter, multiplier, shift and bias pointers (with the bias step, the
 * output stage's 2 * zp + 1 and the plane step) and one STM of the next channel's, its output
 * stage (m in r8, its shift in r10, bias in r11, zp21 in r7: `stage` makes C in r9 and k in
 * r10, TX_DW_STAGE_CHANNEL or _UNIFORM), bias four times, column pairs, and the nine weights (f0
 * .. f8 in r5-r11, r1, r2) that `pack` arranges as the kernel wants them; r12 and lr the
 * channel's plane and output. */
#define TX_DW_CHAN_HEAD(stage, pack) \
    "push   {r4-r11, lr}\n\t" \
    "add    r0, r0, #128\n\t" \
    "ldmdb  r0!, {r1-r8}\n\t" \
    "push   {r1-r8}\n\t" \
    "ldmdb  r0!, {r1-r8}\n\t" \
    "push   {r1-r8}\n\t" \
    "ldmdb  r0!, {r1-r8}\n\t" \
    "push   {r1-r8}\n\t" \
    "ldmdb  r0!, {r1-r8}\n\t" \
    "push   {r1-r8}\n" \
    "0:\n\t" \
    "add    lr, sp, #80\n\t" \
    "ldm    lr, {r0-r8}\n\t" \
    "mov    r12, r0\n\t" \
    "add    r0, r0, r8\n\t" \
    "ldr    r8, [r3], #4\n\t" \
    "ldr    r10, [r4], #4\n\t" \
    "ldr    r11, [r5]\n\t" \
    "add    r5, r5, r6\n\t" \
    "add    r1, r1, #1\n\t" \
    "add    r2, r2, #1\n\t" \
    "stm    lr, {r0-r5}\n\t" \
    "sub    lr, r1, #1\n\t" \
    "sub    r0, r2, #1\n\t" \
    stage \
    "strd   r11, r11, [sp]\n\t" \
    "strd   r11, r11, [sp, #8]\n\t" \
    "strd   r8, r9, [sp, #16]\n\t" \
    "str    r10, [sp, #24]\n\t" \
    "ldr    r4, [sp, #72]\n\t" \
    "str    r4, [sp, #28]\n\t" \
    "ldr    r4, [sp, #32]\n\t" \
    "ldrsb  r5, [r0]\n\t" \
    "ldrsb  r6, [r0, r4]\n\t" \
    "add    r0, r0, r4, lsl #1\n\t" \
    "ldrsb  r7, [r0]\n\t" \
    "ldrsb  r8, [r0, r4]\n\t" \
    "add    r0, r0, r4, lsl #1\n\t" \
    "ldrsb  r9, [r0]\n\t" \
    "ldrsb  r10, [r0, r4]\n\t" \
    "add    r0, r0, r4, lsl #1\n\t" \
    "ldrsb  r11, [r0]\n\t" \
    "ldrsb  r1, [r0, r4]\n\t" \
    "add    r0, r0, r4, lsl #1\n\t" \
    "ldrsb  r2, [r0]\n\t" \
    pack

/* The channel's own output stage: k = -1 - shift, C = zp21 << (k - 1) (as tx_dsp_requant_out_k
 * and _c). */
#define TX_DW_STAGE_CHANNEL \
    "mvn    r10, r10\n\t" \
    "sub    r9, r10, #1\n\t" \
    "lsl    r9, r7, r9\n\t"

/* The channel kernels' end (label 9): back to label 0 while channels are left (the head has
 * stepped the pointers). */
#define TX_DW_CHAN_TAIL \
    "9:\n\t" \
    "ldr    r4, [sp, #76]\n\t" \
    "subs   r4, r4, #1\n\t" \
    "str    r4, [sp, #76]\n\t" \
    "bne    0b\n\t" \
    "add    sp, sp, #128\n\t" \
    "pop    {r4-r11, pc}"

/* dw3_chan's weights: W01, W12 of kernel rows 0, 1, 2 in r0, r1; r2, r3; r10, r11. */
#define TX_DW3_PACK \
    "pkhbt  r0, r5, r6, lsl #16\n\t" \
    "pkhbt  r3, r9, r10, lsl #16\n\t" \
    "pkhbt  r10, r11, r1, lsl #16\n\t" \
    "pkhbt  r11, r1, r2, lsl #16\n\t" \
    "pkhbt  r1, r6, r7, lsl #16\n\t" \
    "pkhbt  r2, r8, r9, lsl #16\n"
#endif

#if defined(__thumb2__)
/* One input row a, c (r8, r9) times the kernel row in (wa, wb) into the accumulators l, r (the
 * two outputs of a row; see the top of this file). */
#define TX_DW3_ROW2(wa, wb, l, r) \
    "smlad  " l ", r8, " wa ", " l "\n\t" \
    "smlabt " l ", r9, " wb ", " l "\n\t" \
    "smlad  " r ", r9, " wb ", " r "\n\t" \
    "smlatb " r ", r8, " wa ", " r "\n\t"

/* The same for the left output only. */
#define TX_DW3_ROW1(wa, wb, l) \
    "smlad  " l ", r8, " wa ", " l "\n\t" \
    "smlabt " l ", r9, " wb ", " l "\n\t"

/* The output stage: SMMLA (m, C in r8, r9), then the shift (k in r8) and the saturation; with a
 * uniform shift, the saturation with the shift as its immediate (TX_DW_USHIFT). */
#define TX_DW3_MC "ldrd   r8, r9, [sp, #16]\n\t"
#define TX_DW3_K "ldr    r8, [sp, #24]\n\t"
#define TX_DW3_MUL(a) "smmla  " a ", " a ", r8, r9\n\t"
#define TX_DW3_SHIFT(a) \
    "asr    " a ", " a ", r8\n\t" \
    "ssat   " a ", #8, " a "\n\t"
#define TX_DW_VSHIFT4 TX_DW3_K TX_DW3_SHIFT("r4") TX_DW3_SHIFT("r5") TX_DW3_SHIFT("r6") TX_DW3_SHIFT("r7")
#define TX_DW_VSHIFT2 TX_DW3_K TX_DW3_SHIFT("r4") TX_DW3_SHIFT("r5")
#define TX_DW_VSHIFT1 TX_DW3_K TX_DW3_SHIFT("r4")

/* Per byte lane max(a, lo4), then min(., hi4) (the bound in r8, r9 a temporary). */
#define TX_DW3_LO "ldr    r8, [sp, #48]\n\t"
#define TX_DW3_HI "ldr    r8, [sp, #52]\n\t"
#define TX_DW3_MAX(a) \
    "ssub8  r9, " a ", r8\n\t" \
    "sel    " a ", " a ", r8\n\t"
#define TX_DW3_MIN(a) \
    "ssub8  r9, " a ", r8\n\t" \
    "sel    " a ", r8, " a "\n\t"
#define TX_DW3_CLAMP4 \
    TX_DW3_LO TX_DW3_MAX("r4") TX_DW3_MAX("r5") TX_DW3_MAX("r6") TX_DW3_MAX("r7") \
    TX_DW3_HI TX_DW3_MIN("r4") TX_DW3_MIN("r5") TX_DW3_MIN("r6") TX_DW3_MIN("r7")
#define TX_DW3_CLAMP2 \
    TX_DW3_LO TX_DW3_MAX("r4") TX_DW3_MAX("r5") TX_DW3_HI TX_DW3_MIN("r4") TX_DW3_MIN("r5")
#define TX_DW3_CLAMP1 TX_DW3_LO TX_DW3_MAX("r4") TX_DW3_HI TX_DW3_MIN("r4")

/*
 * One channel's outputs of a strip and tile, going down its plane (q: the window of the top
 * left output, word aligned) column pair by column pair in 2x2 blocks: per input row one LDRD
 * of a = (x0, x1), c = (x2, x3), used by the top outputs with kernel row r and by the bottom
 * ones with row r - 1: 36 MACs in 24 multiplies and 4 loads, the six weights in registers for
 * the whole channel; then the output stage and four STRB. An odd last row takes a block of one
 * row (18 MACs, 12 multiplies), an odd last column 1x2 blocks (18 MACs in 12 multiplies) and a
 * 1x1 one. Naked: the loops need all 14 registers. Registers: r0-r3, r10, r11 the weights of
 * kernel rows 0, 1, 2; r4-r7 the accumulators (top left, top right, bottom left, bottom right;
 * in 1x2 blocks r4, r5 top and bottom, r6, r7 the output row step and end); r8-r9 a and c;
 * r12 q; lr the output; the state (dw3_state) at sp. clamp4, clamp2, clamp1: the act clamp
 * of the blocks, or nothing when it is the int8 range.
 */
#define TX_DW3_BLOCK22 \
    "ldrd   r8, r9, [r12]\n\t" \
    TX_DW3_ROW2("r0", "r1", "r4", "r5") \
    "ldrd   r8, r9, [r12, #64]\n\t" \
    TX_DW3_ROW2("r2", "r3", "r4", "r5") \
    TX_DW3_ROW2("r0", "r1", "r6", "r7") \
    "ldrd   r8, r9, [r12, #128]!\n\t" \
    TX_DW3_ROW2("r10", "r11", "r4", "r5") \
    TX_DW3_ROW2("r2", "r3", "r6", "r7") \
    "ldrd   r8, r9, [r12, #64]\n\t" \
    TX_DW3_ROW2("r10", "r11", "r6", "r7")
#define TX_DW3_BLOCK12 \
    "ldrd   r8, r9, [r12]\n\t" \
    TX_DW3_ROW2("r0", "r1", "r4", "r5") \
    "ldrd   r8, r9, [r12, #64]\n\t" \
    TX_DW3_ROW2("r2", "r3", "r4", "r5") \
    "ldrd   r8, r9, [r12, #128]\n\t" \
    TX_DW3_ROW2("r10", "r11", "r4", "r5")
#define TX_DW3_BLOCK21 \
    "ldrd   r8, r9, [r12]\n\t" \
    TX_DW3_ROW1("r0", "r1", "r4") \
    "ldrd   r8, r9, [r12, #64]\n\t" \
    TX_DW3_ROW1("r2", "r3", "r4") \
    TX_DW3_ROW1("r0", "r1", "r5") \
    "ldrd   r8, r9, [r12, #128]!\n\t" \
    TX_DW3_ROW1("r10", "r11", "r4") \
    TX_DW3_ROW1("r2", "r3", "r5") \
    "ldrd   r8, r9, [r12, #64]\n\t" \
    TX_DW3_ROW1("r10", "r11", "r5")
#define TX_DW3_BLOCK11 \
    "ldrd   r8, r9, [r12]\n\t" \
    TX_DW3_ROW1("r0", "r1", "r4") \
    "ldrd   r8, r9, [r12, #64]\n\t" \
    TX_DW3_ROW1("r2", "r3", "r4") \
    "ldrd   r8, r9, [r12, #128]\n\t" \
    TX_DW3_ROW1("r10", "r11", "r4")

/* Two outputs of a block (block12 or block21) from the bias through the output stage into r4,
 * r5 (out2: the shift, saturation and act clamp after the SMMLA). */
#define TX_DW_TWO(block, out2) \
    "ldrd   r4, r5, [sp]\n\t" \
    block \
    TX_DW3_MC TX_DW3_MUL("r4") TX_DW3_MUL("r5") \
    out2

/*
 * An odd last column (r6 the output row step, r7 the output after its blocks of row pairs):
 * block21, a 2x1 block into r4, r5 stepping q down, down the row pairs (guard21: a test that
 * skips them when a strip has none, branch to 8f, or nothing), ...
 */
#define TX_DW_ODD_PAIRS(block21, guard21, out2) \
    guard21 \
    "7:\n\t" \
    TX_DW_TWO(block21, out2) \
    "strb   r4, [lr]\n\t" \
    "strb   r5, [lr, r6]\n\t" \
    "add    lr, lr, r6, lsl #1\n\t" \
    "cmp    lr, r7\n\t" \
    "bne    7b\n"

/* ... then (label 8) block11, one output into r4, for an odd last row. */
#define TX_DW_ODD_LAST(block11, out1) \
    "8:\n\t" \
    "ldr    r4, [sp, #56]\n\t" \
    "cmp    r4, #0\n\t" \
    "beq    9f\n\t" \
    "ldr    r4, [sp]\n\t" \
    block11 \
    TX_DW3_MC TX_DW3_MUL("r4") \
    out1 \
    "strb   r4, [lr]\n\t"

/* A 2x2 block's outputs (r4, r5 the top row, r6, r7 the bottom one) to lr, stepping lr down two
 * rows: the next column and row from the state (ch, ostep), or, in the stride-1 uniform kernels
 * of a build whose calls share them, as immediates (TX_DW3_STORE4, tx_arm_dsp_dw_fixed.h). */
#define TX_DW_STORE4 \
    "ldrd   r8, r9, [sp, #32]\n\t" \
    "strb   r5, [lr, r8]\n\t" \
    "strb   r4, [lr]\n\t" \
    "add    lr, lr, r9\n\t" \
    "strb   r7, [lr, r8]\n\t" \
    "strb   r6, [lr]\n\t" \
    "add    lr, lr, r9\n\t"

/* One 2x2 block (block22, accumulating onto the bias at sp from q, stepping q down) through the
 * output stage (out4 after the SMMLA) into its four outputs (store4), stepping the output down. */
#define TX_DW_BLOCK22_OUT(block22, out4, store4) \
    "ldm    sp, {r4-r7}\n\t" \
    block22 \
    TX_DW3_MC TX_DW3_MUL("r4") TX_DW3_MUL("r5") TX_DW3_MUL("r6") TX_DW3_MUL("r7") \
    out4 \
    store4
/* The blocks of a column pair's row pairs (at least one), until the output reaches oend: one
 * block per loop, or (TX_DW_LOOP22_TWICE, the uniform-shift kernels, whose code size only builds
 * of one shift pay) two, entered at the second when the count is odd (blocks_odd), which saves
 * the loop's three instructions every other block. */
#define TX_DW_LOOP22_ONCE(block22, out4) \
    "1:\n\t" \
    TX_DW_BLOCK22_OUT(block22, out4, TX_DW_STORE4) \
    "ldr    r8, [sp, #40]\n\t" \
    "cmp    lr, r8\n\t" \
    "bne    1b\n"
#define TX_DW_LOOP22_TWICE(block22, out4, store4) \
    "ldr    r4, [sp, #120]\n\t" \
    "cmp    r4, #0\n\t" \
    "bne    11f\n" \
    "1:\n\t" \
    TX_DW_BLOCK22_OUT(block22, out4, store4) \
    "11:\n\t" \
    TX_DW_BLOCK22_OUT(block22, out4, store4) \
    "ldr    r8, [sp, #40]\n\t" \
    "cmp    lr, r8\n\t" \
    "bne    1b\n"

/*
 * What the channel kernels share (dw3_chan here, dws2_chan in tx_arm_dsp_dws2.h): going down
 * the column pairs, the blocks' output stage, stores and loops. The blocks accumulate onto the
 * bias (at sp) from q (r12): loop22 the 2x2 blocks down a column pair (TX_DW_LOOP22_ONCE or
 * _TWICE); block12 the top row's two outputs into r4, r5. From one column pair to the next, q and
 * the output step back by q_back and o_back (dw_run sets them per strip). guard22: a test that
 * skips the blocks of row pairs when a strip has none (branch to 2f), or nothing when it always
 * has some. odd_col: an odd last column (TX_DW_ODD_COL), ending at label 9. out2: the output
 * stage after the SMMLA of two outputs (TX_DW_TWO).
 */
#define TX_DW_CHAN(stage, pack, loop22, block12, guard22, odd_col, out2) \
    TX_DW_CHAN_HEAD(stage, pack) \
    "5:\n\t" \
    "ldr    r4, [sp, #28]\n\t" \
    "subs   r4, r4, #1\n\t" \
    "bcc    6f\n\t" \
    "str    r4, [sp, #28]\n\t" \
    "ldr    r4, [sp, #44]\n\t" \
    "add    r4, lr, r4\n\t" \
    "str    r4, [sp, #40]\n\t" \
    guard22 \
    loop22 \
    "2:\n\t" \
    "ldr    r4, [sp, #56]\n\t" \
    "cmp    r4, #0\n\t" \
    "beq    3f\n\t" \
    TX_DW_TWO(block12, out2) \
    "ldr    r8, [sp, #32]\n\t" \
    "strb   r5, [lr, r8]\n\t" \
    "strb   r4, [lr]\n" \
    "3:\n\t" \
    "ldrd   r4, r5, [sp, #64]\n\t" \
    "sub    r12, r12, r4\n\t" \
    "sub    lr, lr, r5\n\t" \
    "b      5b\n" \
    "6:\n\t" \
    "ldr    r4, [sp, #60]\n\t" \
    "cmp    r4, #0\n\t" \
    "beq    9f\n\t" \
    "ldr    r6, [sp, #36]\n\t" \
    "ldr    r7, [sp, #44]\n\t" \
    "add    r7, lr, r7\n\t" \
    odd_col \
    TX_DW_CHAN_TAIL

/* The odd last column when its window's last column is padding (state field edge, at sp + 116):
 * x2 is zero, so a row is one SMLAD of A = (x0, x1) with W01 (one LDR, no SMLABT): 6 multiplies
 * and 4 loads for a 2x1 block instead of 12 and 4. KWS's 5 columns and MobileNet's 3 (pad 1)
 * end so. (An odd last row keeps TX_DW3_BLOCK11: one output a channel, not worth the code.) */
/* (its first three input rows, q stepped two plane rows, the third still in r8: TX_DW3_EDGE41
 * goes on from there) */
#define TX_DW3_EDGE_TOP \
    "ldr    r8, [r12]\n\t" \
    "smlad  r4, r8, r0, r4\n\t" \
    "ldr    r8, [r12, #64]\n\t" \
    "smlad  r4, r8, r2, r4\n\t" \
    "smlad  r5, r8, r0, r5\n\t" \
    "ldr    r8, [r12, #128]!\n\t" \
    "smlad  r4, r8, r10, r4\n\t" \
    "smlad  r5, r8, r2, r5\n\t"
#define TX_DW3_EDGE21 \
    TX_DW3_EDGE_TOP \
    "ldr    r8, [r12, #64]\n\t" \
    "smlad  r5, r8, r10, r5\n\t"
/* (edge_pairs: the row pairs of a window that ends in padding; TX_DW3_ODD_COL_UNIFORM has its own) */
#define TX_DW3_ODD_COL_WITH(edge_pairs, out2, out1) \
    "ldr    r4, [sp, #116]\n\t" \
    "cmp    r4, #0\n\t" \
    "bne    10f\n\t" \
    TX_DW_ODD_PAIRS(TX_DW3_BLOCK21, "", out2) \
    "b      8f\n" \
    "10:\n\t" \
    edge_pairs \
    TX_DW_ODD_LAST(TX_DW3_BLOCK11, out1)
#define TX_DW3_ODD_COL(out2, out1) \
    TX_DW3_ODD_COL_WITH(TX_DW_ODD_PAIRS(TX_DW3_EDGE21, "", out2), out2, out1)

#include "tx_arm_dsp_dw_uniform.h"
#include "tx_arm_dsp_dw_fixed.h"

/* The four variants of each stride: the channel's own shift (TX_DW_STAGE_CHANNEL; in a build of
 * both kinds of call, either: TX_DW_CHANNEL_STAGE) or the layer's uniform one
 * (TX_DW_STAGE_UNIFORM), the int8 range or an act clamp. */
#define TX_DW3_CHAN(stage, pack, loop22, odd_col, out2) \
    TX_DW_CHAN(stage, pack, loop22, TX_DW3_BLOCK12, "", odd_col, out2)

__attribute__((naked)) static void dw3_chan(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DW3_CHAN(TX_DW_CHANNEL_STAGE, TX_DW_CHANNEL_SCALE TX_DW3_PACK,
                        TX_DW_CHANNEL_LOOP22(TX_DW3_BLOCK22, TX_DW_VSHIFT4, TX_DW_USHIFT4),
                        TX_DW3_ODD_COL(TX_DW_VSHIFT2, TX_DW_VSHIFT1), TX_DW_VSHIFT2));
}

__attribute__((naked)) static void dw3_chan_clamp(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DW3_CHAN(TX_DW_CHANNEL_STAGE, TX_DW_CHANNEL_SCALE TX_DW3_PACK,
                        TX_DW_CHANNEL_LOOP22(TX_DW3_BLOCK22, TX_DW_VSHIFT4 TX_DW3_CLAMP4,
                                             TX_DW_USHIFT4 TX_DW3_CLAMP4),
                        TX_DW3_ODD_COL(TX_DW_VSHIFT2 TX_DW3_CLAMP2, TX_DW_VSHIFT1 TX_DW3_CLAMP1),
                        TX_DW_VSHIFT2 TX_DW3_CLAMP2));
}

__attribute__((naked)) static void dw3_chan_uniform(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DW3_CHAN(TX_DW_STAGE_UNIFORM, TX_DW_UNIFORM_SCALE TX_DW3_PACK,
                        TX_DW3_LOOP22(TX_DW3_BLOCK22, TX_DW_USHIFT4),
                        TX_DW3_ODD_COL_UNIFORM(TX_DW_USHIFT4, TX_DW_USHIFT2, TX_DW_USHIFT1),
                        TX_DW_USHIFT2));
}

__attribute__((naked)) static void dw3_chan_uniform_clamp(dw3_state *st __attribute__((unused)))
{
    __asm__(TX_DW3_CHAN(TX_DW_STAGE_UNIFORM, TX_DW_UNIFORM_SCALE TX_DW3_PACK,
                        TX_DW3_LOOP22(TX_DW3_BLOCK22, TX_DW_USHIFT4 TX_DW3_CLAMP4),
                        TX_DW3_ODD_COL_UNIFORM(TX_DW_USHIFT4 TX_DW3_CLAMP4, TX_DW_USHIFT2 TX_DW3_CLAMP2,
                                               TX_DW_USHIFT1 TX_DW3_CLAMP1),
                        TX_DW_USHIFT2 TX_DW3_CLAMP2));
}
#endif

#endif /* TX_ARM_DSP_DW3X3_H */
