package dev.tenax.passes;

import dev.tenax.diag.Diagnostic;
import dev.tenax.frontend.TypeInference;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Value;
import dev.tenax.ops.OperatorRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rebuilds a graph from rewritten nodes, inferring the types of every (new) value. */
final class Retype {
  private Retype() {}

  /**
   * @param base the graph before the rewrite (inputs, outputs, opsets, existing constants)
   * @param nodes the rewritten nodes, in any order
   * @param constants constants to add or replace
   */
  static Graph rebuild(Graph base, List<Node> nodes, List<Value> constants) {
    Map<String, Value> initial = new LinkedHashMap<>();
    for (String in : base.inputs()) {
      initial.put(in, base.value(in));
    }
    for (Value v : base.values().values()) {
      if (v.isConstant()) {
        initial.put(v.name(), v);
      }
    }
    for (Value v : constants) {
      initial.put(v.name(), v);
    }
    TypeInference.Result r = TypeInference.run(nodes, initial, OperatorRegistry.standard());
    if (!r.diagnostics().isEmpty()) {
      throw new IllegalStateException("a pass produced an invalid graph: " + r.diagnostics().stream()
          .map(Diagnostic::format).collect(Collectors.joining("; ")));
    }
    return base.toBuilder().nodes(r.nodes()).values(r.values().values()).build();
  }
}
