/*
 * A build's fixed geometry for the stride-1 uniform-shift depthwise kernels (tx_arm_dsp_dw3x3.h,
 * which includes this before them): when every planar stride-1 call of a build has the same
 * channel count and output row (DS-CNN KWS's four depthwise layers: 64 channels, rows of 5 pixels),
 * the compiler sets TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS and _DW3_ROW_BYTES (tx_arm_dsp_paths.h),
 * and a 2x2 block stores its outputs at immediate offsets: no load of the steps nor a second
 * pointer step, 2 instructions a block of 4 outputs (about 2.6% of KWS's depthwise layers); with
 * one count of rows too (_DW3_ROWS), the blocks are unrolled (below). KWS: 1.62 -> 1.48
 * instructions per MAC with the expansion's merged first group (tx_arm_dsp_dw_expand.h), for
 * about 2.6 KB more code. Such a build refuses other stride-1 planar calls (TX_ERR_ARGUMENT,
 * like a path it left out). Assembly macros only, inside the kernel's __ARM_FEATURE_DSP and
 * __thumb2__ sections.
 */
#ifndef TX_ARM_DSP_DW_FIXED_H
#define TX_ARM_DSP_DW_FIXED_H

#if TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS != 0
/* STRB's 12-bit immediate offset must reach both rows' outputs, ADDW's a two-row step (the
 * compiler sets the macros only then: DspKernelPaths.java) */
#if TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS < 0 || TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES <= 0 \
    || TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS + TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES > 4095 \
    || 2 * TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES > 4095
#error "TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS + _DW3_ROW_BYTES and 2 * _DW3_ROW_BYTES must be at most 4095: set both to 0"
#endif
#define TX_DW3_CH TX_DW_STR(TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS)
#define TX_DW3_OSTEP TX_DW_STR(TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES)
#define TX_DW3_STORE4 \
    "strb   r5, [lr, #" TX_DW3_CH "]\n\t" \
    "strb   r4, [lr]\n\t" \
    "strb   r7, [lr, #(" TX_DW3_CH "+" TX_DW3_OSTEP ")]\n\t" \
    "strb   r6, [lr, #" TX_DW3_OSTEP "]\n\t" \
    "addw   lr, lr, #(2*" TX_DW3_OSTEP ")\n\t"
#else
#define TX_DW3_STORE4 TX_DW_STORE4
#endif

/*
 * With the output rows fixed too (TX_DEPTHWISE_CONV2D_S8_DW3_ROWS: one strip, at most
 * TX_DW3_ROWS - 2 rows), a column pair's 2x2 blocks are unrolled: no loop test, no entry into
 * the loop's middle for an odd count (about 1.5 instructions a block). And an odd last column
 * whose window ends in padding (KWS's fifth) goes down in 4x1 blocks (TX_DW3_EDGE41: 34
 * instructions for 4 outputs, where two 2x1 ones, TX_DW3_EDGE21, take 42), unrolled too.
 */
#if TX_DEPTHWISE_CONV2D_S8_DW3_ROWS != 0
#if TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS == 0 || TX_DEPTHWISE_CONV2D_S8_DW3_ROWS < 2 \
    || TX_DEPTHWISE_CONV2D_S8_DW3_ROWS > TX_DW3_ROWS - 2 || 4 * TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES > 4095
#error "TX_DEPTHWISE_CONV2D_S8_DW3_ROWS needs _DW3_CHANNELS, a value in [2, TX_DW3_ROWS - 2] and 4 * _DW3_ROW_BYTES <= 4095: set it to 0"
#endif
#define TX_DW3_FIXED_ROWS TX_DW_STR(TX_DEPTHWISE_CONV2D_S8_DW3_ROWS)
#define TX_DW3_LOOP22(block22, out4) \
    ".rept (" TX_DW3_FIXED_ROWS " / 2)\n\t" \
    TX_DW_BLOCK22_OUT(block22, out4, TX_DW3_STORE4) \
    ".endr\n\t"

/* Four outputs down the odd last column, its window's last column padding (as TX_DW3_EDGE21):
 * one LDR and up to three SMLAD with W01 of kernel rows 0, 1, 2 (r0, r2, r10) per input row;
 * accumulators r4-r7 top to bottom; q steps four plane rows. */
#define TX_DW3_EDGE41 \
    TX_DW3_EDGE_TOP \
    "smlad  r6, r8, r0, r6\n\t" \
    "ldr    r8, [r12, #64]\n\t" \
    "smlad  r5, r8, r10, r5\n\t" \
    "smlad  r6, r8, r2, r6\n\t" \
    "smlad  r7, r8, r0, r7\n\t" \
    "ldr    r8, [r12, #128]!\n\t" \
    "smlad  r6, r8, r10, r6\n\t" \
    "smlad  r7, r8, r2, r7\n\t" \
    "ldr    r8, [r12, #64]\n\t" \
    "smlad  r7, r8, r10, r7\n\t"

/* The odd last column of the uniform kernels (out4, out2, out1: the output stages of 4, 2 and 1
 * outputs after the SMMLA; r6 the output row step, r7 the output after the column's row pairs):
 * a window not ending in padding as TX_DW3_ODD_COL; one that does in unrolled 4x1 blocks, a 2x1
 * one for an odd count of row pairs, then the odd last row (label 8). */
#define TX_DW3_ODD_COL_UNIFORM(out4, out2, out1) \
    TX_DW3_ODD_COL_WITH(TX_DW3_EDGE_PAIRS_FIXED(out4, out2), out2, out1)
#define TX_DW3_EDGE_PAIRS_FIXED(out4, out2) \
    ".rept (" TX_DW3_FIXED_ROWS " / 4)\n\t" \
    "ldm    sp, {r4-r7}\n\t" \
    TX_DW3_EDGE41 \
    TX_DW3_MC TX_DW3_MUL("r4") TX_DW3_MUL("r5") TX_DW3_MUL("r6") TX_DW3_MUL("r7") \
    out4 \
    "strb   r4, [lr]\n\t" \
    "strb   r5, [lr, #" TX_DW3_OSTEP "]\n\t" \
    "strb   r6, [lr, #(2*" TX_DW3_OSTEP ")]\n\t" \
    "strb   r7, [lr, #(3*" TX_DW3_OSTEP ")]\n\t" \
    "addw   lr, lr, #(4*" TX_DW3_OSTEP ")\n\t" \
    ".endr\n\t" \
    ".if (" TX_DW3_FIXED_ROWS " / 2) % 2\n\t" \
    TX_DW_TWO(TX_DW3_EDGE21, out2) \
    "strb   r4, [lr]\n\t" \
    "strb   r5, [lr, #" TX_DW3_OSTEP "]\n\t" \
    "addw   lr, lr, #(2*" TX_DW3_OSTEP ")\n\t" \
    ".endif\n\t"
#else
#define TX_DW3_LOOP22(block22, out4) TX_DW_LOOP22_TWICE(block22, out4, TX_DW3_STORE4)
#define TX_DW3_ODD_COL_UNIFORM(out4, out2, out1) TX_DW3_ODD_COL(out2, out1)
#endif

#endif /* TX_ARM_DSP_DW_FIXED_H */
