package dev.tenax.kernels;

import dev.tenax.quant.ActivationRange;
import dev.tenax.quant.FixedPoint;
import dev.tenax.quant.QuantizedMultiplier;
import dev.tenax.quant.Requantize;

/**
 * Elementwise int16 addition, the specification of {@code tx_add_s16}: CMSIS-NN's
 * {@code arm_elementwise_add_s16} with TFLite's int16 Add parameters. Zero points are 0 (symmetric
 * int16), so there are no offsets: each input is shifted left by {@code leftShift} (15 for int16,
 * so {@code |x| << 15 <= 2^30} stays in int32), scaled by its own multiplier (at most 1/2), the
 * two are summed and the sum is requantized to the output. Everything fits int32. Inputs have the
 * same shape; the compiler expands broadcasting.
 */
public final class AddS16 {
  private AddS16() {}

  /** TFLite's int16 left shift: 15 bits of headroom, the most that cannot overflow int32. */
  public static final int LEFT_SHIFT = 15;

  /** Mirrors {@code tx_add_s16_params}. */
  public record Params(int input1Multiplier, int input1Shift, int input2Multiplier,
      int input2Shift, int leftShift, int outputMultiplier, int outputShift, int actMin,
      int actMax) {
    public Params {
      if (leftShift < 0 || leftShift > LEFT_SHIFT) {
        throw new IllegalArgumentException("left shift must be in [0, 15], got " + leftShift);
      }
    }
  }

  /**
   * The parameters TFLite's int16 Add Prepare computes (general path): both inputs are scaled to
   * {@code 2 * max(scale1, scale2)}, the output multiplier is that over {@code 2^15 * outScale}.
   */
  public static Params forScales(double scale1, double scale2, double outScale,
      ActivationRange range) {
    double twiceMax = 2 * Math.max(scale1, scale2);
    QuantizedMultiplier m1 = QuantizedMultiplier.of(scale1 / twiceMax);
    QuantizedMultiplier m2 = QuantizedMultiplier.of(scale2 / twiceMax);
    QuantizedMultiplier mo = QuantizedMultiplier.of(twiceMax / ((1 << LEFT_SHIFT) * outScale));
    return new Params(m1.multiplier(), m1.shift(), m2.multiplier(), m2.shift(), LEFT_SHIFT,
        mo.multiplier(), mo.shift(), range.min(), range.max());
  }

  /** @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT} */
  public static short[] run(Params p, short[] in1, short[] in2) {
    if (in1.length != in2.length) {
      throw new IllegalArgumentException("inputs differ in size: " + in1.length + " and "
          + in2.length);
    }
    S16Args.checkOutput(p.actMin(), p.actMax());
    short[] out = new short[in1.length];
    for (int i = 0; i < in1.length; i++) {
      int a = FixedPoint.multiplyByQuantizedMultiplier(in1[i] << p.leftShift(),
          p.input1Multiplier(), p.input1Shift());
      int b = FixedPoint.multiplyByQuantizedMultiplier(in2[i] << p.leftShift(),
          p.input2Multiplier(), p.input2Shift());
      out[i] = (short) Requantize.s16(a + b, p.outputMultiplier(), p.outputShift(), 0,
          p.actMin(), p.actMax());
    }
    return out;
  }
}
