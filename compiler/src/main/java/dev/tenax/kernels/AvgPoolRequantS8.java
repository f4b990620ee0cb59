package dev.tenax.kernels;

import dev.tenax.quant.QuantizedMultiplier;
import dev.tenax.quant.Requantize;

/**
 * Int8 average pooling into another quantization, the specification of
 * {@code tx_avg_pool_requant_s8}: per window the int32 sum of the valid inputs plus the input
 * offset, then one {@link Requantize#s8} with a multiplier that folds the division by the window
 * ({@code inScale / (window * outScale)}), the output zero point and the clamp. One rounding keeps
 * the result within float noise of ONNX's QDQ AveragePool; {@link AvgPoolS8}'s rounded quotient
 * followed by a requantization would round twice. These are the bits of a depthwise convolution
 * with unit weights and that multiplier (how the compiler lowered the average before): padded
 * positions are skipped, and a window of padding only gives the requantized 0.
 */
public final class AvgPoolRequantS8 {
  private AvgPoolRequantS8() {}

  /**
   * The largest window (filter height times width): sums of up to 2^23 taps of magnitude 255
   * or less stay below 2^31, so neither the sum nor the offset's share ever wraps (in C: no
   * signed overflow without wrap helpers in the inner loop).
   */
  public static final int MAX_WINDOW = 1 << 23;

  /**
   * Mirrors {@code tx_avg_pool_requant_s8_params}.
   *
   * @param inputOffset minus the input zero point, in [-127, 128]
   * @param outputOffset the output zero point
   * @param multiplier and {@code shift}: the requantization of the window's sum
   */
  public record Params(PoolGeometry geometry, int inputOffset, int outputOffset, int actMin,
      int actMax, int multiplier, int shift) {
    /** The same call with another top padding (a row tile's). */
    public Params withPadTop(int pad) {
      return new Params(geometry.withPadTop(pad), inputOffset, outputOffset, actMin, actMax,
          multiplier, shift);
    }
  }

  /** @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT} */
  public static byte[] run(Params p, int[] inShape, byte[] in, int[] outShape) {
    PoolGeometry g = p.geometry();
    PoolGeometry.checkShapes(inShape, outShape);
    Shapes4.checkOutputS8(p.outputOffset(), p.actMin(), p.actMax());
    if ((long) g.filterH() * g.filterW() > MAX_WINDOW) {
      throw new IllegalArgumentException("a window of " + g.filterH() + "x" + g.filterW()
          + " exceeds the " + MAX_WINDOW + " taps an int32 sum holds");
    }
    if (p.inputOffset() < -127 || p.inputOffset() > 128) {
      throw new IllegalArgumentException("input offset " + p.inputOffset() + " outside [-127, 128]");
    }
    if (p.multiplier() < 0 || p.shift() < QuantizedMultiplier.MIN_SHIFT
        || p.shift() > QuantizedMultiplier.MAX_SHIFT) {
      throw new IllegalArgumentException("requantization multiplier " + p.multiplier() + " shift "
          + p.shift() + ": the multiplier must be >= 0 and the shift in ["
          + QuantizedMultiplier.MIN_SHIFT + ", " + QuantizedMultiplier.MAX_SHIFT + "]");
    }
    byte[] out = new byte[(int) Shapes4.size(outShape)];
    PoolLoops.sums(g, inShape, i -> in[i], outShape, (index, sum, count) ->
        out[index] = (byte) Requantize.s8(sum + count * p.inputOffset(), p.multiplier(), p.shift(),
            p.outputOffset(), p.actMin(), p.actMax()));
    return out;
  }
}
