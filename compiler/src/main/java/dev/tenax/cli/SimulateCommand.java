package dev.tenax.cli;

import dev.tenax.diag.UsageException;
import dev.tenax.energy.CapacitorSearch;
import dev.tenax.energy.EnergySimulator;
import dev.tenax.energy.FirmwareInLoop;
import dev.tenax.energy.InferenceResult;
import dev.tenax.energy.SimulationReport;
import dev.tenax.energy.Supervisor;
import dev.tenax.energy.SvgPlot;
import dev.tenax.energy.Units;
import dev.tenax.energy.VoltageHistory;
import dev.tenax.io.OutputDirectory;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Tensor;
import dev.tenax.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax simulate}: an intermittent build's real firmware powered by a harvesting trace through a capacitor. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate an intermittent build powered by an energy-harvesting trace: a capacitor model decides "
        + "when the power fails, the real firmware runs with those failures (QEMU, mspdebug sim or the host harness) and every "
        + "output is checked against an uninterrupted run. Exit 70 when an output differs. See docs/energy-simulator.md.")
final class SimulateCommand implements Callable<Integer> {
  /** Largest capacitance the too-small search tries. */
  static final double SEARCH_LIMIT_FARADS = 0.1;

  @Mixin
  EnergyOptions energy;

  @Option(names = "--cap", paramLabel = "C", description = "Storage capacitance (default: ${DEFAULT-VALUE}).")
  String cap = "470uF";

  @Option(names = "--von", paramLabel = "V", description = "Supervisor turn-on voltage (default: ${DEFAULT-VALUE}).")
  double vOn = 2.4;

  @Option(names = "--voff", paramLabel = "V", description = "Supervisor brown-out voltage (default: ${DEFAULT-VALUE}).")
  double vOff = 1.8;

  @Option(names = "--json", description = "Print one JSON object instead of the text report.")
  boolean json;

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Write the capacitor voltage over time as SVG.")
  Path plot;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write each finished inference's outputs, "
      + "as the interrupted firmware wrote them, to DIR/inference-K/<output>.npy (K from 0).")
  Path outputDir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (outputDir != null) {
      OutputDirectory.requireDirectory(outputDir, "-o");
    }
    if (energy.vMax <= vOn) {
      throw new UsageException("--vmax " + energy.vMax + " V is not above --von " + vOn + " V: the capacitor could "
          + "never turn the MCU on; raise --vmax or lower --von");
    }
    EnergyOptions.Scenario s = energy.scenario(err);
    Supervisor sup = supervisor(vOn, vOff);
    double farads = Units.farads(cap);
    checkCapacitor(s, farads, energy);
    VoltageHistory history = new VoltageHistory(Math.max(1e-3, Math.min(60, s.untilSeconds() / 4000)));
    EnergySimulator sim = EnergyOptions.simulator(s, s.capacitor(farads, energy.vMax, energy.v0), sup, history);
    boolean bar = s.maxInferences() > 1;
    dev.tenax.report.ProgressLine line = dev.tenax.report.ProgressLine.onStderr(err);
    FirmwareInLoop.Outcome o = s.loop().run(sim, s.maxInferences(), s.untilSeconds(),
        bar ? EnergyOptions.progressBar(line, s.maxInferences(), s.untilSeconds()) : null);
    line.end();
    double smallest = Double.NaN;
    if (o.neverFinished() && !o.neverOn()) {
      err.println("no inference finished (" + o.stoppedBecause() + "); searching for the smallest capacitor that "
          + "finishes one...");
      err.flush();
      smallest = smallestCapacitor(s, sup, farads);
    }
    SimulationReport report = new SimulationReport(setup(s, farads, sup), o, smallest);
    if (plot != null) {
      String title = String.format(Locale.ROOT, "%s on %s, %.4g uF, Von %.2f V, Voff %.2f V: %d inferences, %d power "
          + "failures", s.manifest().name(), energy.trace.getFileName(), farads * 1e6, vOn, vOff,
          o.inferences().size(), report.powerFailures());
      writeAtomically(plot, SvgPlot.voltage(history, sup, energy.vMax, title));
      err.println("wrote " + plot);
    }
    if (outputDir != null) {
      writeOutputs(o, outputDir);
      err.println("wrote the outputs of " + o.inferences().size() + " inferences to " + outputDir);
    }
    out.print(json ? Json.write(report.toJson()) : report.toText());
    out.flush();
    if (!report.allCorrect()) {
      return ExitCodes.INTERNAL;
    }
    return o.neverFinished() ? ExitCodes.NOT_FINISHED : ExitCodes.OK;
  }

  /** DIR/inference-K/&lt;output&gt;.npy for every finished inference, all written or none. */
  static void writeOutputs(FirmwareInLoop.Outcome o, Path dir) throws IOException {
    OutputDirectory files = new OutputDirectory(dir);
    for (InferenceResult r : o.inferences()) {
      for (Map.Entry<String, Tensor> e : r.outputs().entrySet()) {
        files.add("inference-" + r.index() + "/" + OutputDirectory.safeFileName(e.getKey()) + ".npy",
            TensorFiles.toNpy(e.getValue()));
      }
    }
    files.commit();
  }

  static Supervisor supervisor(double on, double off) throws UsageException {
    try {
      return new Supervisor(on, off);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + ": give --von above --voff, e.g. --von 2.4 --voff 1.8");
    }
  }

  static void checkCapacitor(EnergyOptions.Scenario s, double farads, EnergyOptions o) throws UsageException {
    try {
      s.capacitor(farads, o.vMax, o.v0);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (check --cap, --esr, --leakage, --vmax and --v0)");
    }
  }

  /** The smallest capacitance that finishes the first inference, each candidate running the firmware. */
  private double smallestCapacitor(EnergyOptions.Scenario s, Supervisor sup, double farads) {
    return CapacitorSearch.smallest(c -> {
      try {
        EnergySimulator probe = EnergyOptions.simulator(s, s.capacitor(c, energy.vMax, energy.v0), sup, null);
        return !s.loop().run(probe, 1, s.untilSeconds(), null).inferences().isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException | UsageException e) {
        throw new IllegalStateException(e);
      }
    }, farads, SEARCH_LIMIT_FARADS);
  }

  private Map<String, Object> setup(EnergyOptions.Scenario s, double farads, Supervisor sup) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("build", s.manifest().dir().toString());
    m.put("target", s.target().name());
    m.put("trace", energy.trace.toString());
    m.put("trace_format", s.read().trace().format().cliName);
    m.put("harvester", s.harvester().describe());
    m.put("capacitor_f", farads);
    m.put("esr_ohm", s.esrOhms());
    m.put("leakage_ohm", s.leakageOhms());
    m.put("von_v", sup.vOn());
    m.put("voff_v", sup.vOff());
    m.put("load", s.load().toString());
    return m;
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    // a sibling name, not createTempFile: that one is private (0600) and the plot is meant to be shared
    Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
