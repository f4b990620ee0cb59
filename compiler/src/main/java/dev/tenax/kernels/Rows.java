package dev.tenax.kernels;

/** Rows of the innermost axis for the float Softmax kernels. */
final class Rows {
  private Rows() {}

  static void check(int rowSize, int length) {
    if (rowSize <= 0 || length == 0 || length % rowSize != 0) {
      throw new IllegalArgumentException(length + " values do not form rows of " + rowSize);
    }
  }

  /** The row's maximum as C finds it: the first value, replaced by each greater one (NaN first
   * stays, a later NaN is skipped; either way e^(NaN) makes the row NaN). */
  static float max(float[] x, int base, int n) {
    float max = x[base];
    for (int i = base + 1; i < base + n; i++) {
      if (x[i] > max) {
        max = x[i];
      }
    }
    return max;
  }
}
