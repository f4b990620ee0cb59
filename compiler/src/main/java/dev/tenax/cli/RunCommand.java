package dev.tenax.cli;

import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.io.InputBinding;
import dev.tenax.ir.Tensor;
import dev.tenax.target.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax run}: one inference of a compiled project, with outputs written like exec's. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a compiled project once (building it first if needed; Cortex-M projects under "
        + "QEMU, MSP430 ones under mspdebug sim) and write each output to DIR as <output-name>.npy, exactly as 'tenax exec' does.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROJECT", description = "A directory written by 'tenax compile'.")
  Path project;

  @Option(names = "--input", paramLabel = "NAME=FILE|FILE", description = "An input tensor (.npy, .npz or "
      + "TensorProto .pb), by name, by the name a .pb carries, or by position (repeatable).")
  List<String> inputs = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "Directory for the outputs (created; files of the same name are replaced).")
  Path outDir;

  @Option(names = "--format", paramLabel = "npy|pb|both", description = "Output file format: ${COMPLETION-CANDIDATES} (default: npy).")
  ExecCommand.Format format = ExecCommand.Format.npy;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Cortex-M and MSP430: stop QEMU "
      + "or the simulator after this long and fail (default: ${DEFAULT-VALUE}).")
  long timeout = 600;

  @Option(names = "--power-failures", paramLabel = "SPEC", description = "Intermittent builds: make the "
      + "power fail on this schedule (none, every:N, at:N1,N2,..., random:COUNT:SEED, nvm-writes:K, "
      + "at-nvm-writes:W1,W2,..., and on Cortex-M, MSP430 and the host first-writes:STRIDE, at-first-writes:F1,F2,... "
      + "(before those first writes: a tile's first store to a word of the arena or outputs, numbered as they happen); N in "
      + "instructions of on-time on Cortex-M, in MCLK cycles of on-time from each power-on on MSP430, in events "
      + "(NVM word writes and finished tiles) on the host), report reboots and "
      + "on-time, and fail unless the outputs equal an uninterrupted run's.")
  String powerFailures;

  @Spec
  CommandSpec spec;

  /** --timeout of run and bench: whole seconds, at least one. */
  static void requireTimeout(long seconds) throws UsageException {
    if (seconds < 1) {
      throw new UsageException("--timeout " + seconds + " is not a time limit: give whole seconds, at least 1");
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    dev.tenax.io.OutputDirectory.requireDirectory(outDir, "-o");
    requireTimeout(timeout);
    ProjectManifest manifest = ProjectManifest.read(project);
    if (powerFailures != null) {
      return withPowerFailures(manifest, PowerSchedule.parse(powerFailures), out, err);
    }
    if (manifest.target().startsWith("msp430")) {
      Map<String, Tensor> feed = feed(manifest, err);
      err.println("running " + manifest.name() + " for " + manifest.target() + " under mspdebug sim");
      err.flush();
      dev.tenax.hostrun.Msp430Run.Result r = dev.tenax.hostrun.Msp430Run.run(manifest, feed, timeout);
      ResultFiles.write(r.outputs(), outDir, format, out);
      out.println("MCLK cycles: " + r.cycles() + ", instructions: " + r.instructions()
          + ", stack: " + r.stackBytes() + " bytes (mspdebug sim tracer, tenax_begin to tenax_end)");
      out.flush();
      return ExitCodes.OK;
    }
    if (!manifest.target().equals("host")) {
      Map<String, Tensor> feed = feed(manifest, err);
      err.println("running " + manifest.name() + " for " + manifest.target() + " under QEMU");
      err.flush();
      QemuRun.Result r = QemuRun.run(manifest, feed, timeout);
      ResultFiles.write(r.outputs(), outDir, format, out);
      out.println("ticks: " + r.ticks() + " (SysTick; instructions = ticks * 1e9 / clock under -icount shift=0)");
      out.flush();
      return ExitCodes.OK;
    }
    try (CompiledModel model = CompiledModel.open(project)) {
      Map<String, Tensor> feed = feed(manifest, err);
      err.println("running " + model.name() + " on the host");
      err.flush();
      Map<String, Tensor> results = model.run(feed);
      ResultFiles.write(results, outDir, format, out);
    }
    return ExitCodes.OK;
  }

  /**
   * The --input tensors for the build: data in the model's own form for an input that the build
   * takes quantized (--io=quantized) or channels last (--input-layout=nhwc) is converted as the
   * model would see it, with a note saying so.
   */
  private Map<String, Tensor> feed(ProjectManifest manifest, PrintWriter err) throws Exception {
    Map<String, java.util.function.UnaryOperator<Tensor>> adapters = manifest.inputAdapters();
    Map<String, Tensor> feed = InputBinding.bind(manifest.inputs(), inputs, adapters);
    for (String name : adapters.keySet()) {
      dev.tenax.ir.TensorType type = manifest.inputs().get(name);
      if (manifest.channelsLastInputs().contains(name)) {
        err.println("input '" + name + "' is passed channels last as " + dev.tenax.ir.Shapes.format(type.shape())
            + " (--input-layout=nhwc): data of the model's [N,C,H,W] shape "
            + "is transposed");
      }
      ProjectManifest.Quantization q = manifest.quantization().get(name);
      if (q != null) {
        err.println("input '" + name + "' is passed " + type.dtype() + " (--io=quantized): float data is quantized "
            + "with scale " + q.scale() + " and zero point " + q.zeroPoint());
      }
    }
    return feed;
  }

  /** An uninterrupted run, then one on the schedule; the outputs must be the same bytes. */
  private int withPowerFailures(ProjectManifest manifest, PowerSchedule schedule, PrintWriter out, PrintWriter err)
      throws Exception {
    Target t = PowerFailureRun.target(manifest);
    Map<String, Tensor> feed = feed(manifest, err);
    String where = t.isHost() ? "" : t.family().equals("msp430") ? " under mspdebug sim" : " under QEMU";
    err.println("running " + manifest.name() + " for " + t.name() + where + ", first without power failures");
    err.flush();
    PowerFailureRun.Run plain = PowerFailureRun.uninterrupted(manifest, feed, timeout);
    err.println("then with power failures (" + powerFailures + ")");
    if (schedule.onFirstWrites() && !t.isHost()) {
      err.println("  a debugger finds the first store to every NVM word, store by store: this takes minutes where "
          + "the plain run took seconds (it stops at --timeout, " + timeout + " s)");
    }
    err.flush();
    PowerFailureRun.Run r = PowerFailureRun.interrupted(manifest, feed, schedule, plain.onTime(), timeout);
    ResultFiles.write(r.outputs(), outDir, format, out);
    if (r.onTime() == PowerFailureRun.NOT_MEASURED) {
      out.printf(java.util.Locale.ROOT, "power failures: %d, boots: %d (on-time not measured: QEMU's clock runs on "
          + "while the debugger holds the core; uninterrupted %d %s)%n", r.failures(), r.boots(), plain.onTime(),
          PowerFailureRun.unit(t));
    } else {
      out.printf(java.util.Locale.ROOT, "power failures: %d, boots: %d, on-time %d %s (uninterrupted %d, "
          + "+%.1f%% re-executed; %s)%n", r.failures(), r.boots(), r.onTime(),
          PowerFailureRun.unit(t), plain.onTime(), 100.0 * (r.onTime() - plain.onTime()) / Math.max(1, plain.onTime()),
          PowerFailureRun.onTimeCountsBoots(t) ? "counted from every power-on, so the reboots are included"
              : "the reboots themselves are not counted");
    }
    boolean same = PowerFailureRun.identical(plain.outputs(), r.outputs());
    out.println(same ? "outputs: identical to the uninterrupted run"
        : "outputs: DIFFER from the uninterrupted run (a bug in the intermittent runtime: please report it)");
    out.flush();
    return same ? ExitCodes.OK : ExitCodes.INTERNAL;
  }
}
