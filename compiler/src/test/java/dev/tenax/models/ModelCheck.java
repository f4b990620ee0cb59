package dev.tenax.models;

import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.frontend.OnnxFile;
import dev.tenax.io.Npy;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.models.ModelSpec.Input;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.onnx.proto.Onnx.TensorShapeProto;
import dev.tenax.onnx.proto.Onnx.ValueInfoProto;
import dev.tenax.oracle.OnnxRuntimeOracle;
import dev.tenax.testing.OnnxTestCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one {@link ModelSpec}: imports the model, builds its input, evaluates it with the
 * reference evaluator and compares every graph output with the shipped expected output or,
 * when there is none, with ONNX Runtime on the same input.
 */
public final class ModelCheck {
  private ModelCheck() {}

  /** Thrown when Tenax rejects the model or its outputs differ from the reference. */
  public static final class Mismatch extends AssertionError {
    private final List<Diagnostic> diagnostics;

    Mismatch(String message, List<Diagnostic> diagnostics) {
      super(message);
      this.diagnostics = List.copyOf(diagnostics);
    }

    /** The import diagnostics when the model was rejected, else empty. */
    public List<Diagnostic> diagnostics() {
      return diagnostics;
    }
  }

  /** Checks the model {@code spec} describes under {@code modelsRoot}; throws {@link Mismatch}. */
  public static void run(Path modelsRoot, ModelSpec spec) throws IOException {
    run(modelsRoot, spec, UnaryOperator.identity());
  }

  /** Like {@link #run(Path, ModelSpec)}, applying {@code transform} (e.g. the graph passes) after import. */
  public static void run(Path modelsRoot, ModelSpec spec, UnaryOperator<Graph> transform) throws IOException {
    Path dir = modelsRoot.resolve(spec.folder());
    Path model = dir.resolve(spec.file());
    // The input and the reference come from the ONNX file alone, before Tenax sees the model,
    // so the reference side is exercised even while Tenax still rejects the model.
    ModelProto proto;
    try {
      proto = OnnxFile.read(model);
    } catch (ModelRejectedException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<String> inputs = runtimeInputs(proto);
    if (inputs.size() != 1) {
      throw new Mismatch(spec.folder() + ": expected one runtime input, the model has " + inputs, List.of());
    }
    String inputName = inputs.get(0);
    Tensor x = input(dir, spec, inputName, declaredType(spec, proto, inputName));
    Map<String, Tensor> expected = spec.hasShippedOutputs() ? shippedOutputs(dir, proto)
        : OnnxRuntimeOracle.run(model, Map.of(inputName, x));

    ImportOptions options = ImportOptions.defaults().withDims(spec.dims()).withInputShapes(spec.inputShapes());
    Graph g;
    try {
      g = ModelImporter.load(model, options);
    } catch (ModelRejectedException e) {
      String msg = e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
      throw new Mismatch(spec.folder() + ": Tenax rejects the model:\n" + msg, e.diagnostics());
    }
    g = transform.apply(g);
    Map<String, Tensor> got = new ReferenceEvaluator().run(g, Map.of(inputName, x));
    List<String> problems = new ArrayList<>();
    for (String out : g.outputs()) {
      Tensor want = expected.get(out);
      String p = want == null ? "the reference has no output '" + out + "' (it has " + expected.keySet() + ")"
          : spec.tolerance().compare(got.get(out), want);
      if (p != null) {
        problems.add("output '" + out + "': " + p);
      }
    }
    if (!problems.isEmpty()) {
      String ref = spec.hasShippedOutputs() ? "the shipped expected output" : "ONNX Runtime";
      throw new Mismatch(spec.folder() + ": differs from " + ref + ": " + String.join("; ", problems), List.of());
    }
  }

  private static List<String> runtimeInputs(ModelProto m) {
    Set<String> inits = new HashSet<>();
    m.getGraph().getInitializerList().forEach(t -> inits.add(t.getName()));
    List<String> names = new ArrayList<>();
    for (ValueInfoProto v : m.getGraph().getInputList()) {
      if (!inits.contains(v.getName())) {
        names.add(v.getName());
      }
    }
    return names;
  }

  /** The input's declared type with the spec's shape or symbolic dimension values applied. */
  private static TensorType declaredType(ModelSpec spec, ModelProto m, String name) {
    ValueInfoProto v = m.getGraph().getInputList().stream().filter(i -> i.getName().equals(name)).findFirst()
        .orElseThrow();
    DType dtype = DType.fromOnnx(v.getType().getTensorType().getElemType()).orElseThrow(
        () -> new Mismatch(spec.folder() + ": input '" + name + "' has an element type Tenax lacks", List.of()));
    int[] given = spec.inputShapes().get(name);
    if (given != null) {
      return new TensorType(dtype, given);
    }
    List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      TensorShapeProto.Dimension d = dims.get(i);
      Long sym = d.hasDimParam() ? spec.dims().get(d.getDimParam()) : null;
      if (d.hasDimValue()) {
        shape[i] = Math.toIntExact(d.getDimValue());
      } else if (sym != null) {
        shape[i] = Math.toIntExact(sym);
      } else {
        throw new Mismatch(spec.folder() + ": input '" + name + "' dimension " + i + " is open; give it in the spec",
            List.of());
      }
    }
    return new TensorType(dtype, shape);
  }

  /** The model input the spec describes, as float32 of exactly {@code type}'s shape. */
  static Tensor input(Path dir, ModelSpec spec, String name, TensorType type) throws IOException {
    if (type.dtype() != DType.FLOAT32) {
      throw new Mismatch(spec.folder() + ": input '" + name + "' is " + type + "; only float inputs are generated",
          List.of());
    }
    int[] shape = type.shape();
    Tensor t;
    Input in = spec.input();
    if (in instanceof Input.TestDataSet) {
      try {
        t = OnnxTestCase.readPb(dir.resolve("test_data_set_0/input_0.pb"));
      } catch (ModelRejectedException e) {
        throw new IOException("cannot read input_0.pb: " + e.getMessage(), e);
      }
    } else if (in instanceof Input.Npz npz) {
      Map<String, Tensor> arrays;
      try (InputStream s = Files.newInputStream(dir.resolve(npz.file()))) {
        arrays = Npy.readNpz(s);
      }
      t = arrays.get(npz.key());
      if (t == null) {
        throw new IOException(npz.file() + " has no array '" + npz.key() + "' (it has " + arrays.keySet() + ")");
      }
    } else if (in instanceof Input.Text text) {
      String s = Files.readString(dir.resolve(text.file()), StandardCharsets.US_ASCII).trim();
      String[] parts = s.isEmpty() ? new String[0] : s.split("[,\\s]+");
      float[] f = new float[parts.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = Float.parseFloat(parts[i]);
      }
      t = Tensor.ofFloats(new int[] {f.length}, f);
    } else {
      Input.Uniform u = (Input.Uniform) in;
      // String.hashCode is specified, so the seed and the input are the same on every JVM.
      Random r = new Random(spec.folder().hashCode());
      float[] f = new float[Shapes.size(shape)];
      for (int i = 0; i < f.length; i++) {
        double v = u.lo() + r.nextDouble() * (u.hi() - u.lo());
        f[i] = (float) (u.integral() ? Math.rint(v) : v);
      }
      t = Tensor.ofFloats(shape, f);
    }
    if (t.size() != Shapes.size(shape)) {
      throw new IOException(spec.folder() + ": the input has " + t.size() + " elements " + Shapes.format(t.shape())
          + " but the model takes " + type);
    }
    return t.cast(DType.FLOAT32).reshape(shape);
  }

  private static Map<String, Tensor> shippedOutputs(Path dir, ModelProto m) throws IOException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int k = 0; k < m.getGraph().getOutputCount(); k++) {
      try {
        out.put(m.getGraph().getOutput(k).getName(), OnnxTestCase.readPb(dir.resolve("test_data_set_0/output_" + k + ".pb")));
      } catch (ModelRejectedException e) {
        throw new IOException("cannot read output_" + k + ".pb: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
