package dev.tenax.cli;

import dev.tenax.energy.EnergySimulator;
import dev.tenax.energy.FirmwareInLoop;
import dev.tenax.energy.SimulationReport;
import dev.tenax.energy.Supervisor;
import dev.tenax.energy.SweepPlot;
import dev.tenax.energy.Units;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax sweep}: {@code simulate} over a grid of capacitors and supervisor thresholds, to size the hardware. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run 'tenax simulate' for every capacitor and Von/Voff pair given and print a table (and optionally "
        + "an SVG plot) of latency, power failures and energy overhead per point. Exit 70 when an output differs.")
final class SweepCommand implements Callable<Integer> {
  @Mixin
  EnergyOptions energy;

  @Option(names = "--caps", required = true, split = ",", paramLabel = "C",
      description = "Capacitances, e.g. 100uF,220uF,470uF.")
  List<String> caps;

  @Option(names = "--von", split = ",", paramLabel = "V", description = "Turn-on voltages (default: 2.4).")
  List<Double> vOns = List.of(2.4);

  @Option(names = "--voff", split = ",", paramLabel = "V", description = "Brown-out voltages (default: 1.8).")
  List<Double> vOffs = List.of(1.8);

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Write mean latency against capacitance as SVG.")
  Path plot;

  @Spec
  CommandSpec spec;

  /** One grid point's result. */
  public record Point(double farads, double vOn, double vOff, SimulationReport report) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EnergyOptions.Scenario s = energy.scenario(err);
    List<Point> points = new ArrayList<>();
    out.println(String.format(Locale.ROOT, "%-10s %6s %6s %6s %12s %10s %10s  %s", "C uF", "Von", "Voff", "done",
        "latency s", "fail/inf", "overhead", "outputs"));
    for (String c : caps) {
      double farads = Units.farads(c);
      SimulateCommand.checkCapacitor(s, farads, energy);
      for (double on : vOns) {
        for (double off : vOffs) {
          if (on <= off) {
            err.println("skipping Von " + on + " V <= Voff " + off + " V");
            continue;
          }
          if (on >= energy.vMax) {
            err.println("skipping Von " + on + " V: not below --vmax " + energy.vMax + " V, the MCU could never turn on");
            continue;
          }
          Supervisor sup = SimulateCommand.supervisor(on, off);
          EnergySimulator sim = EnergyOptions.simulator(s, s.capacitor(farads, energy.vMax, energy.v0), sup, null);
          FirmwareInLoop.Outcome o = s.loop().run(sim, s.maxInferences(), s.untilSeconds(), null);
          SimulationReport r = new SimulationReport(Map.of(), o, Double.NaN);
          points.add(new Point(farads, on, off, r));
          int n = o.inferences().size();
          if (n == 0) {
            // nothing finished: no latency, failure rate or overhead to show, only why
            out.println(String.format(Locale.ROOT, "%-10.4g %6.2f %6.2f %6d %12s %10s %10s  %s", farads * 1e6, on, off,
                0, "-", "-", "-", o.stoppedBecause()));
          } else {
            out.println(String.format(Locale.ROOT, "%-10.4g %6.2f %6.2f %6d %12.6g %10.3g %9.1f%%  %s", farads * 1e6,
                on, off, n, r.meanLatency(), r.powerFailures() / (double) n, 100 * r.totalEnergy().overhead(),
                r.allCorrect() ? "correct" : "WRONG"));
          }
          out.flush();
        }
      }
    }
    if (plot != null) {
      SimulateCommand.writeAtomically(plot, SweepPlot.latency(points.stream().map(p -> new SweepPlot.Point(p.farads(),
          p.vOn(), p.vOff(), p.report().meanLatency())).toList(), s.manifest().name() + " on "
          + energy.trace.getFileName() + ": mean latency per inference"));
      err.println("wrote " + plot);
    }
    boolean correct = points.stream().allMatch(p -> p.report().allCorrect());
    return correct ? ExitCodes.OK : ExitCodes.INTERNAL;
  }

}
