package dev.tenax.cli;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.ops.OperatorRegistry;
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

/** {@code tenax exec}: one inference with the float reference evaluator or the integer one. */
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

  @Option(names = "--format", paramLabel = "npy|pb|both", description = "Output file format: ${COMPLETION-CANDIDATES} (default: npy).")
  Format format = Format.npy;

  @Option(names = "--optimized", description = "Run the graph passes before evaluating.")
  boolean optimized;

  @Option(names = "--quantized", description = "Run the quantized (QDQ) model with the Java integer "
      + "evaluator, the specification that compiled code matches bit for bit (implies --optimized).")
  boolean quantized;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputDirectory.requireDirectory(outDir, "-o");
    Graph g = modelOptions.load();
    if (optimized) {
      g = Pipeline.standard().run(g);
    }
    if (quantized) {
      g = Pipeline.standard().run(g);
      if (!dev.tenax.report.QuantizedExecution.applies(g)) {
        throw new dev.tenax.diag.UsageException(modelOptions.model + " is a float model; --quantized runs "
            + "a quantized (QDQ) model: make one with 'tenax quantize " + modelOptions.model
            + " --calib DATA -o model.int8.onnx'");
      }
    }
    Map<String, Tensor> feed = InputBinding.bind(g, inputs);
    Map<String, Tensor> results;
    if (quantized) {
      Program program = Lowering.lower(g, OperatorRegistry.standard());
      err.println("running " + program.steps().size() + " kernel calls with the Java integer evaluator");
      err.flush();
      results = ProgramInterpreter.run(program, feed);
    } else {
      err.println("evaluating " + g.nodes().size() + " nodes");
      err.flush();
      results = new ReferenceEvaluator().run(g, feed);
    }
    ResultFiles.write(results, outDir, format, out);
    return ExitCodes.OK;
  }
}
