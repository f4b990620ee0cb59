package dev.tenax.energy;

import java.util.Locale;

/**
 * A photovoltaic cell under a lux trace, charging the capacitor directly (no MPPT converter).
 * Empirical model fitted by least squares to the measured current-voltage curves of the
 * Panasonic Amorton AM1417 amorphous-silicon indoor cell at 300 to 20,000 lux (the Simba
 * project's curves, ../shared/energy-traces/solar-iv-curves, checked by PvCellTest):
 * <pre>
 *   Isc(L) = 61.4 uA x (L / 1000 lux)^0.936
 *   Voc(L) = 2.497 V + 0.1457 V x ln(L / 1000 lux)
 *   I(V)   = Isc x (1 - (V / Voc)^2.8)   for 0 &lt;= V &lt; Voc, else 0
 * </pre>
 * Its maximum power point is within 28% of each measured curve's (the curves themselves scatter:
 * short-circuit current per lux varies by 30% between them). A single-diode model with one
 * saturation current fitted these curves worse (MPP off by more than 100%), because the
 * amorphous cell's curves are soft. Cell count {@code cells} multiplies the current (parallel).
 */
public record PvCell(Trace lux, int cells) implements Harvester {
  static final double ISC_AT_1000_LUX = 61.4e-6;
  static final double ISC_EXPONENT = 0.936;
  static final double VOC_AT_1000_LUX = 2.497;
  static final double VOC_PER_LN_LUX = 0.1457;
  static final double SHAPE = 2.8;

  /** The modelled cell current at {@code lx} lux and {@code volts}. */
  public static double current(double lx, double volts, int cells) {
    if (lx <= 0) {
      return 0;
    }
    double voc = VOC_AT_1000_LUX + VOC_PER_LN_LUX * Math.log(lx / 1000);
    if (voc <= 0 || volts >= voc) {
      return 0;
    }
    double isc = ISC_AT_1000_LUX * Math.pow(lx / 1000, ISC_EXPONENT);
    return cells * isc * (1 - Math.pow(Math.max(0, volts) / voc, SHAPE));
  }

  @Override
  public double current(double t, double volts) {
    return current(lux.valueAt(t), volts, cells);
  }

  @Override
  public double sampleSeconds() {
    return lux.sampleSeconds();
  }

  @Override
  public boolean ended(double t) {
    return lux.ended(t);
  }

  @Override
  public double periodSeconds() {
    return lux.periodSeconds();
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%d x AM1417 PV cell (model fitted to measured IV curves) under the lux trace "
        + "(mean %.0f lux)", cells, lux.mean());
  }
}
