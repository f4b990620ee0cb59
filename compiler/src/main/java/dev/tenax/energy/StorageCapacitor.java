package dev.tenax.energy;

import java.util.Locale;

/**
 * The energy store: capacitance, equivalent series resistance (the MCU sees V - I x ESR while it
 * draws I), leakage as a parallel resistance, the maximum voltage (a shunt clamps it; harvest
 * beyond it is turned away, not stored) and the voltage at the start of the simulation.
 */
public record StorageCapacitor(double farads, double esrOhms, double leakageOhms, double maxVolts, double initialVolts) {
  public StorageCapacitor {
    if (!(farads > 0) || esrOhms < 0 || !(leakageOhms > 0) || !(maxVolts > 0) || initialVolts < 0
        || initialVolts > maxVolts) {
      throw new IllegalArgumentException("a capacitor needs C > 0, ESR >= 0, leakage resistance > 0 and "
          + "0 <= V0 <= Vmax");
    }
  }

  public double joulesAt(double volts) {
    return farads * volts * volts / 2;
  }

  public StorageCapacitor withFarads(double f) {
    return new StorageCapacitor(f, esrOhms, leakageOhms, maxVolts, initialVolts);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4g uF (ESR %.3g ohm, leakage %.3g Mohm, Vmax %.2f V, V0 %.2f V)",
        farads * 1e6, esrOhms, leakageOhms / 1e6, maxVolts, initialVolts);
  }
}
