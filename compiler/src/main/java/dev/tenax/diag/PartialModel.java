package dev.tenax.diag;

import dev.tenax.ir.Node;
import dev.tenax.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * What the front end understood of a model it rejected: every node it read, in order, and
 * the types it could infer (values downstream of a problem have none). {@code tenax inspect}
 * shows it beside the diagnostics so the user sees where in the model each problem sits.
 */
public record PartialModel(List<String> inputs, List<String> outputs, List<Node> nodes,
    Map<String, TensorType> types) {

  public PartialModel {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    nodes = List.copyOf(nodes);
    types = Map.copyOf(types);
  }
}
