package dev.tenax.kernels;

import java.util.function.DoubleUnaryOperator;

/**
 * The int8 lookup-table approach of TFLite's int8 Logistic and Tanh: a smooth function of one
 * int8 value has only 256 possible results, so Prepare evaluates it once per input value and the
 * kernel ({@code tx_lut_s8.h}, shared by {@code tx_sigmoid_s8} and {@code tx_tanh_s8}) only looks
 * them up. Shared by {@link SigmoidS8} and {@link TanhS8}.
 */
final class LookupTableS8 {
  /** Entries: one per int8 value, entry {@code q + 128} for input {@code q}. */
  static final int SIZE = 256;

  private LookupTableS8() {}

  /**
   * For each q in [-128, 127]: dequantize, apply {@code f} in double, quantize rounding half away
   * from zero, clamp to int8. Any output scale works, not only TFLite's fixed one.
   */
  static byte[] table(double inScale, int inZeroPoint, double outScale, int outZeroPoint,
      DoubleUnaryOperator f) {
    if (!(inScale > 0) || !(outScale > 0) || Double.isInfinite(inScale) || Double.isInfinite(outScale)) {
      throw new IllegalArgumentException("scales must be positive and finite, got " + inScale
          + " and " + outScale);
    }
    checkZeroPoint(inZeroPoint);
    checkZeroPoint(outZeroPoint);
    byte[] table = new byte[SIZE];
    for (int q = -128; q < 128; q++) {
      double y = f.applyAsDouble(inScale * (q - inZeroPoint)) / outScale;
      double rounded = Math.signum(y) * Math.floor(Math.abs(y) + 0.5);
      double v = rounded + outZeroPoint;
      table[q + 128] = (byte) Math.max(-128, Math.min(127, v));
    }
    return table;
  }

  static void checkTable(byte[] table) {
    if (table == null || table.length != SIZE) {
      throw new IllegalArgumentException("the lookup table must hold " + SIZE + " entries");
    }
  }

  /** Maps every element through the table; the shape only matters to the C argument checks. */
  static byte[] run(byte[] table, int[] shape, byte[] in) {
    checkTable(table);
    Shapes4.checkPositive(shape, "input");
    Shapes4.checkLength(in, Shapes4.size(shape), "input");
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = table[in[i] + 128];
    }
    return out;
  }

  private static void checkZeroPoint(int zp) {
    if (zp < -128 || zp > 127) {
      throw new IllegalArgumentException("int8 zero point must be in [-128, 127], got " + zp);
    }
  }
}
