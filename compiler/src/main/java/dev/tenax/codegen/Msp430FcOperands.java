package dev.tenax.codegen;

import dev.tenax.lower.CArg;
import dev.tenax.lower.Step;
import dev.tenax.lower.steps.ConvS8Step;
import dev.tenax.lower.steps.FullyConnectedS8Step;
import dev.tenax.target.Target;
import java.util.List;

/**
 * The MSP430 fully-connected operand format: how the hardware-multiplier {@code
 * tx_fully_connected_s8} (runtime-c/msp430-hwmult) wants its weights and bias, for Winograd's
 * inner product (1968), one 16x16 multiplication per two MACs:
 *
 * <pre>
 *   sum_i X_i w_i = sum_k (X_2k + w_2k+1)(X_2k+1 + w_2k) - sum_k X_2k X_2k+1 - sum_k w_2k w_2k+1
 * </pre>
 *
 * (plus {@code X_n-1 w_n-1} for an odd row length n, {@code X = x + input offset}). The weight
 * pairs' sum of each row is known here, so the bias the kernel gets is {@code bias - sum_k w_2k
 * w_2k+1} (modulo 2^32, as the kernel accumulates), emitted even where the layer has none. The
 * weights are stored as {@code w XOR 0x80}, i.e. {@code w + 128} as an unsigned byte, which a byte
 * load's zero extension gives without a sign extension; the kernel's widened row holds {@code X -
 * 128}, so each factor is a byte load and one addition. Both are row-wise: the rows of a tile (or
 * of its run-time halves) converted are the converted rows of the whole, so tiles still point into
 * the whole's arrays. The Java evaluator keeps the plain operands: they are the specification.
 *
 * <p>The hardware-multiplier {@code tx_conv2d_s8} reads the same format for windows of at most
 * {@link #convWindowMax} values ({@code kh * kw * in_c / groups}): each output channel's
 * filter is a row over the window it gathers per output pixel. Larger windows keep plain
 * operands (the kernel multiplies them in place).
 */
public final class Msp430FcOperands {
  private Msp430FcOperands() {}

  /** TX_HW_CONV_PATCH in runtime-c/msp430-hwmult/src/tx_conv2d_s8.c: the largest window in this format. */
  public static final int CONV_WINDOW_MAX = 256;

  /** TX_HW_CONV_PATCH on the FR5969, whose 2 KB of SRAM hold a smaller window. */
  public static final int CONV_WINDOW_MAX_FR5969 = 128;

  /** The largest window {@code target}'s conv kernel reads in this format. */
  public static int convWindowMax(Target target) {
    return target.name().equals("msp430fr5969") ? CONV_WINDOW_MAX_FR5969 : CONV_WINDOW_MAX;
  }

  /** Whether {@code target}'s projects get the fully-connected kernel that reads this format. */
  public static boolean appliesTo(Target target) {
    return hasHwmultKernel(target, "tx_fully_connected_s8.c");
  }

  /** Whether {@code target}'s conv kernel reads this format for windows of {@code windowSize} values. */
  public static boolean appliesToConv(Target target, int windowSize) {
    return windowSize <= convWindowMax(target) && hasHwmultKernel(target, "tx_conv2d_s8.c");
  }

  private static boolean hasHwmultKernel(Target target, String file) {
    return target.hasFeature("hwmult32")
        && RuntimeSources.resourcePath(file, target).startsWith(RuntimeSources.MSP430_HWMULT);
  }

  /** The arguments of {@code s} as {@code target}'s kernel reads them. */
  static List<CArg> args(Step s, Target target) {
    if (s instanceof FullyConnectedS8Step fc && appliesTo(target)) {
      return fc.args(weights(fc.weights()), bias(fc.bias(), fc.weights(), fc.inFeatures()));
    }
    if (s instanceof ConvS8Step conv && appliesToConv(target, conv.windowSize())) {
      return conv.args(weights(conv.filter()), bias(conv.bias(), conv.filter(), conv.windowSize()));
    }
    return s.args();
  }

  /** Each weight as {@code w XOR 0x80}: {@code w + 128} read as an unsigned byte. */
  public static byte[] weights(byte[] w) {
    byte[] u = new byte[w.length];
    for (int i = 0; i < w.length; i++) {
      u[i] = (byte) (w[i] ^ 0x80);
    }
    return u;
  }

  /**
   * {@code bias[o] - sum_k w[o][2k] * w[o][2k + 1]} for rows of {@code inFeatures} weights (a
   * missing bias counts as zeros), wrapping in int32.
   */
  public static int[] bias(int[] bias, byte[] w, int inFeatures) {
    if (inFeatures <= 0 || w.length % inFeatures != 0) {
      throw new IllegalArgumentException(w.length + " weights are not rows of " + inFeatures);
    }
    int rows = w.length / inFeatures;
    if (bias != null && bias.length != rows) {
      throw new IllegalArgumentException(bias.length + " biases for " + rows + " rows of weights");
    }
    int[] out = new int[rows];
    for (int o = 0; o < rows; o++) {
      int pairs = 0;
      for (int i = o * inFeatures; i + 1 < (o + 1) * inFeatures; i += 2) {
        pairs += w[i] * w[i + 1];
      }
      out[o] = (bias != null ? bias[o] : 0) - pairs;
    }
    return out;
  }
}
