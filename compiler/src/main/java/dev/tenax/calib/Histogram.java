package dev.tenax.calib;

/**
 * A fixed number of equal-width bins over a range that grows with the data, in one pass.
 * When a value falls outside, the bin width doubles and neighbouring bins merge pairwise
 * (the range extends to whichever side needs it), so re-binning is exact: no count is
 * split or interpolated, old bin edges are all edges of the new bins. The price is
 * resolution: the covered range can end up at most about 4x the observed one, so at least
 * a quarter of the bins span the data.
 */
final class Histogram {
  private final long[] counts;
  private double lo;
  private double width;
  private long total;

  Histogram(int bins) {
    if (bins < 4 || bins % 2 != 0) {
      throw new IllegalArgumentException("bins must be even and at least 4, got " + bins);
    }
    counts = new long[bins];
  }

  /** Makes the range cover [min, max] (finite, min <= max). */
  void cover(double min, double max) {
    int n = counts.length;
    if (width == 0) {
      double span = max - min;
      if (span > 0) {
        // One spare bin keeps the first max inside the range despite rounding.
        lo = min;
        width = span / (n - 1);
      } else {
        // A constant first batch: centre a small range on it; later data grows it.
        width = Math.max(Math.abs(min), 1e-6) / n;
        lo = min - width * (n / 2);
      }
    }
    while (min < lo) {
      growLeft();
    }
    while (max > hi()) {
      growRight();
    }
  }

  /** Counts {@code x}, which must lie in a range already {@link #cover}ed. */
  void add(double x) {
    int i = (int) ((x - lo) / width);
    counts[Math.max(0, Math.min(counts.length - 1, i))]++;
    total++;
  }

  private void growRight() {
    int half = counts.length / 2;
    for (int j = 0; j < half; j++) {
      counts[j] = counts[2 * j] + counts[2 * j + 1];
    }
    java.util.Arrays.fill(counts, half, counts.length, 0);
    width *= 2;
  }

  private void growLeft() {
    int n = counts.length;
    int half = n / 2;
    // Descending order reads every old pair before its slot is overwritten.
    for (int j = n - 1; j >= half; j--) {
      int k = 2 * (j - half);
      counts[j] = counts[k] + counts[k + 1];
    }
    java.util.Arrays.fill(counts, 0, half, 0);
    lo -= n * width;
    width *= 2;
  }

  int bins() {
    return counts.length;
  }

  long count(int bin) {
    return counts[bin];
  }

  long total() {
    return total;
  }

  double lo() {
    return lo;
  }

  double hi() {
    return lo + counts.length * width;
  }

  double width() {
    return width;
  }

  /** Lower edge of {@code bin}. */
  double edge(int bin) {
    return lo + bin * width;
  }

  /** The bin holding {@code x}, clamped to the range. */
  int binOf(double x) {
    int i = (int) Math.floor((x - lo) / width);
    return Math.max(0, Math.min(counts.length - 1, i));
  }
}
