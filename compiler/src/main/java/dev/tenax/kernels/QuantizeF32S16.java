package dev.tenax.kernels;

/**
 * float32 to int16 quantization, the specification of {@code tx_quantize_f32_s16}: ONNX
 * QuantizeLinear per tensor, {@code saturate(rint(x / scale) + zeroPoint)} with a float32 division
 * and rounding half to even. NaN becomes the zero point (ONNX leaves it undefined; Tenax's
 * QuantizeLinear evaluator does the same); infinities saturate.
 */
public final class QuantizeF32S16 {
  private QuantizeF32S16() {}

  /** Mirrors {@code tx_quantize_f32_s16_params}. */
  public record Params(float scale, int zeroPoint) {
    public Params {
      if (!(scale > 0f) || !Float.isFinite(scale)) {
        throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
      }
      if (zeroPoint < -32768 || zeroPoint > 32767) {
        throw new IllegalArgumentException("zero point " + zeroPoint + " is outside int16");
      }
    }
  }

  public static short[] run(Params p, float[] in) {
    short[] out = new short[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (short) QuantizeF32S8.quantize(in[i], p.scale(), p.zeroPoint(), -32768, 32767);
    }
    return out;
  }
}
