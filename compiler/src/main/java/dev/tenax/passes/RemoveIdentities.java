package dev.tenax.passes;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes Identity nodes and inference-mode Dropout (whose mask output is unused) by
 * renaming: readers of the output read the input instead. When the output is a graph output,
 * the producer of the input is renamed instead, so graph output names never change.
 */
public final class RemoveIdentities implements Pass {
  private static final Set<String> IDENTITIES = Set.of("Identity", "Dropout");

  @Override
  public String name() {
    return "remove-identities";
  }

  @Override
  public Graph apply(Graph g) {
    Map<String, String> rename = new HashMap<>();
    List<Node> kept = new ArrayList<>();
    List<Node> nodes = new ArrayList<>(g.nodes());
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (!isRemovable(g, n)) {
        kept.add(renameInputs(n, rename));
        continue;
      }
      String in = rename.getOrDefault(n.input(0), n.input(0));
      String out = n.output(0);
      if (!g.outputs().contains(out)) {
        rename.put(out, in);
      } else if (canRenameProducer(g, in, kept)) {
        // Give the producer the graph output's name; later readers of `in` follow.
        for (int k = 0; k < kept.size(); k++) {
          Node p = kept.get(k);
          if (p.outputs().contains(in)) {
            List<String> outs = new ArrayList<>(p.outputs());
            outs.set(outs.indexOf(in), out);
            kept.set(k, p.withOutputs(outs));
          } else {
            kept.set(k, renameInputs(p, Map.of(in, out)));
          }
        }
        rename.put(in, out);
      } else {
        kept.add(renameInputs(n, rename));
      }
    }
    if (kept.size() == nodes.size()) {
      return g;
    }
    return Retype.rebuild(g, kept, List.of());
  }

  private static boolean isRemovable(Graph g, Node n) {
    if (!IDENTITIES.contains(n.opType()) || !n.domain().isEmpty()) {
      return false;
    }
    boolean maskUsed = n.outputs().size() > 1 && !n.output(1).isEmpty()
        && (g.outputs().contains(n.output(1)) || !g.consumers(n.output(1)).isEmpty());
    boolean training = n.opType().equals("Dropout") && n.hasInput(2);
    return !maskUsed && !training;
  }

  /** The input may take the output's name when a kept node produces it and it is no graph output. */
  private static boolean canRenameProducer(Graph g, String in, List<Node> kept) {
    return !g.outputs().contains(in) && kept.stream().anyMatch(p -> p.outputs().contains(in));
  }

  private static Node renameInputs(Node n, Map<String, String> rename) {
    List<String> ins = new ArrayList<>();
    for (String s : n.inputs()) {
      ins.add(rename.getOrDefault(s, s));
    }
    return n.withInputs(ins);
  }
}
