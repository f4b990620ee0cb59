package dev.tenax.kernels;

/**
 * int16 to float32 dequantization, the specification of {@code tx_dequantize_s16_f32}: ONNX
 * DequantizeLinear per tensor, {@code (float) (q - zeroPoint) * scale}. The difference converts
 * to float exactly, so the single float32 multiplication is the only rounding.
 */
public final class DequantizeS16F32 {
  private DequantizeS16F32() {}

  /** Mirrors {@code tx_dequantize_s16_f32_params}. */
  public record Params(float scale, int zeroPoint) {
    public Params {
      if (zeroPoint < -32768 || zeroPoint > 32767) {
        throw new IllegalArgumentException("zero point " + zeroPoint + " is outside int16");
      }
    }
  }

  public static float[] run(Params p, short[] in) {
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) (in[i] - p.zeroPoint()) * p.scale();
    }
    return out;
  }
}
