package dev.tenax.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operator application. Inputs and outputs are value names; an empty name stands for an
 * omitted optional input or output, as in ONNX. {@code opset} is the version of the node's
 * domain that the model imports. Annotations are Tenax's own notes for later stages (for
 * example which producer an activation fuses into); they never change float semantics.
 */
public final class Node {
  private final String name;
  private final String opType;
  private final String domain;
  private final int opset;
  private final List<String> inputs;
  private final List<String> outputs;
  private final Map<String, Attribute> attributes;
  private final Map<String, String> annotations;

  public Node(String name, String opType, String domain, int opset, List<String> inputs,
      List<String> outputs, Map<String, Attribute> attributes, Map<String, String> annotations) {
    this.name = name;
    this.opType = opType;
    this.domain = domain;
    this.opset = opset;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    this.annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  public Node(String name, String opType, int opset, List<String> inputs, List<String> outputs,
      Map<String, Attribute> attributes) {
    this(name, opType, "", opset, inputs, outputs, attributes, Map.of());
  }

  public String name() {
    return name;
  }

  public String opType() {
    return opType;
  }

  /** ONNX domain; "" is the default ai.onnx domain. */
  public String domain() {
    return domain;
  }

  public int opset() {
    return opset;
  }

  public List<String> inputs() {
    return inputs;
  }

  public List<String> outputs() {
    return outputs;
  }

  /** Input name at {@code i}, or "" when the input is absent or omitted. */
  public String input(int i) {
    return i < inputs.size() ? inputs.get(i) : "";
  }

  public boolean hasInput(int i) {
    return !input(i).isEmpty();
  }

  public String output(int i) {
    return outputs.get(i);
  }

  public Map<String, Attribute> attributes() {
    return attributes;
  }

  public Map<String, String> annotations() {
    return annotations;
  }

  public Node withInputs(List<String> newInputs) {
    return new Node(name, opType, domain, opset, newInputs, outputs, attributes, annotations);
  }

  public Node withOutputs(List<String> newOutputs) {
    return new Node(name, opType, domain, opset, inputs, newOutputs, attributes, annotations);
  }

  public Node withAttributes(Map<String, Attribute> newAttributes) {
    return new Node(name, opType, domain, opset, inputs, outputs, newAttributes, annotations);
  }

  public Node withAnnotation(String key, String value) {
    Map<String, String> a = new LinkedHashMap<>(annotations);
    a.put(key, value);
    return new Node(name, opType, domain, opset, inputs, outputs, attributes, a);
  }

  /** "Conv 'conv1' (opset 13)": how diagnostics and errors name a node. */
  public String describe() {
    return opType + " '" + name + "' (opset " + opset + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
