package dev.tenax.testing;

import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.TypeInference;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a one-node graph for operator unit tests, runs type inference through the real
 * registry and evaluates it with the reference evaluator. Example:
 * <pre>
 * List&lt;Tensor&gt; y = NodeRunner.op("LeakyRelu").attr("alpha", Attribute.ofFloat(0.1f))
 *     .input(x).run();
 * </pre>
 */
public final class NodeRunner {
  private final String opType;
  private String domain = "";
  private int opset = 17;
  private int outputs = 1;
  private final Map<String, Attribute> attrs = new LinkedHashMap<>();
  private final List<Tensor> inputs = new ArrayList<>();
  private final List<Boolean> constant = new ArrayList<>();

  private NodeRunner(String opType) {
    this.opType = opType;
  }

  public static NodeRunner op(String opType) {
    return new NodeRunner(opType);
  }

  public NodeRunner domain(String d) {
    domain = d;
    return this;
  }

  public NodeRunner opset(int v) {
    opset = v;
    return this;
  }

  public NodeRunner outputs(int n) {
    outputs = n;
    return this;
  }

  public NodeRunner attr(String name, Attribute a) {
    attrs.put(name, a);
    return this;
  }

  /** A runtime input; null stands for an omitted optional input. */
  public NodeRunner input(Tensor t) {
    inputs.add(t);
    constant.add(false);
    return this;
  }

  /** An input known at compile time (an initializer). */
  public NodeRunner constInput(Tensor t) {
    inputs.add(t);
    constant.add(true);
    return this;
  }

  private Graph graph() throws ModelRejectedException {
    List<String> inNames = new ArrayList<>();
    List<String> runtime = new ArrayList<>();
    Map<String, Value> initial = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor t = inputs.get(i);
      if (t == null) {
        inNames.add("");
        continue;
      }
      String name = "in" + i;
      inNames.add(name);
      if (constant.get(i)) {
        initial.put(name, Value.constant(name, t));
      } else {
        initial.put(name, Value.of(name, t.type()));
        runtime.add(name);
      }
    }
    List<String> outNames = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      outNames.add("out" + i);
    }
    Node node = new Node("node", opType, domain, opset, inNames, outNames, attrs, Map.of());
    TypeInference.Result r = TypeInference.run(List.of(node), initial, OperatorRegistry.standard());
    if (!r.diagnostics().isEmpty()) {
      throw new ModelRejectedException(r.diagnostics());
    }
    return Graph.builder("test", Map.of(domain, opset)).inputs(runtime).outputs(outNames)
        .nodes(r.nodes()).values(r.values().values()).build();
  }

  /** Inferred output types; throws with the diagnostics when inference rejects the node. */
  public List<TensorType> infer() throws ModelRejectedException {
    Graph g = graph();
    List<TensorType> types = new ArrayList<>();
    for (String o : g.outputs()) {
      types.add(g.type(o));
    }
    return types;
  }

  /** The diagnostics inference reports (empty when the node is accepted). */
  public List<Diagnostic> diagnostics() {
    try {
      graph();
      return List.of();
    } catch (ModelRejectedException e) {
      return e.diagnostics();
    }
  }

  /** Evaluates the node and returns its outputs. */
  public List<Tensor> run() throws ModelRejectedException {
    Graph g = graph();
    Map<String, Tensor> feed = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i) != null && !constant.get(i)) {
        feed.put("in" + i, inputs.get(i));
      }
    }
    return new ArrayList<>(new ReferenceEvaluator().run(g, feed).values());
  }

  /** Shorthand: a float32 tensor of {@code shape} with {@code values}. */
  public static Tensor floats(int[] shape, float... values) {
    return Tensor.ofFloats(shape, values.clone());
  }
}
