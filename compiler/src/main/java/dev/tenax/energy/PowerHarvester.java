package dev.tenax.energy;

import java.util.Locale;

/**
 * Power in watts delivered into the capacitor (an ideal converter behind the harvester), so the
 * current is P / V. Below {@link #COLD_START_VOLTS} the current is that of the cold-start voltage:
 * a real converter cannot push infinite current into an empty capacitor. Irradiance traces
 * become power through a cell area and efficiency (P = G x A x eta).
 */
public record PowerHarvester(Trace trace, double wattsPerUnit, String source) implements Harvester {
  /** Voltage under which the converter's current stops growing (a stated model choice). */
  public static final double COLD_START_VOLTS = 0.1;

  @Override
  public double current(double t, double volts) {
    double p = Math.max(0, trace.valueAt(t) * wattsPerUnit);
    return p / Math.max(volts, COLD_START_VOLTS);
  }

  @Override
  public double sampleSeconds() {
    return trace.sampleSeconds();
  }

  @Override
  public boolean ended(double t) {
    return trace.ended(t);
  }

  @Override
  public double periodSeconds() {
    return trace.periodSeconds();
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%s into the capacitor through an ideal converter (mean %.4g W)", source,
        Math.max(0, trace.mean() * wattsPerUnit));
  }
}
