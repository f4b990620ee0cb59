package dev.tenax.energy;

import java.util.Locale;

/**
 * An open-circuit voltage (from a trace) behind a series resistance: the current into the
 * capacitor is (Voc - V) / R while positive, so it falls as the capacitor charges and never
 * reverses (a harvester front end has a rectifier). MSPSim voltage traces are read as Voc behind
 * the 30 kOhm they were recorded across, unless another resistance is given.
 */
public record TheveninHarvester(Trace openCircuitVolts, double ohms) implements Harvester {
  /** The load the MSPSim energy fork's RF traces were measured across (their README). */
  public static final double MSPSIM_RECORDING_OHMS = 30_000;

  public TheveninHarvester {
    if (!(ohms > 0)) {
      throw new IllegalArgumentException("a Thevenin source needs R > 0");
    }
  }

  @Override
  public double current(double t, double volts) {
    return Math.max(0, (openCircuitVolts.valueAt(t) - volts) / ohms);
  }

  @Override
  public double sampleSeconds() {
    return openCircuitVolts.sampleSeconds();
  }

  @Override
  public boolean ended(double t) {
    return openCircuitVolts.ended(t);
  }

  @Override
  public double periodSeconds() {
    return openCircuitVolts.periodSeconds();
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "Thevenin source: Voc from the trace (mean %.3g V) behind %.4g ohm",
        openCircuitVolts.mean(), ohms);
  }
}
