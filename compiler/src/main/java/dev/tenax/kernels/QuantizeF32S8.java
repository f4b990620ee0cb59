package dev.tenax.kernels;

/**
 * float32 to int8 quantization, the specification of {@code tx_quantize_f32_s8}: ONNX
 * QuantizeLinear per tensor, {@code saturate(rint(x / scale) + zeroPoint)} with a float32 division
 * and rounding half to even. NaN becomes the zero point (ONNX leaves it undefined; Tenax's
 * QuantizeLinear evaluator does the same); infinities saturate.
 */
public final class QuantizeF32S8 {
  private QuantizeF32S8() {}

  /** Mirrors {@code tx_quantize_f32_s8_params}. */
  public record Params(float scale, int zeroPoint) {
    public Params {
      if (!(scale > 0f) || !Float.isFinite(scale)) {
        throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
      }
      if (zeroPoint < -128 || zeroPoint > 127) {
        throw new IllegalArgumentException("zero point " + zeroPoint + " is outside int8");
      }
    }
  }

  public static byte[] run(Params p, float[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) quantize(in[i], p.scale(), p.zeroPoint(), -128, 127);
    }
    return out;
  }

  /** One value; the int16 twin uses it with its own range. */
  static int quantize(float x, float scale, int zeroPoint, int min, int max) {
    float q = x / scale;
    if (Float.isNaN(q)) {
      return zeroPoint;
    }
    // Math.rint works in double, exact for every float; C uses MathF32.rint's float-only trick.
    double r = Math.max(-0x1p20, Math.min(0x1p20, Math.rint(q)));
    return Math.max(min, Math.min(max, (int) r + zeroPoint));
  }
}
