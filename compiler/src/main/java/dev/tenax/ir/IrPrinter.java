package dev.tenax.ir;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text form of a graph, used by {@code tenax inspect --ir} and by pass tests that
 * compare before/after text. One line per input, constant, node and output:
 * <pre>
 * graph "main" opsets {ai.onnx: 13}
 *   input x: float32[1,1,8,8]
 *   const w: float32[4,1,3,3]
 *   conv1 = Conv(x, w, b) {kernel_shape=[3,3]} -> y: float32[1,4,6,6]
 *   relu1 = Relu(y) [fuse-into=conv1] -> z: float32[1,4,6,6]
 *   output z
 * </pre>
 * Constants show their values when they have at most 8 elements.
 */
public final class IrPrinter {
  private IrPrinter() {}

  public static String print(Graph g) {
    StringBuilder sb = new StringBuilder();
    sb.append("graph \"").append(g.name()).append("\" opsets {");
    sb.append(g.opsets().entrySet().stream()
        .map(e -> (e.getKey().isEmpty() ? "ai.onnx" : e.getKey()) + ": " + e.getValue())
        .collect(Collectors.joining(", ")));
    sb.append("}\n");
    for (String in : g.inputs()) {
      sb.append("  input ").append(g.value(in)).append('\n');
    }
    for (Value v : g.values().values()) {
      if (v.isConstant()) {
        sb.append("  const ").append(v.name()).append(": ").append(v.constant()).append('\n');
      }
    }
    for (Node n : g.nodes()) {
      sb.append("  ").append(node(g, n)).append('\n');
    }
    for (String out : g.outputs()) {
      sb.append("  output ").append(out).append('\n');
    }
    return sb.toString();
  }

  static String node(Graph g, Node n) {
    StringBuilder sb = new StringBuilder(n.name()).append(" = ");
    if (!n.domain().isEmpty()) {
      sb.append(n.domain()).append('.');
    }
    sb.append(n.opType()).append('(').append(String.join(", ", n.inputs())).append(')');
    if (!n.attributes().isEmpty()) {
      sb.append(" {").append(join(n.attributes())).append('}');
    }
    if (!n.annotations().isEmpty()) {
      sb.append(" [").append(join(n.annotations())).append(']');
    }
    sb.append(" -> ").append(n.outputs().stream()
        .map(o -> o.isEmpty() ? "_" : g.values().containsKey(o) ? g.value(o).toString() : o)
        .collect(Collectors.joining(", ")));
    return sb.toString();
  }

  private static String join(Map<String, ?> m) {
    return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
