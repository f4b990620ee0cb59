package dev.tenax.calib;

/**
 * What calibration saw of one float value over all samples: exact min and max, how many
 * elements, how many were exactly zero (always representable, so they never cost
 * quantization error), how many were NaN or infinite (left out of everything else), and a
 * {@link Histogram} for the percentile and MSE methods.
 */
public final class ValueStats {
  private final Histogram histogram;
  private float min = Float.POSITIVE_INFINITY;
  private float max = Float.NEGATIVE_INFINITY;
  private long count;
  private long zeros;
  private long nonFinite;

  ValueStats(int bins) {
    histogram = new Histogram(bins);
  }

  void add(float[] x) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    int finite = 0;
    for (float v : x) {
      if (Float.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        finite++;
        if (v == 0) {
          zeros++;
        }
      } else {
        nonFinite++;
      }
    }
    if (finite == 0) {
      return;
    }
    min = Math.min(min, lo);
    max = Math.max(max, hi);
    count += finite;
    histogram.cover(lo, hi);
    for (float v : x) {
      if (Float.isFinite(v)) {
        histogram.add(v);
      }
    }
  }

  /** The smallest finite value seen (+infinity if none). */
  public float min() {
    return min;
  }

  /** The largest finite value seen (-infinity if none). */
  public float max() {
    return max;
  }

  /** Finite elements seen. */
  public long count() {
    return count;
  }

  public long zeros() {
    return zeros;
  }

  public long nonFinite() {
    return nonFinite;
  }

  Histogram histogram() {
    return histogram;
  }
}
