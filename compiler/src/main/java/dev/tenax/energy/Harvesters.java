package dev.tenax.energy;

import dev.tenax.diag.UsageException;
import java.util.Locale;

/** The harvester a trace implies: power as is, lux through the PV cell, voltage as a Thevenin source, irradiance x area x efficiency. */
public final class Harvesters {
  private Harvesters() {}

  /** Choices the trace leaves open; NaN/0 for "not given". */
  public record Options(double theveninOhms, int cells, double areaCm2, double efficiency, double wattsPerUnit) {}

  public static Harvester of(Trace trace, Options o) throws UsageException {
    return switch (trace.format().quantity) {
      case POWER -> new PowerHarvester(trace, o.wattsPerUnit(), o.wattsPerUnit() == 1 ? "power trace"
          : String.format(Locale.ROOT, "power trace x %.4g W per unit", o.wattsPerUnit()));
      case LUX -> new PvCell(trace, o.cells());
      case IRRADIANCE -> new PowerHarvester(trace, o.areaCm2() * 1e-4 * o.efficiency(), String.format(Locale.ROOT,
          "irradiance x %.3g cm^2 x %.0f%% efficiency", o.areaCm2(), o.efficiency() * 100));
      case VOLTAGE -> {
        double ohms = !Double.isNaN(o.theveninOhms()) ? o.theveninOhms()
            : trace.format() == TraceFormat.MSPSIM_VOLTAGE ? TheveninHarvester.MSPSIM_RECORDING_OHMS : Double.NaN;
        if (Double.isNaN(ohms)) {
          throw new UsageException("a voltage trace is an open-circuit voltage behind a resistance: give it with "
              + "--source-ohms (e.g. --source-ohms 30k)");
        }
        yield new TheveninHarvester(trace, ohms);
      }
    };
  }
}
