package dev.tenax.cli;

import dev.tenax.diag.UsageException;
import dev.tenax.energy.EnergySimulator;
import dev.tenax.energy.FirmwareInLoop;
import dev.tenax.energy.Harvester;
import dev.tenax.energy.Harvesters;
import dev.tenax.energy.LoadProfile;
import dev.tenax.energy.StorageCapacitor;
import dev.tenax.energy.Supervisor;
import dev.tenax.energy.Trace;
import dev.tenax.energy.TraceFormat;
import dev.tenax.energy.TraceReader;
import dev.tenax.energy.Units;
import dev.tenax.energy.VoltageHistory;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.io.InputBinding;
import dev.tenax.io.JsonParser;
import dev.tenax.ir.Tensor;
import dev.tenax.target.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code simulate} and {@code sweep} share: the build, the trace and harvester, the capacitor's losses, inputs and limits. */
final class EnergyOptions {
  @Parameters(index = "0", paramLabel = "BUILD", description = "An intermittent build (tenax compile --intermittent).")
  Path build;

  @Option(names = "--trace", required = true, paramLabel = "FILE", description = "The harvesting trace.")
  Path trace;

  @Option(names = "--trace-format", paramLabel = "F", description = "csv-power, csv-lux, csv-voltage, "
      + "csv-irradiance, fused-lux or mspsim-voltage (default: detected from the file, and printed).")
  String traceFormat;

  @Option(names = "--trace-column", paramLabel = "NAME", description = "CSV traces: the value column (default: the "
      + "first named power, lux, volt/vcap or irradiance W/m^2).")
  String traceColumn;

  @Option(names = "--time-unit", paramLabel = "s|ms", description = "CSV traces: the time column's unit when its "
      + "name does not say (default: ms if the name contains ms, else s).")
  String timeUnit;

  @Option(names = "--interpolate", paramLabel = "hold|linear", description = "Between samples (default: hold).")
  String interpolate = "hold";

  @Option(names = "--trace-end", paramLabel = "loop|stop", description = "Past the last sample: start over, or "
      + "harvest nothing (default: loop).")
  String traceEnd = "loop";

  @Option(names = "--source-ohms", paramLabel = "R", description = "Voltage traces: the Thevenin resistance behind "
      + "the open-circuit voltage (default for mspsim-voltage: 30k, the load the traces were recorded across).")
  String sourceOhms;

  @Option(names = "--cells", paramLabel = "N", description = "Lux traces: AM1417 cells in parallel (default: ${DEFAULT-VALUE}).")
  int cells = 1;

  @Option(names = "--area-cm2", paramLabel = "CM2", description = "Irradiance traces: cell area in cm^2 (default: ${DEFAULT-VALUE}).")
  double areaCm2 = 10;

  @Option(names = "--efficiency", paramLabel = "FRACTION", description = "Irradiance traces: cell and converter efficiency (default: "
      + "${DEFAULT-VALUE}).")
  double efficiency = 0.10;

  @Option(names = "--watts-per-unit", paramLabel = "W", description = "Power traces: watts per unit of the column (default: "
      + "${DEFAULT-VALUE}, the column is in watts).")
  double wattsPerUnit = 1;

  @Option(names = "--esr", paramLabel = "OHMS", description = "Capacitor equivalent series resistance "
      + "(default: ${DEFAULT-VALUE}).")
  String esr = "0.1";

  @Option(names = "--leakage", paramLabel = "OHMS", description = "Capacitor leakage as a parallel resistance "
      + "(default: ${DEFAULT-VALUE}).")
  String leakage = "10M";

  @Option(names = "--vmax", paramLabel = "V", description = "Capacitor maximum voltage; harvest beyond it is shunted (default: "
      + "${DEFAULT-VALUE}).")
  double vMax = 3.6;

  @Option(names = "--v0", paramLabel = "V", description = "Capacitor voltage at the start (default: ${DEFAULT-VALUE}).")
  double v0 = 0;

  @Option(names = "--input", paramLabel = "NAME=FILE|FILE", description = "Inputs as for 'tenax run' (repeatable); "
      + "several files for one input are used in turn, one per inference.")
  List<String> inputs = List.of();

  @Option(names = "--inferences", paramLabel = "N", description = "Run N inferences (default: 1 unless --duration).")
  Integer inferences;

  @Option(names = "--duration", paramLabel = "TIME", description = "Run inferences back to back for this much "
      + "simulated time, e.g. 1h.")
  String duration;

  @Option(names = "--power-profile", paramLabel = "FILE", description = "Your board's measured power profile, the "
      + "file given to 'tenax compile --power-profile' (active current, boot and commit cycles); default: the "
      + "target's datasheet figures.")
  Path powerProfile;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per firmware run (default: ${DEFAULT-VALUE}).")
  long timeout = 600;

  /** Everything a simulation of one capacitor and threshold pair needs except those. */
  record Scenario(ProjectManifest manifest, Target target, TraceReader.Read read, Harvester harvester,
      LoadProfile load, FirmwareInLoop loop, int maxInferences, double untilSeconds, double esrOhms,
      double leakageOhms) {
    StorageCapacitor capacitor(double farads, double vMax, double v0) {
      return new StorageCapacitor(farads, esrOhms, leakageOhms, vMax, v0);
    }
  }

  Scenario scenario(PrintWriter err) throws IOException, UsageException {
    ProjectManifest m = ProjectManifest.read(build);
    Target t = PowerFailureRun.target(m);
    TraceFormat f = null;
    if (traceFormat != null) {
      f = TraceFormat.byName(traceFormat);
      if (f == null) {
        throw new UsageException("--trace-format " + traceFormat + " is not one of " + TraceFormat.names());
      }
    }
    Trace.Interpolation interp = switch (interpolate) {
      case "hold" -> Trace.Interpolation.HOLD;
      case "linear" -> Trace.Interpolation.LINEAR;
      default -> throw new UsageException("--interpolate takes hold or linear, not " + interpolate);
    };
    Trace.End end = switch (traceEnd) {
      case "loop" -> Trace.End.LOOP;
      case "stop" -> Trace.End.STOP;
      default -> throw new UsageException("--trace-end takes loop or stop, not " + traceEnd);
    };
    if (inferences != null && duration != null) {
      throw new UsageException("give --inferences or --duration, not both");
    }
    if (inferences != null && inferences < 1) {
      throw new UsageException("--inferences must be at least 1");
    }
    if (!(efficiency > 0 && efficiency <= 1)) {
      throw new UsageException("--efficiency " + efficiency + " is not a fraction: give one in (0, 1], e.g. 0.1 for 10%");
    }
    double secondsPerUnit = timeUnit == null ? Double.NaN : switch (timeUnit) {
      case "s" -> 1;
      case "ms" -> 1e-3;
      default -> throw new UsageException("--time-unit takes s or ms, not " + timeUnit);
    };
    TraceReader.Read read = TraceReader.read(trace, f, traceColumn, interp, end, secondsPerUnit);
    err.println("trace " + trace + ": " + read.description());
    double ohms = sourceOhms == null ? Double.NaN : Units.prefixed(sourceOhms, "--source-ohms " + sourceOhms);
    Harvester h = Harvesters.of(read.trace(), new Harvesters.Options(ohms, cells, areaCm2, efficiency, wattsPerUnit));
    LoadProfile load = powerProfile == null ? LoadProfile.of(t)
        : LoadProfile.of(t, dev.tenax.intermittent.PowerProfileFile.values(powerProfile));
    err.println("harvester: " + h.describe());
    err.println("load: " + load);
    err.flush();
    int max = inferences != null ? inferences : duration != null ? Integer.MAX_VALUE : 1;
    double until = duration != null ? Units.seconds(duration) : 365 * 86400.0;
    FirmwareInLoop loop = new FirmwareInLoop(m, feeds(m), load, commits(m), timeout);
    return new Scenario(m, t, read, h, load, loop, max, until, Units.prefixed(esr, "--esr " + esr),
        Units.prefixed(leakage, "--leakage " + leakage));
  }

  /** One input set per inference in turn: the i-th file given for each input, wrapping round. */
  private List<Map<String, Tensor>> feeds(ProjectManifest m) throws IOException, UsageException {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (String a : inputs) {
      int eq = a.indexOf('=');
      byName.computeIfAbsent(eq > 0 ? a.substring(0, eq) : "", k -> new ArrayList<>()).add(a);
    }
    int sets = byName.values().stream().mapToInt(List::size).max().orElse(1);
    List<Map<String, Tensor>> feeds = new ArrayList<>();
    for (int i = 0; i < sets; i++) {
      List<String> args = new ArrayList<>();
      for (List<String> l : byName.values()) {
        args.add(l.get(i % l.size()));
      }
      feeds.add(InputBinding.bind(m.inputs(), args, m.inputAdapters()));
    }
    return feeds;
  }

  /**
   * Progress commits of one uninterrupted inference: one per group of tiles, as memory_map.json
   * says (a project generated before tile groups: one per tile, its steps).
   */
  private static long commits(ProjectManifest m) throws IOException {
    Object map = JsonParser.parse(Files.readString(m.dir().resolve("memory_map.json")));
    if (map instanceof Map<?, ?> mm && mm.get("commits_per_inference") instanceof Number n) {
      return n.longValue();
    }
    Object steps = map instanceof Map<?, ?> mm ? mm.get("steps") : null;
    return steps instanceof List<?> l ? l.size() : 0;
  }

  /** A progress bar on {@code line} (stderr; end the line when the simulation stops). */
  static FirmwareInLoop.Progress progressBar(dev.tenax.report.ProgressLine line, int max, double until) {
    return (done, t) -> {
      double frac = max != Integer.MAX_VALUE ? done / (double) max : Math.min(1, t / until);
      int filled = (int) Math.round(frac * 30);
      line.show(String.format(Locale.ROOT, "[%s%s] %d inferences, %.4g s simulated", "#".repeat(filled),
          ".".repeat(30 - filled), done, t), frac);
    };
  }

  static EnergySimulator simulator(Scenario s, StorageCapacitor c, Supervisor sup, VoltageHistory h) {
    return new EnergySimulator(s.harvester(), c, sup, s.load(), h);
  }
}
