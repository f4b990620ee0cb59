package dev.tenax.cli;

import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.io.InputBinding;
import dev.tenax.ir.Tensor;
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

  @Option(names = "--format", description = "Output file format: ${COMPLETION-CANDIDATES} (default: npy).")
  ExecCommand.Format format = ExecCommand.Format.npy;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Cortex-M and MSP430: stop QEMU "
      + "or the simulator after this long and fail (default: ${DEFAULT-VALUE}).")
  long timeout = 600;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProjectManifest manifest = ProjectManifest.read(project);
    if (manifest.target().startsWith("msp430")) {
      Map<String, Tensor> feed = InputBinding.bind(manifest.inputs(), inputs);
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
      Map<String, Tensor> feed = InputBinding.bind(manifest.inputs(), inputs);
      err.println("running " + manifest.name() + " for " + manifest.target() + " under QEMU");
      err.flush();
      QemuRun.Result r = QemuRun.run(manifest, feed, timeout);
      ResultFiles.write(r.outputs(), outDir, format, out);
      out.println("ticks: " + r.ticks() + " (SysTick; instructions = ticks * 1e9 / clock under -icount shift=0)");
      out.flush();
      return ExitCodes.OK;
    }
    try (CompiledModel model = CompiledModel.open(project)) {
      Map<String, Tensor> feed = InputBinding.bind(model.inputs(), inputs);
      err.println("running " + model.name() + " on the host");
      err.flush();
      Map<String, Tensor> results = model.run(feed);
      ResultFiles.write(results, outDir, format, out);
    }
    return ExitCodes.OK;
  }
}
