package dev.tenax.passes;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks activations that later stages can compute inside the kernel of the node that feeds
 * them: the activation gets {@code fuse-into=<producer>} and the producer
 * {@code fused-activation=<activation op>}. Marking changes no semantics; lowering (issue 3)
 * uses it. A pair qualifies when the producer's output is read by the activation only and is
 * not a graph output; Clip qualifies only with constant bounds.
 */
public final class MarkFusedActivations implements Pass {
  static final Set<String> ACTIVATIONS = Set.of("Relu", "Clip", "LeakyRelu", "HardSwish", "Sigmoid");
  static final Set<String> PRODUCERS = Set.of("Conv", "Gemm", "MatMul", "Add");

  @Override
  public String name() {
    return "mark-fused-activations";
  }

  @Override
  public Graph apply(Graph g) {
    Map<String, Node> replaced = new HashMap<>();
    for (Node act : g.nodes()) {
      if (!ACTIVATIONS.contains(act.opType()) || !act.domain().isEmpty()
          || act.annotations().containsKey("fuse-into")) {
        continue;
      }
      String x = act.input(0);
      Node producer = g.producer(x).orElse(null);
      if (producer == null || !PRODUCERS.contains(producer.opType()) || !producer.domain().isEmpty()
          || g.outputs().contains(x) || g.consumers(x).size() != 1 || replaced.containsKey(producer.name())
          || !constantBounds(g, act)) {
        continue;
      }
      replaced.put(producer.name(), producer.withAnnotation("fused-activation", act.opType()));
      replaced.put(act.name(), act.withAnnotation("fuse-into", producer.name()));
    }
    if (replaced.isEmpty()) {
      return g;
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      nodes.add(replaced.getOrDefault(n.name(), n));
    }
    return g.toBuilder().nodes(nodes).build();
  }

  private static boolean constantBounds(Graph g, Node act) {
    if (!act.opType().equals("Clip")) {
      return true;
    }
    for (int i = 1; i < act.inputs().size(); i++) {
      if (act.hasInput(i) && !g.value(act.input(i)).isConstant()) {
        return false;
      }
    }
    return true;
  }
}
