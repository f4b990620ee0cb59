package dev.tenax.kernels;

/**
 * float32 elementary functions for the float kernels, the specification of {@code tx_math_f32.h}.
 * {@link Math#exp} and libm differ in the last bit between platforms, so both languages compute
 * these with the same float32 operations in the same order; Java's float arithmetic is exactly
 * rounded (strict since 17), as C's is with {@code -ffp-contract=off} and no excess precision.
 */
public final class MathF32 {
  private MathF32() {}

  private static final float TWO_POW_23 = 0x1p23f;
  /** ln 2 split so that {@code k * LN2_HI} is exact for |k| < 2^9 (9 low significand bits 0). */
  private static final float LN2_HI = 0x1.62e4p-1f;
  private static final float LN2_LO = 0x1.7f7d1cp-20f;
  private static final float LOG2_E = 0x1.715476p+0f;
  /** Above this e^x overflows float; below the other it is under half the smallest subnormal. */
  private static final float EXP_MAX = 0x1.62e42ep+6f;
  private static final float EXP_MIN = -0x1.9fe368p+6f;
  private static final float SQRT2 = 0x1.6a09e6p+0f;

  /** x rounded to the nearest integer, ties to even, by the float-only trick C uses. */
  public static float rint(float x) {
    float a = x < 0f ? -x : x;
    if (!(a < TWO_POW_23) || x == 0f) {
      return x; // already an integer (keeping the sign of 0), infinite or NaN
    }
    // Adding 2^23 leaves no fraction bits, so the addition itself rounds half to even.
    a = (a + TWO_POW_23) - TWO_POW_23;
    return x < 0f ? -a : a;
  }

  private static float pow2(int k) {
    return Float.intBitsToFloat((k + 127) << 23);
  }

  /**
   * e^x within 1.03 ulp (normal results); x above ~88.72 gives +inf, below ~-103.97 gives 0, NaN
   * stays NaN.
   */
  public static float exp(float x) {
    if (x != x) {
      return x;
    }
    if (x > EXP_MAX) {
      return Float.POSITIVE_INFINITY;
    }
    if (x < EXP_MIN) {
      return 0f;
    }
    // x = k ln2 + r with |r| <= ln2 / 2 (a little more from rounding k * log2 e).
    float kf = x * LOG2_E;
    int k = (int) (kf < 0f ? kf - 0.5f : kf + 0.5f);
    kf = k;
    float r = (x - kf * LN2_HI) - kf * LN2_LO;
    // e^r = 1 + r + r^2 (1/2! + r/3! + ... + r^5/7!): the Taylor truncation error (< r^8/8!) is
    // under 2^-27 here; adding 1 last keeps the rounding error of the sum small.
    float q = 0x1.a01a02p-13f;
    q = 0x1.6c16c2p-10f + r * q;
    q = 0x1.111112p-7f + r * q;
    q = 0x1.555556p-5f + r * q;
    q = 0x1.555556p-3f + r * q;
    q = 0x1.0p-1f + r * q;
    float p = 1f + (r + (r * r) * q);
    // Scale by 2^k exactly; k = 128 and the subnormal range take two steps, the last rounding once.
    if (k > 127) {
      return p * pow2(k - 1) * 2f;
    }
    if (k < -125) {
      return p * pow2(k + 64) * 0x1p-64f;
    }
    return p * pow2(k);
  }

  /** ln x within 0.85 ulp; 0 gives -inf, negative gives NaN, +inf gives +inf, NaN stays NaN. */
  public static float log(float x) {
    if (x != x) {
      return x;
    }
    if (x < 0f) {
      return Float.NaN;
    }
    if (x == 0f) {
      return Float.NEGATIVE_INFINITY;
    }
    if (x > Float.MAX_VALUE) {
      return x;
    }
    int e = 0;
    if (x < Float.MIN_NORMAL) {
      x = x * 0x1p25f; // a subnormal becomes normal, exactly
      e = -25;
    }
    // x = m 2^e with m in [sqrt(1/2), sqrt(2)).
    int bits = Float.floatToRawIntBits(x);
    e += (bits >>> 23) - 127;
    float m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f800000);
    if (m > SQRT2) {
      m = m * 0.5f;
      e += 1;
    }
    // With f = m - 1 (exact) and s = f / (2 + f), |s| < 0.172: ln m = 2 atanh(s) = 2s + s R with
    // R = z (2/3 + 2/5 z + ... + 2/13 z^5), z = s^2 (truncation under 2^-27), and since
    // 2s = f - s f, ln m = f - (f^2/2 - s (f^2/2 + R)): the exact f carries the result, so near
    // m = 1 the rounding errors of s only touch the small correction.
    float f = m - 1f;
    float s = f / (2f + f);
    float z = s * s;
    float t = 0x1.3b13b2p-3f;
    t = 0x1.745d18p-3f + z * t;
    t = 0x1.c71c72p-3f + z * t;
    t = 0x1.24924ap-2f + z * t;
    t = 0x1.99999ap-2f + z * t;
    t = 0x1.555556p-1f + z * t;
    t = z * t;
    float hfsq = 0.5f * f * f;
    t = f - (hfsq - s * (hfsq + t));
    float ef = e;
    return ef * LN2_HI + (t + ef * LN2_LO);
  }
}
