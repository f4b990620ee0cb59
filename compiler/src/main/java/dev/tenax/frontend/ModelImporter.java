package dev.tenax.frontend;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.PartialModel;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.onnx.proto.Onnx.AttributeProto;
import dev.tenax.onnx.proto.Onnx.GraphProto;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.onnx.proto.Onnx.NodeProto;
import dev.tenax.onnx.proto.Onnx.OperatorSetIdProto;
import dev.tenax.onnx.proto.Onnx.TensorProto;
import dev.tenax.onnx.proto.Onnx.TensorShapeProto;
import dev.tenax.onnx.proto.Onnx.TypeProto;
import dev.tenax.onnx.proto.Onnx.ValueInfoProto;
import dev.tenax.ops.OperatorRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The front end: ONNX ModelProto to validated, fully typed {@link Graph}. It checks the
 * whole model before returning and reports every problem in one {@link ModelRejectedException}.
 */
public final class ModelImporter {
  private static final Set<String> CONTROL_FLOW = Set.of("If", "Loop", "Scan");

  private final OperatorRegistry registry;
  private final ImportOptions options;
  private final List<Diagnostic> diags = new ArrayList<>();

  public ModelImporter(OperatorRegistry registry, ImportOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /** Reads, validates and types the model at {@code path}. */
  public static Graph load(Path path, ImportOptions options) throws ModelRejectedException {
    return new ModelImporter(OperatorRegistry.standard(), options).importModel(OnnxFile.read(path));
  }

  public Graph importModel(ModelProto model) throws ModelRejectedException {
    GraphProto g = model.getGraph();
    Map<String, Integer> opsets = readOpsets(model);
    Map<String, Value> initial = new LinkedHashMap<>();
    // Inputs and initializers that failed to load: already reported, their readers are skipped.
    Set<String> unresolved = new HashSet<>();
    for (TensorProto init : g.getInitializerList()) {
      Tensor t = decodeOrReport(init, "initializer '" + init.getName() + "'");
      if (t != null) {
        initial.put(init.getName(), Value.constant(init.getName(), t));
      } else {
        unresolved.add(init.getName());
      }
    }
    if (g.getSparseInitializerCount() > 0) {
      diags.add(Diagnostic.of(Code.TX020, "the graph has " + g.getSparseInitializerCount()
          + " sparse initializers", "store the weights as dense tensors"));
    }
    Set<String> bound = new HashSet<>();
    List<String> inputs = new ArrayList<>();
    Set<String> declaredInputs = new HashSet<>();
    for (ValueInfoProto in : g.getInputList()) {
      declaredInputs.add(in.getName());
      Tensor c = options.constInputs().get(in.getName());
      if (c != null) {
        initial.put(in.getName(), Value.constant(in.getName(), c));
        bound.add(in.getName());
      } else if (!initial.containsKey(in.getName()) && !unresolved.contains(in.getName())) {
        TensorType t = inputType(in);
        if (t != null) {
          initial.put(in.getName(), Value.of(in.getName(), t));
        } else {
          unresolved.add(in.getName());
        }
        inputs.add(in.getName());
      }
    }
    checkOptionNames(declaredInputs, g);
    List<Node> nodes = readNodes(g, opsets);
    List<String> outputs = new ArrayList<>();
    for (ValueInfoProto out : g.getOutputList()) {
      outputs.add(out.getName());
      checkOutputType(out);
    }
    if (outputs.isEmpty()) {
      diags.add(Diagnostic.of(Code.TX004, "the graph declares no outputs"));
    }
    TypeInference.Result r = TypeInference.run(nodes, initial, unresolved, registry);
    diags.addAll(r.diagnostics());
    for (String out : outputs) {
      boolean produced = r.values().containsKey(out);
      boolean hasProducer = nodes.stream().anyMatch(n -> n.outputs().contains(out));
      if (!produced && !hasProducer && !initial.containsKey(out) && !declaredInputs.contains(out)
          && !unresolved.contains(out)) {
        diags.add(Diagnostic.of(Code.TX060, "graph output '" + out + "' is not computed by any node"));
      }
    }
    if (!diags.isEmpty()) {
      Map<String, TensorType> types = new LinkedHashMap<>();
      r.values().forEach((k, v) -> types.put(k, v.type()));
      List<String> declared = g.getInputList().stream().map(ValueInfoProto::getName)
          .filter(n -> !initial.containsKey(n) || !initial.get(n).isConstant()).toList();
      throw new ModelRejectedException(diags, new PartialModel(declared, outputs, nodes, types));
    }
    String name = g.getName().isEmpty() ? "main" : g.getName();
    return Graph.builder(name, opsets).inputs(inputs).outputs(outputs).nodes(r.nodes())
        .values(r.values().values()).build();
  }

  private Map<String, Integer> readOpsets(ModelProto model) {
    Map<String, Integer> opsets = new LinkedHashMap<>();
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      String d = o.getDomain().equals("ai.onnx") ? "" : o.getDomain();
      opsets.put(d, (int) o.getVersion());
    }
    // IR version 1-2 models have no opset_import; they mean ai.onnx version 1.
    opsets.putIfAbsent("", 1);
    return opsets;
  }

  private Tensor decodeOrReport(TensorProto proto, String what) {
    try {
      return TensorDecoder.decode(proto, what);
    } catch (ModelRejectedException e) {
      diags.addAll(e.diagnostics());
      return null;
    }
  }

  private TensorType inputType(ValueInfoProto in) {
    String name = in.getName();
    TypeProto type = in.getType();
    if (!type.hasTensorType()) {
      diags.add(Diagnostic.of(Code.TX021, "graph input '" + name + "' is not a plain tensor"));
      return null;
    }
    int code = type.getTensorType().getElemType();
    DType dtype = DType.fromOnnx(code).orElse(null);
    if (dtype == null) {
      diags.add(Diagnostic.of(Code.TX020, "graph input '" + name + "' has element type "
          + DType.onnxTypeName(code) + ", which Tenax does not support",
          "convert the model to float32 (or an int8/uint8 QDQ model)"));
      return null;
    }
    int[] given = options.inputShapes().get(name);
    TensorShapeProto shape = type.getTensorType().getShape();
    if (given != null) {
      if (type.getTensorType().hasShape() && shape.getDimCount() != given.length) {
        diags.add(Diagnostic.of(Code.TX031, "--input-shape " + name + " gives rank " + given.length
            + " but the model declares rank " + shape.getDimCount(), null));
        return null;
      }
      return new TensorType(dtype, given);
    }
    if (!type.getTensorType().hasShape()) {
      diags.add(Diagnostic.of(Code.TX030, "graph input '" + name + "' has no shape",
          "pass --input-shape " + name + "=D0,D1,... with its full shape"));
      return null;
    }
    int[] dims = new int[shape.getDimCount()];
    boolean ok = true;
    for (int i = 0; i < dims.length; i++) {
      TensorShapeProto.Dimension d = shape.getDim(i);
      if (d.hasDimValue() && d.getDimValue() >= 0) {
        dims[i] = Math.toIntExact(d.getDimValue());
      } else if (d.hasDimParam() && options.dims().containsKey(d.getDimParam())) {
        dims[i] = Math.toIntExact(options.dims().get(d.getDimParam()));
      } else {
        String sym = d.hasDimParam() ? "'" + d.getDimParam() + "'" : "unknown";
        String dimFlag = d.hasDimParam() ? "--dim " + d.getDimParam() + "=VALUE or " : "";
        diags.add(Diagnostic.of(Code.TX030, "graph input '" + name + "' dimension " + i + " is " + sym,
            "pass " + dimFlag + "--input-shape " + name + "=" + example(shape)));
        ok = false;
      }
    }
    return ok ? new TensorType(dtype, dims) : null;
  }

  private static String example(TensorShapeProto shape) {
    List<String> parts = new ArrayList<>();
    for (TensorShapeProto.Dimension d : shape.getDimList()) {
      parts.add(d.hasDimValue() && d.getDimValue() > 0 ? Long.toString(d.getDimValue()) : "1");
    }
    return String.join(",", parts);
  }

  private void checkOptionNames(Set<String> declaredInputs, GraphProto g) {
    for (String n : options.inputShapes().keySet()) {
      if (!declaredInputs.contains(n)) {
        diags.add(Diagnostic.of(Code.TX031, "--input-shape names '" + n + "', which is not a graph input"));
      }
    }
    for (String n : options.constInputs().keySet()) {
      if (!declaredInputs.contains(n)) {
        diags.add(Diagnostic.of(Code.TX031, "--const-inputs names '" + n + "', which is not a graph input"));
      }
    }
    Set<String> symbols = new HashSet<>();
    for (ValueInfoProto in : g.getInputList()) {
      for (TensorShapeProto.Dimension d : in.getType().getTensorType().getShape().getDimList()) {
        if (d.hasDimParam()) {
          symbols.add(d.getDimParam());
        }
      }
    }
    for (String s : options.dims().keySet()) {
      if (!symbols.contains(s)) {
        diags.add(Diagnostic.of(Code.TX031, "--dim names '" + s + "', which is not a symbolic dimension of "
            + "any graph input" + (symbols.isEmpty() ? "" : " (the model has: " + String.join(", ", symbols) + ")")));
      }
    }
  }

  private void checkOutputType(ValueInfoProto out) {
    if (out.hasType() && !out.getType().hasTensorType()) {
      diags.add(Diagnostic.of(Code.TX021, "graph output '" + out.getName() + "' is not a plain tensor"));
    } else if (out.hasType() && out.getType().getTensorType().getElemType() != 0
        && DType.fromOnnx(out.getType().getTensorType().getElemType()).isEmpty()) {
      diags.add(Diagnostic.of(Code.TX020, "graph output '" + out.getName() + "' has element type "
          + DType.onnxTypeName(out.getType().getTensorType().getElemType())
          + ", which Tenax does not support"));
    }
  }

  private List<Node> readNodes(GraphProto g, Map<String, Integer> opsets) {
    List<Node> nodes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int idx = 0; idx < g.getNodeCount(); idx++) {
      NodeProto np = g.getNode(idx);
      String name = np.getName();
      if (name.isEmpty() || !names.add(name)) {
        name = np.getOpType() + "_" + idx;
        names.add(name);
      }
      String domain = np.getDomain().equals("ai.onnx") ? "" : np.getDomain();
      Integer opset = opsets.get(domain);
      Node probe = new Node(name, np.getOpType(), domain, opset == null ? 0 : opset, List.of(), List.of(),
          Map.of(), Map.of());
      if (opset == null) {
        diags.add(Diagnostic.at(probe, Code.TX060, "the node's domain '" + domain
            + "' is not imported by the model (no opset_import entry)", null));
        continue;
      }
      if (CONTROL_FLOW.contains(np.getOpType()) && domain.isEmpty()) {
        diags.add(Diagnostic.at(probe, Code.TX012, np.getOpType()
            + " has sub-graphs, which Tenax cannot compile ahead of time", null));
        continue;
      }
      Map<String, Attribute> attrs = new LinkedHashMap<>();
      boolean ok = true;
      for (AttributeProto a : np.getAttributeList()) {
        Attribute converted = convertAttribute(probe, a);
        if (converted == null) {
          ok = false;
        } else {
          attrs.put(a.getName(), converted);
        }
      }
      if (ok) {
        nodes.add(new Node(name, np.getOpType(), domain, opset, np.getInputList(), np.getOutputList(),
            attrs, Map.of()));
      }
    }
    return nodes;
  }

  private Attribute convertAttribute(Node node, AttributeProto a) {
    AttributeProto.AttributeType t = a.hasType() ? a.getType() : guessType(a);
    switch (t) {
      case FLOAT: return Attribute.ofFloat(a.getF());
      case INT: return Attribute.ofInt(a.getI());
      case STRING: return Attribute.ofString(a.getS().toString(StandardCharsets.UTF_8));
      case FLOATS: {
        float[] f = new float[a.getFloatsCount()];
        for (int i = 0; i < f.length; i++) {
          f[i] = a.getFloats(i);
        }
        return Attribute.ofFloats(f);
      }
      case INTS: return Attribute.ofInts(a.getIntsList().stream().mapToLong(Long::longValue).toArray());
      case STRINGS: {
        List<String> s = new ArrayList<>();
        a.getStringsList().forEach(b -> s.add(b.toString(StandardCharsets.UTF_8)));
        return Attribute.ofStrings(s);
      }
      case TENSOR: {
        Tensor tensor = decodeOrReport(a.getT(), "attribute '" + a.getName() + "' of node '" + node.name() + "'");
        return tensor == null ? null : Attribute.ofTensor(tensor);
      }
      case GRAPH: case GRAPHS:
        diags.add(Diagnostic.at(node, Code.TX012, "attribute '" + a.getName() + "' is a sub-graph", null));
        return null;
      default:
        diags.add(Diagnostic.at(node, Code.TX040, "attribute '" + a.getName() + "' has kind " + t
            + ", which Tenax does not read", null));
        return null;
    }
  }

  /** Very old exporters omit AttributeProto.type; infer it from the populated field. */
  private static AttributeProto.AttributeType guessType(AttributeProto a) {
    if (a.hasF()) return AttributeProto.AttributeType.FLOAT;
    if (a.hasI()) return AttributeProto.AttributeType.INT;
    if (a.hasS()) return AttributeProto.AttributeType.STRING;
    if (a.hasT()) return AttributeProto.AttributeType.TENSOR;
    if (a.hasG()) return AttributeProto.AttributeType.GRAPH;
    if (a.getFloatsCount() > 0) return AttributeProto.AttributeType.FLOATS;
    if (a.getIntsCount() > 0) return AttributeProto.AttributeType.INTS;
    if (a.getStringsCount() > 0) return AttributeProto.AttributeType.STRINGS;
    return AttributeProto.AttributeType.INTS;
  }
}
