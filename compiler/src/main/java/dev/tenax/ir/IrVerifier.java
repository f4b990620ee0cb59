package dev.tenax.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Structural checks that must hold for every graph, before and after every pass: each value
 * is defined once, nodes are in topological order, every value read has a type, and graph
 * outputs exist. Type re-inference is checked separately by the pass tests.
 */
public final class IrVerifier {
  private IrVerifier() {}

  /** The problems found; empty when the graph is well formed. */
  public static List<String> problems(Graph g) {
    List<String> problems = new ArrayList<>();
    Set<String> defined = new HashSet<>();
    for (String in : g.inputs()) {
      if (!g.values().containsKey(in)) {
        problems.add("input '" + in + "' has no value");
      } else if (g.value(in).isConstant()) {
        problems.add("input '" + in + "' is also a constant");
      }
      if (!defined.add(in)) {
        problems.add("input '" + in + "' is listed twice");
      }
    }
    for (Value v : g.values().values()) {
      if (v.isConstant() && !defined.add(v.name())) {
        problems.add("constant '" + v.name() + "' is also an input");
      }
    }
    Set<String> nodeNames = new HashSet<>();
    for (Node n : g.nodes()) {
      if (!nodeNames.add(n.name())) {
        problems.add("node name '" + n.name() + "' is used twice");
      }
      for (String in : n.inputs()) {
        if (!in.isEmpty() && !defined.contains(in)) {
          problems.add(n.describe() + " reads '" + in + "' before it is defined");
        }
      }
      for (String out : n.outputs()) {
        if (out.isEmpty()) {
          continue;
        }
        if (!defined.add(out)) {
          problems.add(n.describe() + " redefines '" + out + "'");
        }
        if (!g.values().containsKey(out)) {
          problems.add(n.describe() + " output '" + out + "' has no type");
        }
      }
    }
    for (String out : g.outputs()) {
      if (!defined.contains(out)) {
        problems.add("graph output '" + out + "' is never defined");
      }
    }
    return problems;
  }

  /** Throws {@link IllegalStateException} listing every problem, naming {@code stage}. */
  public static void verify(Graph g, String stage) {
    List<String> p = problems(g);
    if (!p.isEmpty()) {
      throw new IllegalStateException("IR invalid after " + stage + ":\n  " + String.join("\n  ", p));
    }
  }
}
