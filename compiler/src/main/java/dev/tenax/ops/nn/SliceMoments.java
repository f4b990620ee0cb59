package dev.tenax.ops.nn;

/** Mean and inverse standard deviation of a contiguous slice, as the normalization ops need. */
final class SliceMoments {
  private SliceMoments() {}

  /** Mean of {@code in[base .. base+n)}, summed in double. */
  static double mean(float[] in, int base, int n) {
    double sum = 0;
    for (int k = base; k < base + n; k++) {
      sum += in[k];
    }
    return sum / n;
  }

  /** 1 / sqrt(population variance + epsilon) of the slice around {@code mean}. */
  static double invStd(float[] in, int base, int n, double mean, double epsilon) {
    double sq = 0;
    for (int k = base; k < base + n; k++) {
      double d = in[k] - mean;
      sq += d * d;
    }
    return 1.0 / Math.sqrt(sq / n + epsilon);
  }
}
