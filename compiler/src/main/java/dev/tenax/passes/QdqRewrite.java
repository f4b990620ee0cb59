package dev.tenax.passes;

import dev.tenax.frontend.TypeInference;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.Value;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working state of one pass that rewrites quantized nodes into the canonical QDQ form: the
 * values known at compile time (initializers and what Constant nodes compute, since these
 * passes run before constant folding), fresh names, and the constants and nodes the rewrite
 * adds. Node opsets follow the graph's ai.onnx import.
 */
final class QdqRewrite {
  private final Graph graph;
  private final Map<String, Tensor> known;
  private final Set<String> taken = new HashSet<>();
  private final List<Value> constants = new ArrayList<>();
  private final int opset;

  QdqRewrite(Graph graph) {
    this.graph = graph;
    Map<String, Value> initial = new LinkedHashMap<>();
    for (String in : graph.inputs()) {
      initial.put(in, graph.value(in));
    }
    for (Value v : graph.values().values()) {
      if (v.isConstant()) {
        initial.put(v.name(), v);
      }
    }
    this.known = new HashMap<>(TypeInference.run(graph.nodes(), initial, OperatorRegistry.standard()).known());
    taken.addAll(graph.values().keySet());
    for (Node n : graph.nodes()) {
      taken.add(n.name());
    }
    this.opset = graph.opsets().getOrDefault("", 1);
  }

  Graph graph() {
    return graph;
  }

  int opset() {
    return opset;
  }

  /** The compile-time value of {@code name}, or null when it is absent or only known at run time. */
  Tensor known(String name) {
    return name.isEmpty() ? null : known.get(name);
  }

  /** True when {@code name} is omitted or known at compile time. */
  boolean knownOrAbsent(String name) {
    return name.isEmpty() || known.containsKey(name);
  }

  /** A value or node name derived from {@code base} that nothing in the graph uses yet. */
  String fresh(String base) {
    String name = base;
    for (int i = 1; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** Adds a constant under a fresh name derived from {@code base} and returns that name. */
  String constant(String base, Tensor data) {
    String name = fresh(base);
    constants.add(Value.constant(name, data));
    known.put(name, data);
    return name;
  }

  List<Value> constants() {
    return constants;
  }

  /** DequantizeLinear(x, scale, zp) -> out, per axis {@code axis} when the scale is not a scalar. */
  Node dequantize(String base, String x, String scale, String zp, String out, int axis) {
    return node(base, "DequantizeLinear", List.of(x, scale, zp), out, axisAttr(scale, axis));
  }

  /** QuantizeLinear(x, scale, zp) -> out, per tensor. */
  Node quantize(String base, String x, String scale, String zp, String out) {
    return node(base, "QuantizeLinear", List.of(x, scale, zp), out, Map.of());
  }

  Node node(String base, String opType, List<String> inputs, String out, Map<String, Attribute> attrs) {
    return new Node(fresh(base), opType, "", opset, inputs, List.of(out), attrs, Map.of());
  }

  private Map<String, Attribute> axisAttr(String scale, int axis) {
    Tensor s = known(scale);
    boolean perAxis = s != null ? s.size() > 1 : graph.values().containsKey(scale) && graph.type(scale).size() > 1;
    return perAxis ? Map.of("axis", Attribute.ofInt(axis)) : Map.of();
  }

  /**
   * {@code t} (one element, or {@code n} elements in any shape) as a 1-D tensor of {@code n}
   * elements: ONNX wants a per-axis scale and its zero point to have the same shape.
   */
  static Tensor vector(Tensor t, int n) {
    if (t.size() == n) {
      return t.reshape(new int[] {n});
    }
    if (t.dtype().isFloat()) {
      float[] f = new float[n];
      java.util.Arrays.fill(f, t.getFloat(0));
      return Tensor.ofFloats(new int[] {n}, f);
    }
    long[] l = new long[n];
    java.util.Arrays.fill(l, t.getLong(0));
    return Tensor.ofLongs(t.dtype(), new int[] {n}, l);
  }

  /** True when {@code t} has one element, whatever its rank. */
  static boolean isSingle(Tensor t) {
    return t != null && t.size() == 1;
  }

  /** Rebuilds {@code graph} with {@code nodes} and the constants added so far. */
  Graph rebuild(List<Node> nodes) {
    return Retype.rebuild(graph, nodes, constants);
  }
}
