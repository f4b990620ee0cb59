package dev.tenax.passes;

import dev.tenax.ir.Graph;

/** A stateless graph-to-graph rewrite. Passes never change what the graph computes in float. */
public interface Pass {
  /** Short kebab-case name, e.g. "fold-constants". */
  String name();

  Graph apply(Graph graph);
}
