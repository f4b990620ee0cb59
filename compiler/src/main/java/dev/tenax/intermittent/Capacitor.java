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

  /** Parses "100uF" (also nF, mF, F) and "2.4:1.8" (volts). */
  public static Capacitor parse(String capacitance, String voltages) throws UsageException {
    String c = capacitance.trim();
    double scale = c.endsWith("nF") ? 1e-9 : c.endsWith("uF") ? 1e-6 : c.endsWith("mF") ? 1e-3 : c.endsWith("F") ? 1 : 0;
    String[] v = voltages.split(":");
    try {
      if (scale == 0 || v.length != 2) {
        throw new NumberFormatException();
      }
      return new Capacitor(Double.parseDouble(c.replaceAll("[numF]+$", "")) * scale, Double.parseDouble(v[0]),
          Double.parseDouble(v[1]));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--capacitor " + capacitance + " --voltage " + voltages + " is not a capacitor: "
          + "give e.g. --capacitor 100uF --voltage 2.4:1.8 (turn-on:brown-out volts, turn-on higher)");
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4g uF charged from %.2f V to %.2f V (%.1f uJ per charge)", farads * 1e6,
        vOn, vOff, joulesPerCharge() * 1e6);
  }
}
