package dev.tenax.codegen;

import dev.tenax.lower.Step;
import dev.tenax.lower.steps.ConvS8Step;
import dev.tenax.lower.steps.FullyConnectedS8Step;
import java.util.List;

/**
 * The variable-length arrays the Cortex-M DSP kernels (runtime-c/arm-dsp/src) put on the stack
 * for one call, sized as the C code sizes them: the im2col path's columns, channel table and
 * spare outputs and widened 9x3 filters (tx_arm_dsp_conv2d_im2col.h, conv_im2col), the
 * pixel-major path's record table (tx_arm_dsp_conv2d_pixels.h) and the fully connected kernel's
 * expanded row (tx_fully_connected_s8.c). Their fixed-size buffers (the depthwise planes
 * int16_t planes[TX_DW_PLANES], its tap table) are in the measured frames instead
 * (target.CortexMStackFrames). Mirrors the C expressions one for one, next to the path choice
 * they depend on ({@link DspKernelPaths}): a change to either C buffer changes this.
 */
final class DspKernelStack {
  /** TX_COL_STRIDE (tx_arm_dsp_conv2d_im2col_expand.h): words per group of four taps. */
  private static final long COL_STRIDE = 8;
  /** TX_CONV_CHUNK (tx_arm_dsp_conv2d_blocks.h): channels per channel table. */
  private static final long CONV_CHUNK = 64;
  /** TX_CONV_TAB_WORDS (tx_arm_dsp_conv2d_blocks.h): words per channel in the channel table. */
  private static final long CONV_TAB_WORDS = 5;
  /** GCC keeps the AAPCS 8-byte stack alignment: each variable-length array takes a multiple of 8. */
  private static final long STACK_ALIGN = 8;

  private DspKernelStack() {}

  /** Bytes of variable-length arrays the call of {@code s} that takes {@code paths} allocates. */
  static long variableArrays(Step s, List<String> paths) {
    if (s instanceof ConvS8Step c && paths.stream().anyMatch(p -> p.startsWith("TX_CONV2D_S8_PATH_IM2COL_"))) {
      return im2col(c, paths.contains("TX_CONV2D_S8_PATH_IM2COL_9X3"));
    }
    if (s instanceof ConvS8Step c && paths.contains("TX_CONV2D_S8_PATH_PIXELS")) {
      long inC = c.in().shape4()[3];
      // int32_t tab[out_c * TX_PIXELS_REC_WORDS(k)], TX_PIXELS_REC_WORDS(k) = 4 + k / 2
      return aligned(4L * c.out().shape4()[3] * (4 + inC / 2));
    }
    if (s instanceof FullyConnectedS8Step f && paths.contains("TX_FULLY_CONNECTED_S8_PATH_ROW")) {
      long inFeatures = f.in().elements() / f.rows();
      return aligned(4 * (inFeatures >> 1)); // int32_t col[in_features >> 1]
    }
    return 0;
  }

  /** conv_im2col's arrays: col, gat, tab, spare and wpad, in that order. */
  private static long im2col(ConvS8Step s, boolean window9x3) {
    var p = s.params();
    int[] out = s.out().shape4();
    long kw = s.filterShape()[2];
    long inC = s.in().shape4()[3];
    long k = s.filterShape()[1] * kw * inC;
    long groups = (k >> 2) + ((k & 3) != 0 ? 1 : 0); // full + (tail != 0)
    long outC = out[3];
    long total = (long) out[0] * out[1] * out[2]; // out_shape->n * out_h * out_w
    long col = 4 * COL_STRIDE * groups; // int32_t col[TX_COL_STRIDE * groups]
    // int8_t gat[(in_c & 3) == 0 ? 1 : dilation_w == 1 && (w * in_c) % 4 == 0 ? w * in_c : 4 * groups]
    long gat = (inC & 3) == 0 ? 1 : p.dilationW() == 1 && (kw * inC) % 4 == 0 ? kw * inC : 4 * groups;
    long chunk = Math.min(outC, CONV_CHUNK); // out_c < TX_CONV_CHUNK ? out_c : TX_CONV_CHUNK
    long tab = 4 * chunk * CONV_TAB_WORDS; // int32_t tab[chunk * TX_CONV_TAB_WORDS]
    long spare = total % 4 != 0 ? 4 * chunk : 1; // int8_t spare[total % 4 != 0 ? 4 * chunk : 1]
    long wpad = 4 * (window9x3 ? 2 * groups * chunk : 1); // int32_t wpad[window9x3 ? 2 * groups * chunk : 1]
    return aligned(col) + aligned(gat) + aligned(tab) + aligned(spare) + aligned(wpad);
  }

  private static long aligned(long bytes) {
    return (bytes + STACK_ALIGN - 1) / STACK_ALIGN * STACK_ALIGN;
  }
}
