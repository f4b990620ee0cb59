package dev.tenax.kernels;

/**
 * float32 LogSoftmax over the innermost axis, the specification of {@code tx_log_softmax_f32}:
 * each row of {@code rowSize} values becomes (x - max) - ln(sum e^(x - max)), the sum in index
 * order, with {@link MathF32#exp} and {@link MathF32#log}.
 */
public final class LogSoftmaxF32 {
  private LogSoftmaxF32() {}

  public static float[] run(int rowSize, float[] in) {
    Rows.check(rowSize, in.length);
    float[] out = new float[in.length];
    for (int base = 0; base < in.length; base += rowSize) {
      float max = Rows.max(in, base, rowSize);
      float sum = 0f;
      for (int i = base; i < base + rowSize; i++) {
        sum += MathF32.exp(in[i] - max);
      }
      float logSum = MathF32.log(sum);
      for (int i = base; i < base + rowSize; i++) {
        out[i] = (in[i] - max) - logSum;
      }
    }
    return out;
  }
}
