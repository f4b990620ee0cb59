package dev.tenax.ops.rnn;

import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import java.util.Random;

/** Test data and element access for the recurrent layer tests. */
final class RecurrentFixtures {
  private RecurrentFixtures() {}

  /** A float32 tensor of {@code shape} with values in [-1, 1) from a seeded generator. */
  static Tensor random(long seed, int... shape) {
    Random rnd = new Random(seed);
    float[] v = new float[Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextFloat() * 2 - 1;
    }
    return Tensor.ofFloats(shape, v);
  }

  /** Element at a row-major multi-index, or 0 when {@code t} is null (an omitted input). */
  static double at(Tensor t, int... idx) {
    if (t == null) {
      return 0;
    }
    int[] shape = t.shape();
    int flat = 0;
    for (int i = 0; i < idx.length; i++) {
      flat = flat * shape[i] + idx[i];
    }
    return t.floats()[flat];
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double clip(double x, double c) {
    return Math.max(-c, Math.min(c, x));
  }

  /** Swaps the first two axes of a 3-D tensor (X, and states between layouts 0 and 1). */
  static Tensor swap01(Tensor t) {
    int[] s = t.shape();
    int inner = t.size() / (s[0] * s[1]);
    float[] out = new float[t.size()];
    for (int i = 0; i < s[0]; i++) {
      for (int j = 0; j < s[1]; j++) {
        System.arraycopy(t.floats(), (i * s[1] + j) * inner, out, (j * s[0] + i) * inner, inner);
      }
    }
    int[] swapped = s.clone();
    swapped[0] = s[1];
    swapped[1] = s[0];
    return Tensor.ofFloats(swapped, out);
  }

  /** Y of layout 0 [seq, dirs, batch, hidden] rearranged as layout 1 [batch, seq, dirs, hidden]. */
  static Tensor batchFirstY(Tensor y) {
    int[] s = y.shape();
    int seq = s[0];
    int dirs = s[1];
    int batch = s[2];
    int hidden = s[3];
    float[] out = new float[y.size()];
    for (int t = 0; t < seq; t++) {
      for (int d = 0; d < dirs; d++) {
        for (int b = 0; b < batch; b++) {
          System.arraycopy(y.floats(), ((t * dirs + d) * batch + b) * hidden, out,
              ((b * seq + t) * dirs + d) * hidden, hidden);
        }
      }
    }
    return Tensor.ofFloats(new int[] {batch, seq, dirs, hidden}, out);
  }
}
