/* float32 elementary functions; the specification is dev.tenax.kernels.MathF32. */
#include "tx_math_f32.h"

typedef union {
  float f;
  uint32_t u;
} f32_pun;

uint32_t tx_f32_bits(float x)
{
  f32_pun p;
  p.f = x;
  return p.u;
}

float tx_f32_from_bits(uint32_t bits)
{
  f32_pun p;
  p.u = bits;
  return p.f;
}

/* 2^23: from here on every float is an integer. */
#define TWO_POW_23 0x1p23f

float tx_rintf(float x)
{
  float a = x < 0.0f ? -x : x;
  if (!(a < TWO_POW_23) || x == 0.0f) {
    return x; /* already an integer (keeping the sign of 0), infinite or NaN */
  }
  /* Adding 2^23 leaves no fraction bits, so the addition itself rounds half to even. */
  a = (a + TWO_POW_23) - TWO_POW_23;
  return x < 0.0f ? -a : a;
}

/* 2^k for k in [-126, 127], built from the exponent bits. */
static float pow2(int32_t k)
{
  return tx_f32_from_bits((uint32_t)(k + 127) << 23);
}

/* ln 2 split so that k * LN2_HI is exact for |k| < 2^9 (its low 9 significand bits are 0). */
#define LN2_HI 0x1.62e4p-1f
#define LN2_LO 0x1.7f7d1cp-20f
#define LOG2_E 0x1.715476p+0f
/* Above this e^x overflows float; below the other it is under half the smallest subnormal. */
#define EXP_MAX 0x1.62e42ep+6f
#define EXP_MIN (-0x1.9fe368p+6f)

float tx_expf(float x)
{
  float kf;
  float r;
  float q;
  float p;
  int32_t k;
  if (x != x) {
    return x;
  }
  if (x > EXP_MAX) {
    return tx_f32_from_bits(UINT32_C(0x7f800000));
  }
  if (x < EXP_MIN) {
    return 0.0f;
  }
  /* x = k ln2 + r with |r| <= ln2 / 2 (a little more from rounding k * log2 e). */
  kf = x * LOG2_E;
  k = (int32_t)(kf < 0.0f ? kf - 0.5f : kf + 0.5f);
  kf = (float)k;
  r = (x - kf * LN2_HI) - kf * LN2_LO;
  /* e^r = 1 + r + r^2 (1/2! + r/3! + ... + r^5/7!): Taylor to degree 7, whose truncation error
   * (< r^8/8!) is under 2^-27 here; adding 1 last keeps the rounding error of the sum small. */
  q = 0x1.a01a02p-13f;
  q = 0x1.6c16c2p-10f + r * q;
  q = 0x1.111112p-7f + r * q;
  q = 0x1.555556p-5f + r * q;
  q = 0x1.555556p-3f + r * q;
  q = 0x1.0p-1f + r * q;
  p = 1.0f + (r + (r * r) * q);
  /* Scale by 2^k exactly; k = 128 and the subnormal range take two steps, the last rounding
   * once. */
  if (k > 127) {
    return p * pow2(k - 1) * 2.0f;
  }
  if (k < -125) {
    return p * pow2(k + 64) * 0x1p-64f;
  }
  return p * pow2(k);
}

float tx_logf(float x)
{
  uint32_t bits;
  int32_t e;
  float m;
  float f;
  float s;
  float z;
  float t;
  float hfsq;
  float ef;
  if (x != x) {
    return x;
  }
  if (x < 0.0f) {
    return tx_f32_from_bits(UINT32_C(0x7fc00000));
  }
  if (x == 0.0f) {
    return tx_f32_from_bits(UINT32_C(0xff800000));
  }
  if (x > 0x1.fffffep+127f) {
    return x;
  }
  e = 0;
  if (x < 0x1p-126f) {
    x = x * 0x1p25f; /* a subnormal becomes normal, exactly */
    e = -25;
  }
  /* x = m 2^e with m in [sqrt(1/2), sqrt(2)). */
  bits = tx_f32_bits(x);
  e += (int32_t)(bits >> 23) - 127;
  m = tx_f32_from_bits((bits & UINT32_C(0x007fffff)) | UINT32_C(0x3f800000));
  if (m > 0x1.6a09e6p+0f) {
    m = m * 0.5f;
    e += 1;
  }
  /* With f = m - 1 (exact) and s = f / (2 + f), |s| < 0.172: ln m = 2 atanh(s) = 2s + s R with
   * R = z (2/3 + 2/5 z + ... + 2/13 z^5), z = s^2 (truncation under 2^-27), and since 2s = f - s f,
   * ln m = f - (f^2/2 - s (f^2/2 + R)): the exact f carries the result, so near m = 1 the
   * rounding errors of s only touch the small correction. */
  f = m - 1.0f;
  s = f / (2.0f + f);
  z = s * s;
  t = 0x1.3b13b2p-3f;
  t = 0x1.745d18p-3f + z * t;
  t = 0x1.c71c72p-3f + z * t;
  t = 0x1.24924ap-2f + z * t;
  t = 0x1.99999ap-2f + z * t;
  t = 0x1.555556p-1f + z * t;
  t = z * t;
  hfsq = 0.5f * f * f;
  t = f - (hfsq - s * (hfsq + t));
  ef = (float)e;
  return ef * LN2_HI + (t + ef * LN2_LO);
}
