package dev.tenax.kernels;

import dev.tenax.quant.ActivationRange;
import dev.tenax.quant.QuantizedMultiplier;
import dev.tenax.quant.Requantize;

/**
 * Elementwise int16 multiplication, the specification of {@code tx_mul_s16}: CMSIS-NN's
 * {@code arm_elementwise_mul_s16} with TFLite's int16 Mul parameters. Zero points are 0, so the
 * product of the inputs (at most {@code 2^30} in magnitude, exact in int32) is requantized by one
 * multiplier, the product of the input scales over the output scale.
 */
public final class MulS16 {
  private MulS16() {}

  /** Mirrors {@code tx_mul_s16_params}. */
  public record Params(int outputMultiplier, int outputShift, int actMin, int actMax) {}

  /** The parameters TFLite's Prepare computes from the scales. */
  public static Params forScales(double scale1, double scale2, double outScale,
      ActivationRange range) {
    QuantizedMultiplier m = QuantizedMultiplier.of(scale1 * scale2 / outScale);
    return new Params(m.multiplier(), m.shift(), range.min(), range.max());
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
      out[i] = (short) Requantize.s16(in1[i] * in2[i], p.outputMultiplier(), p.outputShift(), 0,
          p.actMin(), p.actMax());
    }
    return out;
  }
}
