/*
 * A build's fixed geometry for the stride-1 uniform-shift depthwise kernels (tx_arm_dsp_dw3x3.h,
 * which includes this before them): when every planar stride-1 call of a build has the same
 * channel count and output row (DS-CNN KWS's four depthwise layers: 64 channels, rows of 5 pixels),
 * the compiler sets TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS and _DW3_ROW_BYTES (tx_arm_dsp_paths.h),
 * and a 2x2 block stores its outputs at immediate offsets: no load of the steps nor a second
 * pointer step, 2 instructions a block of 4 outputs (about 2.6% of KWS's depthwise layers). Such a
 * build refuses other stride-1 planar calls (TX_ERR_ARGUMENT, like a path it left out). Assembly
 * macros only, inside the kernel's __ARM_FEATURE_DSP and __thumb2__ sections.
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

#endif /* TX_ARM_DSP_DW_FIXED_H */
