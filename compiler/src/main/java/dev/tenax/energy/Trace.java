package dev.tenax.energy;

/**
 * A harvesting trace: samples of one quantity at increasing times (seconds from the trace's
 * start), read between samples by holding the last one or interpolating linearly, and past the
 * end by looping from the start or stopping (the value is then 0 and {@link #ended} says so).
 */
public record Trace(TraceFormat format, double[] times, double[] values, Interpolation interpolation, End end) {
  public enum Interpolation { HOLD, LINEAR }

  public enum End { LOOP, STOP }

  public Trace {
    if (times.length == 0 || times.length != values.length) {
      throw new IllegalArgumentException("a trace needs at least one sample");
    }
  }

  /**
   * Length of one pass: from the first sample to one sample interval past the last, so a looped
   * trace repeats every sample with its own duration.
   */
  public double duration() {
    int n = times.length;
    double lastInterval = n > 1 ? times[n - 1] - times[n - 2] : 1.0;
    return times[n - 1] - times[0] + lastInterval;
  }

  /** Seconds between the first two samples (one pass for a single-sample trace). */
  public double sampleSeconds() {
    return times.length > 1 ? times[1] - times[0] : 1.0;
  }

  public boolean ended(double t) {
    return end == End.STOP && t >= duration();
  }

  /** Seconds after which a looped trace repeats itself; infinite for a trace that stops. */
  public double periodSeconds() {
    return end == End.LOOP ? duration() : Double.POSITIVE_INFINITY;
  }

  /** The quantity at {@code t} seconds from the start of the simulation. */
  public double valueAt(double t) {
    if (t < 0) {
      t = 0;
    }
    double d = duration();
    if (t >= d) {
      if (end == End.STOP) {
        return 0;
      }
      t = t % d;
    }
    double abs = times[0] + t;
    int i = java.util.Arrays.binarySearch(times, abs);
    if (i >= 0) {
      return values[i];
    }
    int below = -i - 2;
    if (below < 0) {
      return values[0];
    }
    if (interpolation == Interpolation.HOLD || below + 1 >= times.length) {
      return values[below];
    }
    double f = (abs - times[below]) / (times[below + 1] - times[below]);
    return values[below] + f * (values[below + 1] - values[below]);
  }

  /** Mean of the samples (for reports). */
  public double mean() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }
}
