package dev.tenax.cli;

import dev.tenax.examples.TinyCnn;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.io.OutputDirectory;
import dev.tenax.io.TensorFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax example}: writes a bundled example model and a matching input. */
@Command(name = "example", mixinStandardHelpOptions = true,
    description = "Write a bundled example model (model.onnx), a matching input (input.npy) and "
        + "calibration samples (calibration.npy) to DIR.")
final class ExampleCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "Example name; available: " + TinyCnn.NAME)
  String name;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Where to write it.")
  Path dir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OutputDirectory.requireDirectory(dir, "-o");
    if (!name.equals(TinyCnn.NAME)) {
      throw new dev.tenax.diag.UsageException("unknown example '" + name + "'; available: " + TinyCnn.NAME);
    }
    OutputDirectory out = new OutputDirectory(dir);
    out.add("model.onnx", OnnxExporter.export(TinyCnn.graph(), Version.current()).toByteArray());
    out.add("input.npy", TensorFiles.toNpy(TinyCnn.input()));
    out.add("calibration.npy", TensorFiles.toNpy(TinyCnn.calibration(64)));
    out.add("README.md", ("# " + TinyCnn.NAME + "\n\nA small CNN with deterministic untrained weights, written by "
        + "`tenax example " + TinyCnn.NAME + "`.\nTry:\n\n    tenax inspect model.onnx\n"
        + "    tenax exec model.onnx --input input.npy -o out\n"
        + "    tenax quantize model.onnx --calib calibration.npy -o model.int8.onnx\n"
        + "    tenax compile model.int8.onnx --target host -o host\n"
        + "    tenax run host --input input.npy -o out-host\n").getBytes(StandardCharsets.UTF_8));
    out.commit();
    spec.commandLine().getOut().println("wrote " + dir.resolve("model.onnx") + ", " + dir.resolve("input.npy")
        + " and " + dir.resolve("calibration.npy") + " (64 samples for tenax quantize)");
    return ExitCodes.OK;
  }
}
