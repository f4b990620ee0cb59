package dev.tenax.kernels;

/**
 * float32 Softmax over the innermost axis, the specification of {@code tx_softmax_f32}: each row
 * of {@code rowSize} values becomes e^(x - max) / sum with e^ from {@link MathF32#exp} and the sum
 * in index order. Subtracting the maximum keeps every exponent <= 0: no overflow, sum >= 1.
 */
public final class SoftmaxF32 {
  private SoftmaxF32() {}

  public static float[] run(int rowSize, float[] in) {
    Rows.check(rowSize, in.length);
    float[] out = new float[in.length];
    for (int base = 0; base < in.length; base += rowSize) {
      float max = Rows.max(in, base, rowSize);
      float sum = 0f;
      for (int i = base; i < base + rowSize; i++) {
        out[i] = MathF32.exp(in[i] - max);
        sum += out[i];
      }
      for (int i = base; i < base + rowSize; i++) {
        out[i] = out[i] / sum;
      }
    }
    return out;
  }
}
