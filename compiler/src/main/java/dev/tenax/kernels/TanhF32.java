package dev.tenax.kernels;

/**
 * float32 hyperbolic tangent, the specification of {@code tx_tanh_f32}. Below |x| = 0.5 the
 * Taylor series x - x^3/3 + 2x^5/15 - ... (to x^15, truncation under 2^-26 relative) avoids the
 * cancellation of 1 - e^-2|x|; above it (1 - e) / (1 + e) with e = e^-2|x| <= e^-1 loses nothing
 * and tends to 1 for large |x| (e underflows to 0, never inf / inf). Odd symmetry is exact.
 */
public final class TanhF32 {
  private TanhF32() {}

  public static float[] run(float[] in) {
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = tanh(in[i]);
    }
    return out;
  }

  static float tanh(float x) {
    float a = x < 0f ? -x : x;
    if (a < 0x1p-12f) {
      return x; // tanh x = x (1 - x^2/3 + ...) rounds to x; keeps the sign of 0
    }
    if (a < 0.5f) {
      float z = x * x;
      float t = -0x1.7da364p-10f; // -929569/638512875
      t = 0x1.d6d3d0p-9f + z * t; // 21844/6081075
      t = -0x1.226e36p-7f + z * t; // -1382/155925
      t = 0x1.664f48p-6f + z * t; // 62/2835
      t = -0x1.ba1ba2p-5f + z * t; // -17/315
      t = 0x1.111112p-3f + z * t; // 2/15
      t = -0x1.555556p-2f + z * t; // -1/3
      return x + x * (z * t);
    }
    float e = MathF32.exp(-2f * a);
    float r = (1f - e) / (1f + e);
    return x < 0f ? -r : r;
  }
}
