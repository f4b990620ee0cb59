package dev.tenax.calib;

/**
 * Chooses a clipping range from a value's {@link ValueStats}. Every range returned contains
 * zero (asymmetric int8 needs an exactly representable zero) and lies within the observed
 * [min, max] extended to zero.
 */
final class ClipSearch {
  /** Ratio between neighbouring candidate clip points of the MSE search. */
  static final double GRID_RATIO = 1.01;

  private ClipSearch() {}

  static double[] minMax(ValueStats s) {
    if (s.count() == 0) {
      return new double[] {0, 0};
    }
    return new double[] {Math.min(s.min(), 0), Math.max(s.max(), 0)};
  }

  /**
   * Clips {@code (100 - percentile) / 2} percent of the elements off each end, like ONNX
   * Runtime's asymmetric percentile calibration. Only whole histogram bins are clipped, and a
   * bin is clipped only when it lies entirely in the tail, so the range never cuts more than
   * asked; it can keep up to one bin width more.
   */
  static double[] percentile(ValueStats s, double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
    }
    if (s.count() == 0) {
      return new double[] {0, 0};
    }
    Histogram h = s.histogram();
    double cut = h.total() * (100 - percentile) / 200;
    int n = h.bins();
    long below = 0;
    int first = 0;
    while (first < n - 1 && below + h.count(first) <= cut) {
      below += h.count(first++);
    }
    long above = 0;
    int last = n - 1;
    while (last > first && above + h.count(last) <= cut) {
      above += h.count(last--);
    }
    double lo = Math.max(s.min(), h.edge(first));
    double hi = Math.min(s.max(), h.edge(last + 1));
    return new double[] {Math.min(lo, 0), Math.max(hi, 0)};
  }

  /**
   * The clip range [a, b] that minimizes the expected squared error of int8 asymmetric
   * quantization (256 levels, step (b - a) / 255) over the histogram. Elements inside the
   * range cost step^2 / 12 each (rounding error of a value uniform within its step), except
   * exact zeros, which cost nothing; elements outside cost their squared distance to the
   * nearer end (each bin's elements taken at its centre). With prefix sums of count, sum
   * and sum of squares, one candidate costs O(1), so every pair of candidates is tried: on
   * each side of zero, clip points from the observed extreme inwards in steps of 1%
   * (geometric) down to one bin width, and zero itself.
   */
  static double[] mse(ValueStats s, int levels) {
    if (s.count() == 0) {
      return new double[] {0, 0};
    }
    Histogram h = s.histogram();
    int n = h.bins();
    double[] p0 = new double[n + 1];
    double[] p1 = new double[n + 1];
    double[] p2 = new double[n + 1];
    int zeroBin = h.binOf(0);
    for (int i = 0; i < n; i++) {
      double c = h.count(i) - (i == zeroBin && h.lo() <= 0 && 0 <= h.hi() ? s.zeros() : 0);
      double x = h.edge(i) + h.width() / 2;
      p0[i + 1] = p0[i] + c;
      p1[i + 1] = p1[i] + c * x;
      p2[i + 1] = p2[i] + c * x * x;
    }
    double[] as = candidates(Math.min(s.min(), 0), h.width());
    double[] bs = candidates(Math.max(s.max(), 0), h.width());
    // Bins whose centre lies below a (index < ka) are clipped at a; above b (index >= kb), at b.
    int[] ka = new int[as.length];
    for (int i = 0; i < as.length; i++) {
      ka[i] = clamp((int) Math.ceil((as[i] - h.lo()) / h.width() - 0.5), n);
    }
    int[] kb = new int[bs.length];
    for (int j = 0; j < bs.length; j++) {
      kb[j] = clamp((int) Math.floor((bs[j] - h.lo()) / h.width() - 0.5) + 1, n);
    }
    double step2 = 1.0 / ((levels - 1.0) * (levels - 1.0) * 12);
    double best = Double.POSITIVE_INFINITY;
    double[] range = {as[0], bs[0]};
    for (int i = 0; i < as.length; i++) {
      double a = as[i];
      int k = ka[i];
      double low = Math.max(0, a * a * p0[k] - 2 * a * p1[k] + p2[k]);
      for (int j = 0; j < bs.length; j++) {
        double b = bs[j];
        int m = Math.max(kb[j], k);
        double high = Math.max(0, b * b * (p0[n] - p0[m]) - 2 * b * (p1[n] - p1[m]) + (p2[n] - p2[m]));
        double inside = p0[m] - p0[k];
        double err = low + high + inside * (b - a) * (b - a) * step2;
        if (err < best) {
          best = err;
          range = new double[] {a, b};
        }
      }
    }
    return range;
  }

  /** Clip points from {@code extreme} towards zero, geometric, down to one bin width; then 0. */
  private static double[] candidates(double extreme, double width) {
    double mag = Math.abs(extreme);
    if (mag == 0) {
      return new double[] {0};
    }
    int count = mag <= width ? 1 : 1 + (int) Math.ceil(Math.log(mag / width) / Math.log(GRID_RATIO));
    double[] c = new double[count + 1];
    for (int i = 0; i < count; i++) {
      c[i] = extreme / Math.pow(GRID_RATIO, i);
    }
    c[count] = 0;
    return c;
  }

  private static int clamp(int k, int n) {
    return Math.max(0, Math.min(n, k));
  }
}
