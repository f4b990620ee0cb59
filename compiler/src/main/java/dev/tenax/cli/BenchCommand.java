package dev.tenax.cli;

import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.ElfSymbols;
import dev.tenax.hostrun.FirmwareProfile;
import dev.tenax.hostrun.FlashUse;
import dev.tenax.hostrun.FunctionProfile;
import dev.tenax.hostrun.HostBuild;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.io.InputBinding;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.report.Json;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tenax bench}: per-layer instructions and memory of a Cortex-M project under QEMU, or
 * per-layer MCLK cycles and memory of an MSP430 project under mspdebug sim.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run a Cortex-M project once under QEMU (-icount shift=0: virtual time counts "
        + "instructions) and report, per kernel call and in total, instructions, MACs and instructions "
        + "per MAC, with the stack the inference used and the flash and SRAM the link placed (flash "
        + "from a link of the model without its per-layer profiling calls, as a firmware gets it). "
        + "An MSP430 project runs once under mspdebug sim: MCLK cycles per kernel call (a breakpoint "
        + "on each), cycles per MAC, FRAM and SRAM the link placed and the stack the inference used.")
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROJECT", description = "A directory written by 'tenax compile --target cortex-m...' or '--target msp430...'.")
  Path project;

  @Option(names = "--input", paramLabel = "NAME=FILE|FILE", description = "Inputs (default: zeros; "
      + "instruction counts of these kernels do not depend on the data).")
  List<String> inputs = List.of();

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(names = "--functions", description = "Cortex-M: also report, per kernel call, the functions its "
      + "instructions went to (QEMU writes an execution log for it: the run is slower).")
  boolean functions;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop QEMU (or mspdebug) after this long (default: ${DEFAULT-VALUE}).")
  long timeout = 600;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RunCommand.requireTimeout(timeout);
    ProjectManifest m = ProjectManifest.read(project);
    Target t = Targets.find(m.target()).orElseThrow(() -> new UsageException("unknown target " + m.target()));
    if (t.isHost()) {
      throw new UsageException("bench measures Cortex-M projects under QEMU and MSP430 projects under mspdebug; "
          + "compile with --target cortex-m4 or --target msp430fr5994 (or another)");
    }
    if (m.intermittent()) {
      throw new UsageException("bench profiles plain builds per layer; " + project + " is an intermittent build "
          + "(its on-time is what 'tenax run --power-failures none' reports): compile without --intermittent");
    }
    Map<String, Tensor> feed = new LinkedHashMap<>();
    if (inputs.isEmpty()) {
      // zeros, as a float32 build would see them (quantized for an input a --io=quantized build takes quantized)
      Map<String, java.util.function.UnaryOperator<Tensor>> adapters = m.inputAdapters();
      for (Map.Entry<String, TensorType> e : m.inputs().entrySet()) {
        Tensor zeros = Tensor.ofFloats(e.getValue().shape(), new float[e.getValue().size()]);
        feed.put(e.getKey(), adapters.getOrDefault(e.getKey(), x -> x).apply(zeros));
      }
    } else {
      feed = InputBinding.bind(m.inputs(), inputs, m.inputAdapters());
    }
    if (functions && !t.family().equals("cortex-m")) {
      throw new UsageException("--functions reads QEMU's execution log: it is for Cortex-M projects, and "
          + project + " is for " + t.name());
    }
    if (t.family().equals("msp430")) {
      spec.commandLine().getErr().println("running " + m.name() + " for " + t.name() + " under mspdebug sim");
      spec.commandLine().getErr().flush();
      Msp430Bench.Report r = Msp430Bench.run(m, feed, timeout);
      out.print(json ? Msp430Bench.json(m, t, r) : Msp430Bench.text(m, t, r));
      out.flush();
      return ExitCodes.OK;
    }
    spec.commandLine().getErr().println("running " + m.name() + " for " + t.name() + " under QEMU");
    spec.commandLine().getErr().flush();
    List<Map<String, Long>> byFunction = null;
    FirmwareProfile p;
    if (functions) {
      Path log = Files.createTempFile("tenax-exec", ".log");
      try {
        p = FirmwareProfile.of(m, t, QemuRun.runLoggingExecution(m, feed, timeout, log).console());
        byFunction = FunctionProfile.read(log, ElfSymbols.read(m.dir().resolve(m.name() + ".elf")), m.name(),
            p.layers().size());
      } finally {
        Files.deleteIfExists(log);
      }
    } else {
      p = FirmwareProfile.of(m, t, QemuRun.run(m, feed, timeout).console());
    }
    // flash as a firmware without the per-layer profiling calls links the model
    HostBuild.make(m.dir(), m.name() + "-size.elf");
    FlashUse f = FlashUse.read(m.dir().resolve(m.name() + "-size.map"), m.name() + "-noprofile.o");
    out.print(json ? json(m, t, p, f, byFunction) : text(m, t, p, f) + (byFunction == null ? ""
        : FunctionReport.text(p, byFunction)));
    out.flush();
    return ExitCodes.OK;
  }

  static String text(ProjectManifest m, Target t, FirmwareProfile p, FlashUse f) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s on %s (%s)%n", m.name(), t.name(), t.description()));
    sb.append(String.format(Locale.ROOT, "%-4s %-26s %12s %14s %9s  %s%n", "step", "kernel", "MACs",
        "instructions", "instr/MAC", "node"));
    sb.append(layerLines(p.layers()));
    sb.append(String.format(Locale.ROOT, "total: %d instructions, %d MACs, %.2f instructions per MAC "
        + "(%.2f in the multiply layers; all layers / multiply layers = %.2f)%n", p.instructions(), p.macs(),
        (double) p.instructions() / Math.max(1, p.macs()), (double) p.macLayerInstructions() / Math.max(1, p.macs()),
        (double) p.instructions() / Math.max(1, p.macLayerInstructions())));
    sb.append(String.format(Locale.ROOT, "flash: %d bytes = weights %d + model code %d (kernels and invoke %d, "
        + "C library %d) + test harness and board support %d (from the link map)%n", f.total(), f.weights(),
        f.modelCodeWithLibrary(), f.modelCode(), f.library(), f.harness()));
    sb.append(String.format(Locale.ROOT, "peak SRAM: %d bytes (arena %d, stack used %d, inputs, outputs and other "
        + "data %d)%n", p.peakSram(), p.arenaBytes(), p.stackBytes(), p.peakSram() - p.arenaBytes() - p.stackBytes()));
    return sb.toString();
  }

  /**
   * A line per kernel call; after the calls of one layer run in tiles (in place or intermittent),
   * a line for the layer whose step is the range of its calls.
   */
  static String layerLines(List<FirmwareProfile.Layer> layers) {
    return layerLines(layers, 9);
  }

  /** Like {@link #layerLines(List)} with the per-MAC column {@code perMacWidth} wide (MSP430: cycles per MAC). */
  static String layerLines(List<FirmwareProfile.Layer> layers, int perMacWidth) {
    String line = "%-4s %-26s %12d %14d %" + perMacWidth + "s  %s%s%n";
    StringBuilder sb = new StringBuilder();
    int first = 0;
    for (int i = 0; i < layers.size(); i++) {
      FirmwareProfile.Layer l = layers.get(i);
      sb.append(String.format(Locale.ROOT, line, l.index(), l.kernel(), l.macs(), l.instructions(),
          perMac(l.instructions(), l.macs()), l.node(), ""));
      boolean runEnds = i + 1 == layers.size() || !sameLayer(layers.get(i + 1), l);
      if (runEnds && i > first) {
        tiles(sb, line, layers.subList(first, i + 1));
      }
      if (runEnds) {
        first = i + 1;
      }
    }
    return sb.toString();
  }

  /** Consecutive calls of one kernel for one node: the tiles of a layer (in place or intermittent). */
  private static boolean sameLayer(FirmwareProfile.Layer a, FirmwareProfile.Layer b) {
    return a.kernel().equals(b.kernel()) && a.node().equals(b.node());
  }

  /** The layer a run of tiles computes, as one line whose step is the range of its calls. */
  private static void tiles(StringBuilder sb, String line, List<FirmwareProfile.Layer> run) {
    long macs = run.stream().mapToLong(FirmwareProfile.Layer::macs).sum();
    long instructions = run.stream().mapToLong(FirmwareProfile.Layer::instructions).sum();
    FirmwareProfile.Layer first = run.get(0);
    sb.append(String.format(Locale.ROOT, line, first.index() + "-" + run.get(run.size() - 1).index(), first.kernel(),
        macs, instructions, perMac(instructions, macs), first.node(), " (the " + run.size() + " calls above)"));
  }

  private static String perMac(long instructions, long macs) {
    return macs == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) instructions / macs);
  }

  static String json(ProjectManifest m, Target t, FirmwareProfile p, FlashUse f, List<Map<String, Long>> byFunction) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", m.name());
    root.put("target", t.name());
    root.put("instructions", p.instructions());
    root.put("macs", p.macs());
    List<Object> layers = new ArrayList<>();
    for (FirmwareProfile.Layer l : p.layers()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("step", l.index());
      e.put("kernel", l.kernel());
      e.put("node", l.node());
      e.put("macs", l.macs());
      e.put("instructions", l.instructions());
      if (byFunction != null) {
        e.put("functions", byFunction.get(l.index()));
      }
      layers.add(e);
    }
    root.put("layers", layers);
    root.put("flash_bytes", f.total());
    root.put("weight_bytes", f.weights());
    root.put("model_code_bytes", f.modelCode());
    root.put("library_code_bytes", f.library());
    root.put("harness_code_bytes", f.harness());
    root.put("sram_placed_bytes", p.ramBytes());
    root.put("peak_sram_bytes", p.peakSram());
    root.put("arena_bytes", p.arenaBytes());
    root.put("stack_used_bytes", p.stackBytes());
    return Json.write(root);
  }
}
