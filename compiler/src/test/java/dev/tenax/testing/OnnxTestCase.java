package dev.tenax.testing;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.frontend.OnnxFile;
import dev.tenax.frontend.TensorDecoder;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.onnx.proto.Onnx.TensorProto;
import dev.tenax.onnx.proto.Onnx.ValueInfoProto;
import dev.tenax.ops.OperatorRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One ONNX backend test case folder (model.onnx + test_data_set_0). Inputs after the first
 * are bound as constants, as ONNX node tests feed weights and shape operands as inputs; if
 * the model still needs a constant operand, all inputs are bound.
 */
public final class OnnxTestCase {
  /** Outcome of running a case. */
  public enum Status { PASS, EXCLUDED, FAIL }

  /** Status plus the reason for an exclusion or failure. */
  public record Outcome(Status status, String detail) {}

  private final Path dir;

  public OnnxTestCase(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public String name() {
    return dir.getFileName().toString();
  }

  /** Case folders (those holding model.onnx) directly under {@code root}, sorted by name. */
  public static List<OnnxTestCase> under(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("model.onnx"))).sorted()
          .map(OnnxTestCase::new).collect(Collectors.toList());
    }
  }

  /** Op types used by the model, e.g. "Conv" or "Add+Relu" for small graphs. */
  public String operators() throws ModelRejectedException {
    ModelProto m = OnnxFile.read(dir.resolve("model.onnx"));
    Set<String> ops = new TreeSet<>();
    m.getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
    return String.join("+", ops);
  }

  /** Runs the case with the plain imported graph. */
  public Outcome run() {
    return run(UnaryOperator.identity(), Tolerance.FLOAT32);
  }

  /** Runs the case after applying {@code transform} to the imported graph. */
  public Outcome run(UnaryOperator<Graph> transform, Tolerance tolerance) {
    try {
      ModelProto model = OnnxFile.read(dir.resolve("model.onnx"));
      List<String> inputNames = runtimeInputs(model);
      Path data = dir.resolve("test_data_set_0");
      List<Tensor> inputs = new ArrayList<>();
      for (int i = 0; i < inputNames.size(); i++) {
        inputs.add(readPb(data.resolve("input_" + i + ".pb")));
      }
      Graph g;
      Map<String, Tensor> bound = new LinkedHashMap<>();
      for (int i = 1; i < inputNames.size(); i++) {
        bound.put(inputNames.get(i), inputs.get(i));
      }
      try {
        g = importWith(model, bound);
      } catch (ModelRejectedException e) {
        if (!inputNames.isEmpty() && e.diagnostics().stream().allMatch(d -> d.code() == Code.TX051)) {
          bound.put(inputNames.get(0), inputs.get(0));
          g = importWith(model, bound);
        } else {
          throw e;
        }
      }
      g = transform.apply(g);
      Map<String, Tensor> feed = new LinkedHashMap<>();
      for (int i = 0; i < inputNames.size(); i++) {
        if (!bound.containsKey(inputNames.get(i))) {
          feed.put(inputNames.get(i), inputs.get(i));
        }
      }
      Map<String, Tensor> got = new ReferenceEvaluator().run(g, feed);
      List<String> problems = new ArrayList<>();
      int k = 0;
      for (String out : g.outputs()) {
        Tensor expected = readPb(data.resolve("output_" + k + ".pb"));
        String p = tolerance.compare(got.get(out), expected);
        if (p != null) {
          problems.add("output " + k + " '" + out + "': " + p);
        }
        k++;
      }
      return problems.isEmpty() ? new Outcome(Status.PASS, "")
          : new Outcome(Status.FAIL, String.join("; ", problems));
    } catch (ModelRejectedException e) {
      boolean dtypeOnly = e.diagnostics().stream().allMatch(d -> d.code() == Code.TX020);
      String msg = e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining(" | "));
      return new Outcome(dtypeOnly ? Status.EXCLUDED : Status.FAIL, msg);
    } catch (IOException | RuntimeException e) {
      return new Outcome(Status.FAIL, e.toString());
    }
  }

  private static Graph importWith(ModelProto model, Map<String, Tensor> bound) throws ModelRejectedException {
    return new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults().withConstInputs(bound))
        .importModel(model);
  }

  /** Graph inputs that are not initializers, in declaration order (the order of input_N.pb). */
  static List<String> runtimeInputs(ModelProto model) {
    Set<String> inits = new HashSet<>();
    for (TensorProto t : model.getGraph().getInitializerList()) {
      inits.add(t.getName());
    }
    List<String> names = new ArrayList<>();
    for (ValueInfoProto v : model.getGraph().getInputList()) {
      if (!inits.contains(v.getName())) {
        names.add(v.getName());
      }
    }
    return names;
  }

  /** Reads a serialized TensorProto file. */
  public static Tensor readPb(Path p) throws IOException, ModelRejectedException {
    return TensorDecoder.decode(TensorProto.parseFrom(Files.readAllBytes(p)), p.getFileName().toString());
  }

  /** Nodes of an imported graph, for assertions in tests. */
  public static List<String> opTypes(Graph g) {
    return g.nodes().stream().map(Node::opType).collect(Collectors.toList());
  }
}
