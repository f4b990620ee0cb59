package dev.tenax.kernels;

import dev.tenax.quant.ActivationRange;
import dev.tenax.quant.FixedPoint;
import dev.tenax.quant.QuantizedMultiplier;
import dev.tenax.quant.Requantize;

/**
 * Elementwise int8 addition, the specification of {@code tx_add_s8}: TFLite's reference int8 Add
 * (and CMSIS-NN's {@code arm_elementwise_add_s8}). Both inputs are brought to a common scale with
 * {@code leftShift} bits of headroom (20 for int8 in TFLite) and one multiplier each, summed, then
 * requantized to the output. Inputs have the same shape; the compiler expands broadcasting.
 *
 * @param input1Offset minus the zero point of input 1
 * @param leftShift headroom bits applied to both offset inputs before their multipliers
 */
public final class AddS8 {
  private AddS8() {}

  /** Mirrors {@code tx_add_s8_params}. */
  public record Params(int input1Offset, int input1Multiplier, int input1Shift, int input2Offset,
      int input2Multiplier, int input2Shift, int leftShift, int outputOffset, int outputMultiplier,
      int outputShift, int actMin, int actMax) {
    public Params {
      if (leftShift < 0 || leftShift > 30) {
        throw new IllegalArgumentException("left shift must be in [0, 30], got " + leftShift);
      }
    }
  }

  /** TFLite's int8 left shift: 20 bits of headroom below the int32 limit for |value| <= 255. */
  public static final int LEFT_SHIFT = 20;

  /**
   * The parameters TFLite's Prepare computes from the scales and zero points: both inputs are
   * scaled to {@code 2 * max(scale1, scale2)}, so their multipliers are at most 1/2.
   */
  public static Params forScales(double scale1, int zeroPoint1, double scale2, int zeroPoint2,
      double outScale, int outZeroPoint, ActivationRange range) {
    double twiceMax = 2 * Math.max(scale1, scale2);
    QuantizedMultiplier m1 = QuantizedMultiplier.of(scale1 / twiceMax);
    QuantizedMultiplier m2 = QuantizedMultiplier.of(scale2 / twiceMax);
    QuantizedMultiplier mo = QuantizedMultiplier.of(twiceMax / ((1 << LEFT_SHIFT) * outScale));
    return new Params(-zeroPoint1, m1.multiplier(), m1.shift(), -zeroPoint2, m2.multiplier(),
        m2.shift(), LEFT_SHIFT, outZeroPoint, mo.multiplier(), mo.shift(), range.min(), range.max());
  }

  public static byte[] run(Params p, byte[] in1, byte[] in2) {
    if (in1.length != in2.length) {
      throw new IllegalArgumentException("inputs differ in size: " + in1.length + " and " + in2.length);
    }
    byte[] out = new byte[in1.length];
    for (int i = 0; i < in1.length; i++) {
      int a = (p.input1Offset() + in1[i]) << p.leftShift();
      int b = (p.input2Offset() + in2[i]) << p.leftShift();
      int sa = FixedPoint.multiplyByQuantizedMultiplier(a, p.input1Multiplier(), p.input1Shift());
      int sb = FixedPoint.multiplyByQuantizedMultiplier(b, p.input2Multiplier(), p.input2Shift());
      out[i] = (byte) Requantize.s8(sa + sb, p.outputMultiplier(), p.outputShift(), p.outputOffset(),
          p.actMin(), p.actMax());
    }
    return out;
  }
}
