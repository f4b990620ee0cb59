package dev.tenax.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable model graph: nodes in topological order and every value they touch, each
 * with a static type. Constants (initializers, bound inputs, folded results) are values
 * with data. Passes build new graphs with {@link #toBuilder()}.
 */
public final class Graph {
  private final String name;
  private final Map<String, Integer> opsets;
  private final List<String> inputs;
  private final List<String> outputs;
  private final List<Node> nodes;
  private final Map<String, Value> values;
  private final Map<String, Node> producers;

  private Graph(String name, Map<String, Integer> opsets, List<String> inputs, List<String> outputs,
      List<Node> nodes, Map<String, Value> values) {
    this.name = name;
    this.opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.nodes = List.copyOf(nodes);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Map<String, Node> p = new HashMap<>();
    for (Node n : nodes) {
      for (String o : n.outputs()) {
        if (!o.isEmpty()) {
          p.put(o, n);
        }
      }
    }
    this.producers = p;
  }

  public String name() {
    return name;
  }

  /** Imported opset version per domain ("" is ai.onnx). */
  public Map<String, Integer> opsets() {
    return opsets;
  }

  /** Names of the runtime inputs (constants bound to inputs are not listed). */
  public List<String> inputs() {
    return inputs;
  }

  public List<String> outputs() {
    return outputs;
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Map<String, Value> values() {
    return values;
  }

  public Value value(String valueName) {
    Value v = values.get(valueName);
    if (v == null) {
      throw new IllegalArgumentException("no value named '" + valueName + "' in graph " + name);
    }
    return v;
  }

  public TensorType type(String valueName) {
    return value(valueName).type();
  }

  /** The node that computes {@code valueName}, if any (inputs and constants have none). */
  public Optional<Node> producer(String valueName) {
    return Optional.ofNullable(producers.get(valueName));
  }

  /** Nodes that read {@code valueName}, in graph order. */
  public List<Node> consumers(String valueName) {
    List<Node> c = new ArrayList<>();
    for (Node n : nodes) {
      if (n.inputs().contains(valueName)) {
        c.add(n);
      }
    }
    return c;
  }

  public Builder toBuilder() {
    return new Builder(name, opsets).inputs(inputs).outputs(outputs).nodes(nodes).values(values.values());
  }

  public static Builder builder(String name, Map<String, Integer> opsets) {
    return new Builder(name, opsets);
  }

  /** Mutable helper for constructing graphs; {@link #build()} drops unused constant values. */
  public static final class Builder {
    private final String name;
    private final Map<String, Integer> opsets;
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Value> values = new LinkedHashMap<>();

    private Builder(String name, Map<String, Integer> opsets) {
      this.name = name;
      this.opsets = new LinkedHashMap<>(opsets);
    }

    public Builder inputs(List<String> names) {
      inputs.clear();
      inputs.addAll(names);
      return this;
    }

    public Builder outputs(List<String> names) {
      outputs.clear();
      outputs.addAll(names);
      return this;
    }

    public Builder nodes(List<Node> list) {
      nodes.clear();
      nodes.addAll(list);
      return this;
    }

    public Builder values(Iterable<Value> list) {
      values.clear();
      for (Value v : list) {
        values.put(v.name(), v);
      }
      return this;
    }

    public Builder addNode(Node n) {
      nodes.add(n);
      return this;
    }

    public Builder putValue(Value v) {
      values.put(v.name(), v);
      return this;
    }

    public List<Node> nodes() {
      return nodes;
    }

    public Map<String, Value> valueMap() {
      return values;
    }

    /** Keeps only values that are inputs, outputs, or read or written by a node. */
    public Graph build() {
      java.util.Set<String> used = new java.util.HashSet<>(inputs);
      used.addAll(outputs);
      for (Node n : nodes) {
        used.addAll(n.inputs());
        used.addAll(n.outputs());
      }
      Map<String, Value> kept = new LinkedHashMap<>();
      for (Value v : values.values()) {
        if (used.contains(v.name())) {
          kept.put(v.name(), v);
        }
      }
      return new Graph(name, opsets, inputs, outputs, nodes, kept);
    }
  }
}
