package dev.tenax.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * The capacitor voltage over time for plots, thinned as it is recorded (a point when the voltage
 * moved by {@link #VOLTS_RESOLUTION} or {@link #maxGapSeconds} passed, and at every event), plus
 * the events: power failures and completed inferences.
 */
public final class VoltageHistory {
  public static final double VOLTS_RESOLUTION = 0.005;

  public enum Kind { POWER_FAILURE, INFERENCE_DONE }

  public record Event(double t, Kind kind, double volts) {}

  private final double maxGapSeconds;
  private final List<double[]> points = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();

  public VoltageHistory(double maxGapSeconds) {
    this.maxGapSeconds = maxGapSeconds;
  }

  void sample(double t, double v) {
    if (!points.isEmpty()) {
      double[] last = points.get(points.size() - 1);
      if (Math.abs(v - last[1]) < VOLTS_RESOLUTION && t - last[0] < maxGapSeconds) {
        return;
      }
    }
    points.add(new double[] {t, v});
  }

  void event(double t, Kind kind, double v) {
    points.add(new double[] {t, v});
    events.add(new Event(t, kind, v));
  }

  public List<double[]> points() {
    return points;
  }

  public List<Event> events() {
    return events;
  }
}
