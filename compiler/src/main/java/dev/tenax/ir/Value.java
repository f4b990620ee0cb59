package dev.tenax.ir;

/** A named tensor in the graph: its type, and its data when it is a constant. */
public final class Value {
  private final String name;
  private final TensorType type;
  private final Tensor constant;

  private Value(String name, TensorType type, Tensor constant) {
    this.name = name;
    this.type = type;
    this.constant = constant;
  }

  public static Value of(String name, TensorType type) {
    return new Value(name, type, null);
  }

  public static Value constant(String name, Tensor data) {
    return new Value(name, data.type(), data);
  }

  public String name() {
    return name;
  }

  public TensorType type() {
    return type;
  }

  public boolean isConstant() {
    return constant != null;
  }

  /** The data of a constant value, or null. */
  public Tensor constant() {
    return constant;
  }

  @Override
  public String toString() {
    return name + ": " + type;
  }
}
