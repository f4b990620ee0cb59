package dev.tenax.ops;

import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.util.List;

/**
 * What an operator sees during evaluation: input tensors (null for omitted optional inputs)
 * and the output types that inference already fixed, so kernels need not recompute shapes.
 */
public final class EvalContext {
  private final Node node;
  private final List<Tensor> inputs;
  private final List<TensorType> outputTypes;
  private final Attrs attrs;

  public EvalContext(Node node, List<Tensor> inputs, List<TensorType> outputTypes) {
    this.node = node;
    this.inputs = inputs;
    this.outputTypes = outputTypes;
    this.attrs = new Attrs(node);
  }

  public Node node() {
    return node;
  }

  public int opset() {
    return node.opset();
  }

  public Attrs attrs() {
    return attrs;
  }

  public int inputCount() {
    return inputs.size();
  }

  public boolean has(int i) {
    return i < inputs.size() && inputs.get(i) != null;
  }

  /** Input {@code i}, or null when omitted. */
  public Tensor input(int i) {
    return i < inputs.size() ? inputs.get(i) : null;
  }

  public TensorType outputType(int i) {
    return outputTypes.get(i);
  }

  public int outputCount() {
    return outputTypes.size();
  }
}
