package dev.tenax.kernels;

import dev.tenax.quant.Requantize;

/**
 * The 16x8 fully-connected kernel, specification of {@code tx_fully_connected_s16}: {@code
 * out[b][o] = requantize64(bias[o] + sum_i in[b][i] * weights[o][i])} with int16 inputs, int8
 * weights, optional int64 bias, an int64 accumulator and the per-output-feature reduced (Q15)
 * multiplier and shift, as CMSIS-NN's {@code arm_fully_connected_s16} (zero points are 0). The
 * accumulator range is {@link Conv2dS16}'s.
 */
public final class FullyConnectedS16 {
  private FullyConnectedS16() {}

  /**
   * Mirrors {@code tx_fully_connected_s16_params}.
   *
   * @param multipliers reduced (Q15) multipliers, one per output feature
   * @param shifts shifts, one per output feature
   */
  public record Params(int actMin, int actMax, int[] multipliers, int[] shifts) {}

  /**
   * Runs the kernel.
   *
   * @param inShape NHWC; {@code n} is the batch count, {@code h * w * c} the input features
   * @param weights {@code [outFeatures][inFeatures]}
   * @param bias {@code [outFeatures]}, or null for none
   * @param outShape {@code (batches, 1, 1, outFeatures)}
   * @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT}
   */
  public static short[] run(Params p, int[] inShape, short[] input, byte[] weights, long[] bias,
      int[] outShape) {
    Shapes4.checkElementCount(inShape, "input");
    if (outShape.length != 4 || outShape[0] != inShape[0] || outShape[1] != 1 || outShape[2] != 1
        || outShape[3] <= 0) {
      throw new IllegalArgumentException("output shape must be (batches, 1, 1, outFeatures)");
    }
    S16Args.checkOutput(p.actMin(), p.actMax());
    int batches = inShape[0];
    int inFeatures = inShape[1] * inShape[2] * inShape[3]; // fits: the element count does
    int outFeatures = outShape[3];
    S16Args.checkLength(input, (long) batches * inFeatures, "input");
    Shapes4.checkLength(weights, (long) outFeatures * inFeatures, "weights");
    S16Args.checkChannels(p.multipliers(), p.shifts(), bias, outFeatures);

    short[] out = new short[batches * outFeatures];
    for (int b = 0; b < batches; b++) {
      for (int o = 0; o < outFeatures; o++) {
        long acc = bias != null ? bias[o] : 0;
        for (int i = 0; i < inFeatures; i++) {
          acc += input[b * inFeatures + i] * weights[o * inFeatures + i];
        }
        out[b * outFeatures + o] = (short) Requantize.s64ToS16(acc, p.multipliers()[o],
            p.shifts()[o], 0, p.actMin(), p.actMax());
      }
    }
    return out;
  }
}
