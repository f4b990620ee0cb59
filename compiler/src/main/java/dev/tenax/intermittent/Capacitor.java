package dev.tenax.intermittent;

import dev.tenax.diag.UsageException;
import java.util.Locale;

/**
 * The energy store of a batteryless device: the core runs from {@code vOn} (the harvester has
 * charged it) down to {@code vOff} (brown-out), so one charge holds C (Von^2 - Voff^2) / 2.
 */
public record Capacitor(double farads, double vOn, double vOff) {
  public Capacitor {
    if (!(farads > 0) || !(vOff > 0) || !(vOn > vOff)) {
      throw new IllegalArgumentException("a capacitor needs C > 0 and Von > Voff > 0");
    }
  }

  public double joulesPerCharge() {
    return farads * (vOn * vOn - vOff * vOff) / 2;
  }

  /** The capacitance that holds {@code joules} per charge between the same voltages. */
  public double faradsFor(double joules) {
    return 2 * joules / (vOn * vOn - vOff * vOff);
  }

  /**
   * Parses "100uF" ({@link dev.tenax.energy.Units#farads}: also pF, nF, µF, mF, F, and "47UF") and
   * "2.4:1.8" (turn-on:brown-out volts), each with its own message when it is not one.
   */
  public static Capacitor parse(String capacitance, String voltages) throws UsageException {
    double farads = farads(capacitance);
    String[] v = voltages.trim().split(":");
    double on;
    double off;
    try {
      if (v.length != 2) {
        throw new NumberFormatException();
      }
      on = Double.parseDouble(v[0]);
      off = Double.parseDouble(v[1]);
    } catch (NumberFormatException e) {
      throw new UsageException("--voltage " + voltages + " is not a voltage window: give turn-on:brown-out volts, "
          + "e.g. --voltage 2.4:1.8");
    }
    if (!(off > 0) || !(on > off) || Double.isInfinite(on)) {
      throw new UsageException("--voltage " + voltages + ": the turn-on voltage must be above the brown-out one and "
          + "both above 0 V, e.g. --voltage 2.4:1.8");
    }
    return new Capacitor(farads, on, off);
  }

  private static double farads(String capacitance) throws UsageException {
    double f;
    try {
      f = dev.tenax.energy.Units.farads(capacitance);
    } catch (UsageException e) {
      f = 0;
    }
    if (!(f > 0)) {
      throw new UsageException("--capacitor " + capacitance + " is not a capacitance: give a positive number and a "
          + "unit, one of pF, nF, uF (or µF), mF and F, e.g. --capacitor 100uF");
    }
    return f;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4g uF charged from %.2f V to %.2f V (%.1f uJ per charge)", farads * 1e6,
        vOn, vOff, joulesPerCharge() * 1e6);
  }
}
