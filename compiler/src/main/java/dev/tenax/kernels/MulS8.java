package dev.tenax.kernels;

import dev.tenax.quant.ActivationRange;
import dev.tenax.quant.QuantizedMultiplier;
import dev.tenax.quant.Requantize;

/**
 * Elementwise int8 multiplication, the specification of {@code tx_mul_s8}: TFLite's reference
 * int8 Mul (CMSIS-NN's {@code arm_elementwise_mul_s8}). The product of the offset inputs (at most
 * 256 * 256) is requantized by one multiplier, the product of the scales over the output scale.
 */
public final class MulS8 {
  private MulS8() {}

  /** Mirrors {@code tx_mul_s8_params}; offsets are minus the zero points of the inputs. */
  public record Params(int input1Offset, int input2Offset, int outputOffset, int outputMultiplier,
      int outputShift, int actMin, int actMax) {}

  /** The parameters TFLite's Prepare computes from the scales and zero points. */
  public static Params forScales(double scale1, int zeroPoint1, double scale2, int zeroPoint2,
      double outScale, int outZeroPoint, ActivationRange range) {
    QuantizedMultiplier m = QuantizedMultiplier.of(scale1 * scale2 / outScale);
    return new Params(-zeroPoint1, -zeroPoint2, outZeroPoint, m.multiplier(), m.shift(),
        range.min(), range.max());
  }

  public static byte[] run(Params p, byte[] in1, byte[] in2) {
    if (in1.length != in2.length) {
      throw new IllegalArgumentException("inputs differ in size: " + in1.length + " and " + in2.length);
    }
    byte[] out = new byte[in1.length];
    for (int i = 0; i < in1.length; i++) {
      int product = (p.input1Offset() + in1[i]) * (p.input2Offset() + in2[i]);
      out[i] = (byte) Requantize.s8(product, p.outputMultiplier(), p.outputShift(), p.outputOffset(),
          p.actMin(), p.actMax());
    }
    return out;
  }
}
