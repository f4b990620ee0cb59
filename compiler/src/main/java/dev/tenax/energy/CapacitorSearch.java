package dev.tenax.energy;

import java.util.function.DoublePredicate;

/**
 * The smallest capacitance with which an inference finishes, by bisection on a logarithmic scale
 * (finishing is monotonic in C: a larger capacitor holds every on-period a smaller one would).
 */
public final class CapacitorSearch {
  private CapacitorSearch() {}

  /** Relative width at which the search stops: the answer is at most this much too large. */
  public static final double PRECISION = 0.005;

  /**
   * The smallest C in [{@code low}, {@code high}] farads for which {@code finishes} holds, rounded
   * up to {@link #PRECISION}; NaN when even {@code high} does not finish.
   */
  public static double smallest(DoublePredicate finishes, double low, double high) {
    if (!finishes.test(high)) {
      return Double.NaN;
    }
    if (finishes.test(low)) {
      return low;
    }
    while (high / low > 1 + PRECISION) {
      double mid = Math.sqrt(low * high);
      if (finishes.test(mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }
}
