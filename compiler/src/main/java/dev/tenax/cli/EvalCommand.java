package dev.tenax.cli;

import dev.tenax.bench.Benchmark;
import dev.tenax.bench.Evaluation;
import dev.tenax.bench.LayerSqnr;
import dev.tenax.bench.Labels;
import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.SampleRange;
import dev.tenax.diag.UsageException;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.ir.Graph;
import dev.tenax.ir.TensorType;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.report.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax eval}: accuracy of a compiled project against its float model on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Compare a compiled host project with the float model it came from on labelled samples: "
        + "float and int8 top-1, their agreement, the SQNR of every int8 layer, and a bit-for-bit check "
        + "of the compiled C against the Java integer evaluator. MODEL may be the QDQ model itself when "
        + "there is no float model; float top-1 is then that model run by the reference evaluator.")
final class EvalCommand implements Callable<Integer> {
  @Mixin
  ModelOptions modelOptions;

  @Parameters(index = "1", paramLabel = "PROJECT", description = "A directory written by 'tenax compile "
      + "--target host' from MODEL.")
  Path project;

  @Option(names = "--data", paramLabel = "FILE|DIR", required = true, description = "The samples: a folder "
      + "of .npy/.pb files, a stacked .npy array or an IDX file (MNIST).")
  Path data;

  @Option(names = "--labels", paramLabel = "FILE", required = true, description = "One class index per "
      + "sample: an IDX label file or a .npy of integers, in the order of --data.")
  Path labels;

  @Option(names = "--range", paramLabel = "START:END", description = "Evaluate samples START (inclusive) "
      + "to END (exclusive) only; FIRST..LAST (both inclusive) also works.")
  String range;

  @Option(names = "--scale", paramLabel = "FACTOR", description = "Preprocessing: multiply raw values by this.")
  double scale = 1;

  @Option(names = "--mean", split = ",", paramLabel = "V", description = "Preprocessing: subtract (one value, or one per channel).")
  double[] mean = {0};

  @Option(names = "--std", split = ",", paramLabel = "V", description = "Preprocessing: divide by (one value, or one per channel).")
  double[] std = {1};

  @Option(names = "--json", description = "Print one JSON object instead of the text report.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(labels)) {
      throw new UsageException("label file " + labels + " does not exist");
    }
    if (!Files.exists(data)) {
      throw new UsageException("data " + data + " does not exist");
    }
    Graph model = Pipeline.standard().run(modelOptions.load());
    boolean modelIsQdq = model.nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear"));
    if (model.inputs().size() != 1) {
      throw new UsageException(modelOptions.model + " has " + model.inputs().size() + " inputs; eval handles "
          + "single-input models only");
    }
    String input = model.inputs().get(0);
    TensorType type = model.type(input);
    Preprocessing pre = Preprocessing.of(scale, mean, std);
    int available = CalibrationData.open(data, input, type, SampleRange.ALL, pre).size();
    int[] allLabels = Labels.read(labels);
    if (allLabels.length != available) {
      throw new UsageException(data + " holds " + available + " samples but " + labels + " holds "
          + allLabels.length + " labels; give one label per sample, in the same order");
    }
    SampleRange r = range == null ? SampleRange.ALL : CalibrationOptions.parseRange(range);
    CalibrationData samples = CalibrationData.open(data, input, type, r, pre);
    int[] sampleLabels = Arrays.copyOfRange(allLabels, r.start(), r.start() + samples.size());
    try (CompiledModel compiled = CompiledModel.open(project)) {
      if (!compiled.inputs().containsKey(input) || !compiled.inputs().get(input).equals(type)) {
        throw new UsageException(project + " takes " + compiled.inputs() + ", but " + modelOptions.model
            + " takes " + input + " " + type + "; was the project compiled from this model?");
      }
      Path qdq = project.resolve(compiled.name() + ".qdq.onnx");
      if (!Files.isRegularFile(qdq)) {
        throw new UsageException(project + " has no " + qdq.getFileName() + " (the quantized graph it was "
            + "generated from); compile the model again with this version of tenax");
      }
      Program program = Lowering.lower(Pipeline.standard().run(ModelImporter.load(qdq, ImportOptions.defaults())),
          OperatorRegistry.standard());
      if (modelIsQdq) {
        err.println("note: " + modelOptions.model + " is a quantized (QDQ) model: 'float' top-1 below is that "
            + "model run by the reference evaluator, not an original float model");
      }
      err.println("evaluating " + samples.describe());
      err.flush();
      Evaluation.Result res;
      try {
        res = Evaluation.run(model, program, compiled, samples, sampleLabels, Benchmark.bar(err, "evaluating"));
      } catch (CalibrationData.SampleException e) {
        throw e.usage();
      }
      if (json) {
        out.print(Json.write(toJson(res, modelIsQdq)));
      } else {
        out.print(text(res, modelIsQdq));
      }
      out.flush();
      if (res.mismatches() > 0) {
        err.println("error: the compiled C differs from the Java integer evaluator on " + res.mismatches()
            + " sample(s); this is a compiler bug, please report it");
        err.flush();
        return ExitCodes.INTERNAL;
      }
    }
    return ExitCodes.OK;
  }

  static Map<String, Object> toJson(Evaluation.Result r, boolean modelIsQdq) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", r.samples());
    m.put("float_top1", r.floatTop1());
    m.put("quantized_top1", r.quantizedTop1());
    m.put("agreement", r.agreement());
    m.put("mismatches", r.mismatches());
    m.put("float_reference", modelIsQdq ? "qdq model" : "float model");
    List<Object> layers = new ArrayList<>();
    for (LayerSqnr l : r.layers()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", l.name());
      double db = l.sqnrDb();
      // JSON has no infinity: an exact layer reports null.
      e.put("sqnr_db", Double.isFinite(db) ? db : null);
      layers.add(e);
    }
    m.put("layers", layers);
    return m;
  }

  static String text(Evaluation.Result r, boolean modelIsQdq) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "samples          %d%n", r.samples()));
    sb.append(String.format(Locale.ROOT, "float top-1      %6.2f %%%s%n", 100 * r.floatTop1(),
        modelIsQdq ? "  (the QDQ model in the reference evaluator)" : ""));
    sb.append(String.format(Locale.ROOT, "int8 top-1       %6.2f %%  (compiled C)%n", 100 * r.quantizedTop1()));
    sb.append(String.format(Locale.ROOT, "agreement        %6.2f %%%n", 100 * r.agreement()));
    sb.append(String.format(Locale.ROOT, "C vs Java integer evaluator: %d mismatching sample(s)%n", r.mismatches()));
    sb.append("per-layer SQNR (dB, over all samples):\n");
    int width = r.layers().stream().mapToInt(l -> l.name().length()).max().orElse(4);
    for (LayerSqnr l : r.layers()) {
      double db = l.sqnrDb();
      sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", l.name(),
          Double.isFinite(db) ? String.format(Locale.ROOT, "%7.2f", db) : (Double.isNaN(db) ? "    n/a" : "  exact")));
    }
    return sb.toString();
  }
}
