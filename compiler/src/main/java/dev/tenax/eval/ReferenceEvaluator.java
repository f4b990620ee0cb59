package dev.tenax.eval;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.Operator;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The float reference evaluator: runs a typed graph node by node with each operator's
 * reference implementation. It is the oracle for calibration and for every later check.
 */
public final class ReferenceEvaluator {
  private final OperatorRegistry registry;

  public ReferenceEvaluator(OperatorRegistry registry) {
    this.registry = registry;
  }

  public ReferenceEvaluator() {
    this(OperatorRegistry.standard());
  }

  /**
   * Evaluates {@code graph} on {@code inputs} (by graph input name) and returns the graph
   * outputs in declaration order.
   *
   * @throws IllegalArgumentException when an input is missing or has the wrong type or shape
   */
  public Map<String, Tensor> run(Graph graph, Map<String, Tensor> inputs) {
    return run(graph, inputs, (name, value) -> { });
  }

  /**
   * Like {@link #run(Graph, Map)}, and also hands every value it computes to {@code observer}
   * as soon as it exists: each graph input (once checked), then each node output in graph
   * order. Constants are not reported. Calibration uses this to see intermediate values
   * without keeping them all.
   */
  public Map<String, Tensor> run(Graph graph, Map<String, Tensor> inputs, BiConsumer<String, Tensor> observer) {
    Map<String, Tensor> env = new HashMap<>();
    for (var v : graph.values().values()) {
      if (v.isConstant()) {
        env.put(v.name(), v.constant());
      }
    }
    for (String name : graph.inputs()) {
      Tensor t = inputs.get(name);
      if (t == null) {
        throw new IllegalArgumentException("no value given for graph input '" + name + "' ("
            + graph.type(name) + ")");
      }
      TensorType want = graph.type(name);
      if (!want.equals(t.type())) {
        throw new IllegalArgumentException("graph input '" + name + "' must be " + want + ", got " + t.type());
      }
      env.put(name, t);
    }
    for (String name : inputs.keySet()) {
      if (!graph.inputs().contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a graph input (inputs: "
            + String.join(", ", graph.inputs()) + ")");
      }
    }
    for (String name : graph.inputs()) {
      observer.accept(name, env.get(name));
    }
    for (Node node : graph.nodes()) {
      evalNode(graph, node, env, observer);
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (String name : graph.outputs()) {
      out.put(name, env.get(name));
    }
    return out;
  }

  private void evalNode(Graph graph, Node node, Map<String, Tensor> env, BiConsumer<String, Tensor> observer) {
    Operator op = registry.lookup(node.domain(), node.opType())
        .orElseThrow(() -> new IllegalStateException("no operator for " + node.describe()));
    List<Tensor> in = new ArrayList<>();
    for (String name : node.inputs()) {
      in.add(name.isEmpty() ? null : env.get(name));
    }
    List<TensorType> outTypes = new ArrayList<>();
    for (String name : node.outputs()) {
      outTypes.add(name.isEmpty() ? null : graph.type(name));
    }
    List<Tensor> results = op.evaluate(new EvalContext(node, in, outTypes));
    for (int i = 0; i < node.outputs().size(); i++) {
      String name = node.output(i);
      if (name.isEmpty()) {
        continue;
      }
      Tensor r = results.get(i);
      if (!r.type().equals(outTypes.get(i))) {
        throw new IllegalStateException(node.describe() + " computed " + r.type() + " for output '" + name
            + "' but inference said " + outTypes.get(i));
      }
      env.put(name, r);
      observer.accept(name, r);
    }
  }
}
