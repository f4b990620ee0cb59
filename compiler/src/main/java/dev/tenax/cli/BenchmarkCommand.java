package dev.tenax.cli;

import dev.tenax.bench.Benchmark;
import dev.tenax.bench.BenchmarkReport;
import dev.tenax.calib.SampleRange;
import dev.tenax.diag.UsageException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax benchmark}: the measurements of docs/benchmarks.md, over the shared models. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Compile every model of the shared folder for the host and print markdown tables: MNIST "
        + "accuracy of float versus compiled int8, and per model the arena, constant data, MACs, kernel "
        + "calls, float fallbacks and compile time.")
final class BenchmarkCommand implements Callable<Integer> {
  @Option(names = "--shared", paramLabel = "DIR", description = "The shared folder with models/ and "
      + "datasets/ (default: ../shared).")
  Path shared = Path.of("../shared");

  @Option(names = "--write", paramLabel = "FILE", description = "Also write the tables to FILE.")
  Path write;

  @Option(names = "--only", paramLabel = "FOLDER", description = "Only this model folder (repeatable).")
  List<String> only = List.of();

  @Option(names = "--calib-count", paramLabel = "N", description = "MNIST calibration images, from image 0 "
      + "(default: 500; at most 8000, the calibration split).")
  int calibCount = 500;

  @Option(names = "--eval-count", paramLabel = "N", description = "MNIST evaluation images, from image 8000 "
      + "(default: 2000, the whole evaluation split).")
  int evalCount = 2000;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (calibCount <= 0 || calibCount > 8000) {
      throw new UsageException("--calib-count must be in 1..8000 (images 8000.. are kept for evaluation), got "
          + calibCount);
    }
    if (evalCount <= 0 || evalCount > 2000) {
      throw new UsageException("--eval-count must be in 1..2000 (images 8000..9999), got " + evalCount);
    }
    for (String o : only) {
      if (!Files.isDirectory(shared.resolve("models").resolve(o))) {
        throw new UsageException("--only " + o + ": no such folder in " + shared.resolve("models"));
      }
    }
    Benchmark.Options o = new Benchmark.Options(shared, new SampleRange(0, calibCount),
        new SampleRange(8000, 8000 + evalCount), 32, f -> only.isEmpty() || only.contains(f));
    Benchmark.Report r = Benchmark.run(o, err);
    String command = "tenax " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    String md = BenchmarkReport.markdown(r, command);
    out.print(md);
    out.flush();
    if (write != null) {
      Files.writeString(write, md, StandardCharsets.UTF_8);
      err.println("wrote " + write);
      err.flush();
    }
    return ExitCodes.OK;
  }
}
