package dev.tenax.kernels;

/**
 * float32 logistic sigmoid, the specification of {@code tx_sigmoid_f32}. e^-|x| never
 * overflows, so neither form meets inf / inf; for x < 0 the form e^x / (1 + e^x) keeps tiny
 * results accurate where 1 / (1 + e^-x) would need e^-x beyond float's range.
 */
public final class SigmoidF32 {
  private SigmoidF32() {}

  public static float[] run(float[] in) {
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = sigmoid(in[i]);
    }
    return out;
  }

  static float sigmoid(float x) {
    if (x < 0f) {
      float e = MathF32.exp(x);
      return e / (1f + e);
    }
    return 1f / (1f + MathF32.exp(-x));
  }
}
