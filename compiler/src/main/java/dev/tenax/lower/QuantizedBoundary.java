package dev.tenax.lower;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a QDQ graph quantizes its inputs and dequantizes its outputs, for {@link ModelIo#QUANTIZED}
 * builds that pass those tensors already quantized. Operators that move no data (reshapes, and on
 * the input side transposes, which fold into the view) may stand between the boundary and the
 * QuantizeLinear or DequantizeLinear.
 */
final class QuantizedBoundary {
  private QuantizedBoundary() {}

  /** Operators that only relabel the elements in row-major order. */
  private static final Set<String> RESHAPES = Set.of("Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity");

  /**
   * The quantization of graph input {@code name} when every path from it through reshapes and
   * transposes ends in a QuantizeLinear, all of one per-tensor scale and zero point, and none of
   * those values is a graph output; else null.
   */
  static QuantParams inputQuantization(Graph graph, String name, Map<String, LoweredValue> values) {
    List<Node> readers = graph.consumers(name);
    if (readers.isEmpty() || graph.outputs().contains(name)) {
      return null;
    }
    QuantParams common = null;
    for (Node n : readers) {
      if (!n.domain().isEmpty() || !n.input(0).equals(name)) {
        return null;
      }
      QuantParams q;
      if (n.opType().equals("QuantizeLinear")) {
        q = QuantizeParams.of(n, values);
      } else if (RESHAPES.contains(n.opType()) || n.opType().equals("Transpose")) {
        q = inputQuantization(graph, n.output(0), values);
      } else {
        return null;
      }
      if (q == null || (common != null && !common.equals(q))) {
        return null;
      }
      common = q;
    }
    return common;
  }

  /**
   * For each graph output that a DequantizeLinear computes (through reshapes) from a
   * QuantizeLinear's result: that result's name and the QuantizeLinear's float input's name (a
   * kernel that absorbs the QuantizeLinear names its buffer after the float value), both mapped to
   * the output's index (a mutable map: lowering removes a name once its buffer is made).
   */
  static Map<String, Integer> outputSources(Graph graph) {
    Map<String, Integer> sources = new HashMap<>();
    for (int i = 0; i < graph.outputs().size(); i++) {
      Node dq = graph.producer(graph.outputs().get(i)).orElse(null);
      if (dq == null || !dq.opType().equals("DequantizeLinear") || !dq.domain().isEmpty()) {
        continue;
      }
      String quantized = dq.input(0);
      Node q = graph.producer(quantized).orElse(null);
      while (q != null && q.domain().isEmpty() && RESHAPES.contains(q.opType())
          && !graph.outputs().contains(quantized)) {
        quantized = q.input(0);
        q = graph.producer(quantized).orElse(null);
      }
      if (q == null || !q.opType().equals("QuantizeLinear") || !q.domain().isEmpty()
          || graph.outputs().contains(quantized) || graph.outputs().contains(q.input(0))) {
        continue;
      }
      sources.putIfAbsent(quantized, i);
      sources.putIfAbsent(q.input(0), i);
    }
    return sources;
  }
}
