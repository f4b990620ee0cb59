package dev.tenax.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {
  @Test
  void growingByPairwiseMergesGivesTheSameCountsAsBinningOnceInTheFinalBins() {
    Random r = new Random(7);
    Histogram h = new Histogram(64);
    List<Double> seen = new ArrayList<>();
    double spread = 0.01;
    for (int batch = 0; batch < 40; batch++) {
      // Batches drift and widen so the range grows on both sides, many times.
      double centre = (r.nextDouble() - 0.5) * spread * 3;
      double[] xs = new double[50];
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < xs.length; i++) {
        xs[i] = centre + (r.nextDouble() - 0.5) * spread;
        lo = Math.min(lo, xs[i]);
        hi = Math.max(hi, xs[i]);
      }
      h.cover(lo, hi);
      for (double x : xs) {
        h.add(x);
        seen.add(x);
      }
      spread *= 1.3;
    }
    long[] direct = new long[h.bins()];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : seen) {
      direct[h.binOf(x)]++;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    for (int b = 0; b < h.bins(); b++) {
      assertEquals(direct[b], h.count(b), "bin " + b);
    }
    assertEquals(seen.size(), h.total());
    assertTrue(h.lo() <= min && max <= h.hi());
    // The price of growing in one pass: the covered range is at most about 4x the observed one.
    assertTrue(h.hi() - h.lo() <= 4 * (max - min) * (1 + 1e-9), (h.hi() - h.lo()) + " vs " + (max - min));
  }

  @Test
  void aConstantFirstBatchStillGrowsToLaterData() {
    Histogram h = new Histogram(16);
    h.cover(0, 0);
    h.add(0);
    h.cover(-3, 5);
    h.add(-3);
    h.add(5);
    assertTrue(h.lo() <= -3 && h.hi() >= 5);
    assertEquals(1, h.count(h.binOf(0)) - (h.binOf(0) == h.binOf(5) ? 1 : 0) - (h.binOf(0) == h.binOf(-3) ? 1 : 0));
    assertEquals(3, h.total());
  }
}
