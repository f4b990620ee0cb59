package dev.tenax.ops;

import dev.tenax.diag.Code;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * What an operator sees during type inference: the node, its attributes, the type of each
 * input and, where known ahead of time, an input's value (initializers and values computed
 * from them, including shapes). Absent optional inputs have type null.
 */
public final class OpContext {
  private final Node node;
  private final List<TensorType> inputTypes;
  private final List<Tensor> knownInputs;
  private final Attrs attrs;
  private final Tensor[] knownOutputs;

  public OpContext(Node node, List<TensorType> inputTypes, List<Tensor> knownInputs) {
    this.node = node;
    this.inputTypes = inputTypes;
    this.knownInputs = knownInputs;
    this.attrs = new Attrs(node);
    this.knownOutputs = new Tensor[node.outputs().size()];
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

  /** Number of input slots the node lists (including omitted optional ones). */
  public int inputCount() {
    return inputTypes.size();
  }

  /** Number of outputs the node lists; inferTypes returns this many types. */
  public int outputCount() {
    return node.outputs().size();
  }

  public boolean has(int i) {
    return i < inputTypes.size() && inputTypes.get(i) != null;
  }

  /** Type of input {@code i}; a TX041 problem if it is absent. */
  public TensorType type(int i) {
    if (!has(i)) {
      throw new OpException(Code.TX041, "input " + i + " is required but missing");
    }
    return inputTypes.get(i);
  }

  /** Value of input {@code i} when known at compile time, else null. */
  public Tensor constant(int i) {
    return i < knownInputs.size() ? knownInputs.get(i) : null;
  }

  /** Value of input {@code i}, which must be known at compile time (TX051 otherwise). */
  public Tensor requireConstant(int i, String what) {
    type(i);
    Tensor t = constant(i);
    if (t == null) {
      throw new OpException(Code.TX051, what + " (input " + i + " '" + node.input(i)
          + "') is computed at run time, so the output shape is unknown ahead of time");
    }
    return t;
  }

  /** Lets an operator publish an output value it knows already (e.g. Shape's result). */
  public void setKnownOutput(int i, Tensor value) {
    knownOutputs[i] = value;
  }

  public List<Tensor> knownOutputs() {
    return Arrays.asList(knownOutputs.clone());
  }

  /** A TX050 problem with {@code message}. */
  public OpException shapeError(String message) {
    return new OpException(Code.TX050, message);
  }

  /** A TX040 problem with {@code message}. */
  public OpException unsupported(String message, String hint) {
    return new OpException(Code.TX040, message, hint);
  }
}
