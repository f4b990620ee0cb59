package dev.tenax.passes;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Drops nodes whose outputs no graph output depends on; unused constants go with them. */
public final class EliminateDeadNodes implements Pass {
  @Override
  public String name() {
    return "eliminate-dead-nodes";
  }

  @Override
  public Graph apply(Graph g) {
    Set<String> live = new HashSet<>(g.outputs());
    List<Node> kept = new ArrayList<>();
    List<Node> nodes = g.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node n = nodes.get(i);
      if (n.outputs().stream().anyMatch(live::contains)) {
        kept.add(n);
        live.addAll(n.inputs());
      }
    }
    Collections.reverse(kept);
    return g.toBuilder().nodes(kept).build();
  }
}
