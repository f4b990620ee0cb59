package dev.tenax.cli;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.io.InputBinding;
import dev.tenax.io.OutputDirectory;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.passes.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenax exec}: one inference with the float reference evaluator. */
@Command(name = "exec", mixinStandardHelpOptions = true,
    description = "Run the model once with the float32 reference evaluator and write each output "
        + "to DIR as <output-name>.npy (and .pb with --format pb or both).")
final class ExecCommand implements Callable<Integer> {
  /** Output file formats. */
  enum Format { npy, pb, both }

  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--input", paramLabel = "NAME=FILE|FILE", description = "An input tensor (.npy, .npz or "
      + "TensorProto .pb), by name, by the name a .pb carries, or by position (repeatable).")
  List<String> inputs = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "Directory for the outputs (created; files of the same name are replaced).")
  Path outDir;

  @Option(names = "--format", description = "Output file format: ${COMPLETION-CANDIDATES} (default: npy).")
  Format format = Format.npy;

  @Option(names = "--optimized", description = "Run the graph passes before evaluating.")
  boolean optimized;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Graph g = modelOptions.load();
    if (optimized) {
      g = Pipeline.standard().run(g);
    }
    Map<String, Tensor> feed = InputBinding.bind(g, inputs);
    err.println("evaluating " + g.nodes().size() + " nodes");
    err.flush();
    Map<String, Tensor> results = new ReferenceEvaluator().run(g, feed);
    OutputDirectory dir = new OutputDirectory(outDir);
    for (Map.Entry<String, Tensor> r : results.entrySet()) {
      String file = OutputDirectory.safeFileName(r.getKey());
      if (format != Format.pb) {
        dir.add(file + ".npy", TensorFiles.toNpy(r.getValue()));
      }
      if (format != Format.npy) {
        dir.add(file + ".pb", TensorFiles.toPb(r.getValue(), r.getKey()));
      }
    }
    dir.commit();
    for (Map.Entry<String, Tensor> r : results.entrySet()) {
      out.println(summary(r.getKey(), r.getValue(), outDir.resolve(OutputDirectory.safeFileName(r.getKey()))));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** "y: float32[1,10] min -2.1 max 5.3 mean 0.4 argmax 7 -> out/y.npy". */
  static String summary(String name, Tensor t, Path base) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int argmax = -1;
    for (int i = 0; i < t.size(); i++) {
      double v = t.getDouble(i);
      sum += v;
      min = Math.min(min, v);
      if (v > max) {
        max = v;
        argmax = i;
      }
    }
    String stats = t.size() == 0 ? "empty" : String.format("min %.6g max %.6g mean %.6g argmax %d", min, max,
        sum / t.size(), argmax);
    return name + ": " + t.type() + " " + stats + " -> " + base + ".*";
  }
}
