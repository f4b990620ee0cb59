package dev.tenax.energy;

import java.util.Locale;

/**
 * Where the energy went, in joules: harvested into the capacitor, drawn by the MCU in each state,
 * lost in the ESR and through leakage. Over any interval, harvested = consumed + leaked + the
 * change in stored energy (the simulator books each step so that this holds to rounding).
 */
public final class EnergyLedger {
  public double harvested;
  public double run;
  public double boot;
  public double sleep;
  public double off;
  public double esr;
  public double leaked;

  public double consumed() {
    return run + boot + sleep + off + esr;
  }

  public EnergyLedger copy() {
    EnergyLedger l = new EnergyLedger();
    l.add(this, 1);
    return l;
  }

  /** This ledger minus {@code earlier}: what happened in between. */
  public EnergyLedger since(EnergyLedger earlier) {
    EnergyLedger l = copy();
    l.add(earlier, -1);
    return l;
  }

  private void add(EnergyLedger o, double sign) {
    harvested += sign * o.harvested;
    run += sign * o.run;
    boot += sign * o.boot;
    sleep += sign * o.sleep;
    off += sign * o.off;
    esr += sign * o.esr;
    leaked += sign * o.leaked;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "harvested %.4g J, MCU running %.4g J, booting %.4g J, off %.4g J, ESR %.4g J, "
        + "leaked %.4g J", harvested, run, boot, off, esr, leaked);
  }
}
