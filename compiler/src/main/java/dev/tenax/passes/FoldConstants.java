package dev.tenax.passes;

import dev.tenax.frontend.TypeInference;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.Value;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every node whose outputs are known at compile time by constants: nodes fed only
 * by constants, and shape arithmetic on static shapes (the Shape/Gather/Unsqueeze/Concat
 * chains PyTorch exports before a Reshape, which thereby gets a constant shape). Type
 * inference already computes these values; this pass only commits them to the graph.
 */
public final class FoldConstants implements Pass {
  /**
   * DequantizeLinear of a constant integer tensor stays: it carries the int8 weights and their
   * scales that the quantizer keeps for pre-quantized (QDQ) models, at a quarter of the size.
   */
  private static boolean keepsQuantizedWeights(Graph g, Node n) {
    return n.opType().equals("DequantizeLinear") && n.domain().isEmpty()
        && g.value(n.input(0)).isConstant() && !g.type(n.input(0)).dtype().isFloat();
  }

  @Override
  public String name() {
    return "fold-constants";
  }

  @Override
  public Graph apply(Graph g) {
    Map<String, Value> initial = new LinkedHashMap<>();
    for (String in : g.inputs()) {
      initial.put(in, g.value(in));
    }
    for (Value v : g.values().values()) {
      if (v.isConstant()) {
        initial.put(v.name(), v);
      }
    }
    TypeInference.Result r = TypeInference.run(g.nodes(), initial, OperatorRegistry.standard());
    Map<String, Tensor> known = r.known();
    List<Node> kept = new ArrayList<>();
    List<Value> folded = new ArrayList<>();
    for (Node n : g.nodes()) {
      boolean allKnown = n.outputs().stream().allMatch(o -> o.isEmpty() || known.containsKey(o));
      if (allKnown && !keepsQuantizedWeights(g, n)) {
        for (String o : n.outputs()) {
          if (!o.isEmpty()) {
            folded.add(Value.constant(o, known.get(o)));
          }
        }
      } else {
        kept.add(n);
      }
    }
    if (folded.isEmpty()) {
      return g;
    }
    return Retype.rebuild(g, kept, folded);
  }
}
