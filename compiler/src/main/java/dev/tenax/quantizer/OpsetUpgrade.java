package dev.tenax.quantizer;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raises the default-domain opset of a graph to 13, the first version whose
 * DequantizeLinear takes per-channel scales (the {@code axis} attribute), or to 21, the first
 * whose QuantizeLinear/DequantizeLinear take int16 (16x8 mode). Most operators kept their
 * meaning from opset 7 to 13 and from 13 to 21 and are only relabelled; the few that moved an
 * attribute to an input are rewritten; anything else is refused with advice, because
 * guessing a changed semantics would silently change the model.
 */
final class OpsetUpgrade {
  static final int TARGET = 13;
  static final int INT16_QDQ = 21;

  /** Same meaning from opset 7 (or the noted version) up to 13. */
  private static final Set<String> UNCHANGED = Set.of("Conv", "Gemm", "MatMul", "Relu", "Add", "Mul", "Sub",
      "Div", "Reshape", "Flatten", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "Concat",
      "Transpose", "Sigmoid", "Tanh", "BatchNormalization", "Identity", "LeakyRelu", "PRelu", "Cast", "Exp",
      "Sqrt", "Abs", "Neg", "Gather", "Shape", "Constant", "ConvTranspose", "Sum", "Max", "Min", "Mean", "Elu",
      "HardSigmoid", "Softplus", "LRN", "InstanceNormalization", "SpaceToDepth", "Erf", "Sign", "Selu",
      "ReduceMean", "Pad", "Clip", "Resize", "Slice", "QuantizeLinear", "DequantizeLinear");
  /** Versions from which an UNCHANGED op (attribute moved to input at that version) is safe. */
  private static final Map<String, Integer> SINCE = Map.of("Pad", 11, "Clip", 11, "Resize", 11, "Slice", 10,
      "BatchNormalization", 9);

  /**
   * Same meaning from opset 13 up to 21: between them these only gained element types or
   * optional attributes/inputs whose defaults keep the old behaviour (Reshape allowzero,
   * Pad axes, Resize antialias/axes/keep_aspect_ratio_policy, AveragePool dilations, Shape
   * start/end, BatchNormalization training_mode, RNN layout, Cast and Q/DQ float8/blocked
   * options). ReduceMean (axes became an input at 18) and Split (num_outputs at 18) are rewritten.
   */
  private static final Set<String> UNCHANGED_TO_21 = Set.of("Abs", "Add", "Cast", "Clip", "Div", "Dropout", "Elu",
      "Erf", "Exp", "HardSigmoid", "HardSwish", "Identity", "LeakyRelu", "Max", "Mean", "Min", "Mul", "Neg", "PRelu",
      "Relu", "Selu", "Sigmoid", "Sign", "Softplus", "Sqrt", "Sub", "Sum", "Tanh", "BatchNormalization",
      "InstanceNormalization", "LayerNormalization", "LogSoftmax", "Softmax", "AveragePool", "Conv",
      "ConvTranspose", "Gemm", "GlobalAveragePool", "GlobalMaxPool", "LRN", "MatMul", "MaxPool", "Concat",
      "Constant", "ConstantOfShape", "DepthToSpace", "Flatten", "Gather", "Pad", "Reshape", "Resize", "Shape",
      "Slice", "SpaceToDepth", "Squeeze", "Transpose", "Unsqueeze", "GRU", "LSTM", "RNN", "ConvInteger",
      "DequantizeLinear", "MatMulInteger", "QLinearConv", "QLinearMatMul", "QuantizeLinear");

  private OpsetUpgrade() {}

  /** Raises {@code g} to opset {@code target} (13 or 21); a graph already there is returned as is. */
  static Graph apply(Graph g, int target) throws UsageException {
    Graph at13 = apply(g);
    if (target <= TARGET || at13.opsets().getOrDefault("", TARGET) >= target) {
      return at13;
    }
    Graph.Builder b = at13.toBuilder();
    List<Node> nodes = new ArrayList<>();
    for (Node n : at13.nodes()) {
      nodes.add(n.domain().isEmpty() && n.opset() < target ? upgradeTo21(n, b) : n);
    }
    return rebuild(at13, b, nodes, target);
  }

  static Graph apply(Graph g) throws UsageException {
    int opset = g.opsets().getOrDefault("", TARGET);
    if (opset >= TARGET) {
      return g;
    }
    Graph.Builder b = g.toBuilder();
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      nodes.add(n.domain().isEmpty() && n.opset() < TARGET ? upgrade(g, n, b) : n);
    }
    return rebuild(g, b, nodes, TARGET);
  }

  private static Graph rebuild(Graph g, Graph.Builder b, List<Node> nodes, int target) {
    Map<String, Integer> opsets = new LinkedHashMap<>(g.opsets());
    opsets.put("", target);
    Graph.Builder nb = Graph.builder(g.name(), opsets).inputs(g.inputs()).outputs(g.outputs()).nodes(nodes)
        .values(b.valueMap().values());
    return nb.build();
  }

  private static Node upgradeTo21(Node n, Graph.Builder b) throws UsageException {
    String op = n.opType();
    if (UNCHANGED_TO_21.contains(op)) {
      return relabel(n, n.attributes(), n.inputs(), INT16_QDQ);
    }
    Map<String, Attribute> attrs = new LinkedHashMap<>(n.attributes());
    switch (op) {
      case "ReduceMean" -> {
        Attribute axes = attrs.remove("axes");
        List<String> in = new ArrayList<>(n.inputs());
        if (axes != null) {
          long[] ax = axes.asInts();
          in.add(constant(b, n.name() + "_axes", Tensor.ofLongs(DType.INT64, new int[] {ax.length}, ax)));
        }
        return relabel(n, attrs, in, INT16_QDQ);
      }
      case "Split" -> {
        // Without a split input, 13 splits into as many equal parts as there are outputs;
        // 18 needs that count spelled out as num_outputs.
        if (!n.hasInput(1)) {
          attrs.put("num_outputs", Attribute.ofInt(n.outputs().size()));
        }
        return relabel(n, attrs, n.inputs(), INT16_QDQ);
      }
      default -> throw new UsageException("16x8 mode needs opset " + INT16_QDQ + " (int16 QuantizeLinear/"
          + "DequantizeLinear), but " + n.describe() + " cannot be raised to it: Tenax does not know that its "
          + "definition is unchanged from opset " + n.opset() + " to " + INT16_QDQ + "; use --mode int8");
    }
  }

  private static Node upgrade(Graph g, Node n, Graph.Builder b) throws UsageException {
    String op = n.opType();
    if (n.opset() < 7) {
      throw refuse(n, "opset " + n.opset() + " predates numpy-style broadcasting");
    }
    if (UNCHANGED.contains(op) && n.opset() >= SINCE.getOrDefault(op, 7)) {
      return relabel(n, n.attributes(), n.inputs());
    }
    Map<String, Attribute> attrs = new LinkedHashMap<>(n.attributes());
    switch (op) {
      case "Softmax", "LogSoftmax" -> {
        // Before 13 the input was flattened to 2-D at axis (default 1); the same as 13's
        // single-axis form only when every dimension after axis is 1.
        int[] shape = g.type(n.input(0)).shape();
        Attribute a = attrs.get("axis");
        int axis = (int) (a == null ? 1 : a.asInt());
        axis = axis < 0 ? axis + shape.length : axis;
        for (int d = axis + 1; d < shape.length; d++) {
          if (shape[d] != 1) {
            throw refuse(n, "it normalizes over dimensions " + axis + ".." + (shape.length - 1)
                + " together, which opset 13 cannot express in one node");
          }
        }
        attrs.put("axis", Attribute.ofInt(axis));
        return relabel(n, attrs, n.inputs());
      }
      case "Squeeze", "Unsqueeze" -> {
        Attribute axes = attrs.remove("axes");
        List<String> in = new ArrayList<>(n.inputs());
        if (axes != null) {
          long[] ax = axes.asInts();
          in.add(constant(b, n.name() + "_axes", Tensor.ofLongs(DType.INT64, new int[] {ax.length}, ax)));
        }
        return relabel(n, attrs, in);
      }
      case "Dropout" -> {
        attrs.remove("ratio");
        attrs.remove("is_test");
        return relabel(n, attrs, n.inputs());
      }
      default -> throw refuse(n, "its definition changed before opset 13");
    }
  }

  private static String constant(Graph.Builder b, String base, Tensor t) {
    String name = base;
    for (int i = 1; b.valueMap().containsKey(name); i++) {
      name = base + "_" + i;
    }
    b.putValue(Value.constant(name, t));
    return name;
  }

  private static Node relabel(Node n, Map<String, Attribute> attrs, List<String> inputs) {
    return relabel(n, attrs, inputs, TARGET);
  }

  private static Node relabel(Node n, Map<String, Attribute> attrs, List<String> inputs, int opset) {
    return new Node(n.name(), n.opType(), n.domain(), opset, inputs, n.outputs(), attrs, n.annotations());
  }

  private static UsageException refuse(Node n, String why) {
    return new UsageException("per-channel weights need opset " + TARGET + " (DequantizeLinear axis), but "
        + n.describe() + " cannot be raised to it: " + why + "; re-export the model with opset " + TARGET
        + " or newer");
  }
}
