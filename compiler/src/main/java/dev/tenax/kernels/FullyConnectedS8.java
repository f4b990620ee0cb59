package dev.tenax.kernels;

import dev.tenax.quant.Requantize;

/**
 * The int8 fully-connected kernel, specification of {@code tx_fully_connected_s8}: {@code
 * out[b][o] = requantize(bias[o] + sum_i (in[b][i] + inputOffset) * weights[o][i])} with the
 * per-output-feature multiplier and shift, as TFLite's int8 reference kernel computes it. The
 * accumulator wraps in int32 like the Cortex-M code does.
 */
public final class FullyConnectedS8 {
  private FullyConnectedS8() {}

  /**
   * Mirrors {@code tx_fully_connected_s8_params}.
   *
   * @param inputOffset minus the input zero point
   * @param outputOffset the output zero point
   * @param multipliers Q31 multipliers, one per output feature
   * @param shifts shifts, one per output feature
   */
  public record Params(int inputOffset, int outputOffset, int actMin, int actMax, int[] multipliers,
      int[] shifts) {}

  /**
   * Runs the kernel.
   *
   * @param inShape NHWC; {@code n} is the batch count, {@code h * w * c} the input features
   * @param weights {@code [outFeatures][inFeatures]}
   * @param bias {@code [outFeatures]}, or null for none
   * @param outShape {@code (batches, 1, 1, outFeatures)}
   * @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT}
   */
  public static byte[] run(Params p, int[] inShape, byte[] input, byte[] weights, int[] bias,
      int[] outShape) {
    Shapes4.checkElementCount(inShape, "input");
    if (outShape.length != 4 || outShape[0] != inShape[0] || outShape[1] != 1 || outShape[2] != 1
        || outShape[3] <= 0) {
      throw new IllegalArgumentException("output shape must be (batches, 1, 1, outFeatures)");
    }
    Shapes4.checkOutputS8(p.outputOffset(), p.actMin(), p.actMax());
    int batches = inShape[0];
    int inFeatures = inShape[1] * inShape[2] * inShape[3]; // fits: the element count does
    int outFeatures = outShape[3];
    Shapes4.checkLength(input, (long) batches * inFeatures, "input");
    Shapes4.checkLength(weights, (long) outFeatures * inFeatures, "weights");
    Shapes4.checkChannels(p.multipliers(), p.shifts(), bias, outFeatures);

    byte[] out = new byte[batches * outFeatures];
    for (int b = 0; b < batches; b++) {
      for (int o = 0; o < outFeatures; o++) {
        int acc = bias != null ? bias[o] : 0;
        for (int i = 0; i < inFeatures; i++) {
          acc += (input[b * inFeatures + i] + p.inputOffset()) * weights[o * inFeatures + i];
        }
        out[b * outFeatures + o] = (byte) Requantize.s8(acc, p.multipliers()[o], p.shifts()[o],
            p.outputOffset(), p.actMin(), p.actMax());
      }
    }
    return out;
  }
}
