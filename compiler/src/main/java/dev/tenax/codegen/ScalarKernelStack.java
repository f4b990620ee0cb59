package dev.tenax.codegen;

import dev.tenax.lower.Step;
import dev.tenax.lower.steps.ConvS8Step;
import dev.tenax.lower.steps.DepthwiseConvS8Step;
import dev.tenax.lower.steps.FullyConnectedS8Step;

/**
 * The variable-length arrays the scalar Cortex-M kernels (runtime-c/arm-scalar/src, for cores
 * without the DSP extension) put on the stack for one call, sized as the C code sizes them: the
 * convolution's int16 window column, the depthwise kernel's sums' starts and tap steps and the
 * fully connected kernel's int16 input row. Mirrors the C expressions one for one: a change to a
 * C buffer or its limit changes this.
 */
final class ScalarKernelStack {
  /** TX_SCALAR_CONV_COL (arm-scalar/src/tx_conv2d_s8.c): the most taps of a copied window. */
  static final long CONV_COL = 1024;
  /** TX_SCALAR_DW_TAPS (arm-scalar/src/tx_depthwise_conv2d_s8.c): the most taps of a window. */
  static final long DW_TAPS = 64;
  /** TX_DW3_M0_PLANE (tx_scalar_dw3_m0.h): the most bytes of one channel's plane on cortex-m0. */
  static final long DW3_M0_PLANE = 256;
  /** TX_SCALAR_FC_ROW (arm-scalar/src/tx_fully_connected_s8.c): the longest widened input row. */
  static final long FC_ROW = 1024;
  /** GCC keeps the AAPCS 8-byte stack alignment: each variable-length array takes a multiple of 8. */
  private static final long STACK_ALIGN = 8;

  private ScalarKernelStack() {}

  /** Bytes of variable-length arrays the call of {@code s} allocates on core {@code cpu}. */
  static long variableArrays(Step s, String cpu, boolean smallCode) {
    if (s instanceof ConvS8Step c) {
      long taps = c.windowSize(); // kh * kw * (in_c / groups)
      // int16_t col[3 * taps] (__thumb2__: three pixels) or col[taps] (cortex-m0) when
      // groups == 1 and taps <= TX_SCALAR_CONV_COL, else the reference loop
      long pixels = cpu.equals("cortex-m0") ? 1 : 3;
      return c.params().groups() == 1 && taps <= CONV_COL ? aligned(2 * pixels * taps) : 0;
    }
    if (s instanceof DepthwiseConvS8Step d) {
      long ch = d.in().shape4()[3];
      long taps = (long) d.filterShape()[1] * d.filterShape()[2];
      // uint32_t plain[ch], folded[ch]; int32_t steps[2 * taps] when channel_multiplier == 1 and
      // taps <= TX_SCALAR_DW_TAPS, else the reference loop; cortex-m0's planes
      if (d.params().channelMultiplier() != 1 || taps > DW_TAPS) {
        return 0;
      }
      long planes = cpu.equals("cortex-m0") && !smallCode ? dw3M0Planes(d) : 0;
      // the planar path starts its sums from the bias: plain[1], folded[1]
      return 2 * aligned(4 * (planes > 0 ? 1 : ch)) + aligned(8 * taps) + planes;
    }
    if (s instanceof FullyConnectedS8Step f) {
      long inFeatures = f.in().elements() / f.rows();
      // int16_t row[in_features] when in_features <= TX_SCALAR_FC_ROW, else the reference loop
      return inFeatures <= FC_ROW ? aligned(2 * inFeatures) : 0;
    }
    return 0;
  }

  /**
   * cortex-m0's 3x3 stride-1 planes (tx_scalar_dw3_m0.h, dw3_m0_takes and dw3_m0_image): uint8_t
   * planes[lanes * (rows + 2) * (out_w + 2)], four lanes when the channels are a multiple of
   * four (the image word aligned, as the arena's tensors are), strips of rows that fit
   * TX_DW3_M0_PLANE; none for calls the path does not take.
   */
  private static long dw3M0Planes(DepthwiseConvS8Step d) {
    var p = d.params();
    boolean highWord = java.util.Arrays.stream(p.shifts()).allMatch(sh -> sh <= -2);
    long pw = d.out().shape4()[2] + 2L;
    if (d.filterShape()[1] != 3 || d.filterShape()[2] != 3 || p.strideH() != 1 || p.strideW() != 1
        || p.dilationH() != 1 || p.dilationW() != 1 || p.inputOffset() < -127 || p.inputOffset() > 128
        || !highWord || 3 * pw > DW3_M0_PLANE) {
      return 0;
    }
    long rows = Math.min(d.out().shape4()[1], DW3_M0_PLANE / pw - 2);
    long lanes = d.in().shape4()[3] % 4 == 0 ? 4 : 1;
    return aligned(lanes * (rows + 2) * pw);
  }

  private static long aligned(long bytes) {
    return (bytes + STACK_ALIGN - 1) / STACK_ALIGN * STACK_ALIGN;
  }
}
