package dev.tenax.examples;

import java.util.SplittableRandom;

/** Random numbers for the examples' training programs, drawn from one seeded generator only. */
public final class TrainingRandom {
  private TrainingRandom() {}

  /**
   * A standard normal sample by Box-Muller. StrictMath, not Math: Math.log and Math.cos may
   * differ in the last bit between JVMs and processors, StrictMath's results are specified.
   */
  public static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
  }

  /** He-normal initialization (standard deviation sqrt(2 / fanIn)), suited to Relu layers. */
  public static void he(float[] w, int fanIn, SplittableRandom r) {
    double sd = Math.sqrt(2.0 / fanIn);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (gaussian(r) * sd);
    }
  }

  /** Fisher-Yates shuffle of {@code a} in place. */
  public static void shuffle(int[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
