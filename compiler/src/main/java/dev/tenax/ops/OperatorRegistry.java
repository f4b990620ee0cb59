package dev.tenax.ops;

import dev.tenax.ops.tensor.Concat;
import dev.tenax.ops.tensor.Constant;
import dev.tenax.ops.tensor.ConstantOfShape;
import dev.tenax.ops.tensor.DepthToSpace;
import dev.tenax.ops.tensor.Flatten;
import dev.tenax.ops.tensor.Gather;
import dev.tenax.ops.tensor.Pad;
import dev.tenax.ops.tensor.Reshape;
import dev.tenax.ops.tensor.Resize;
import dev.tenax.ops.tensor.Shape;
import dev.tenax.ops.tensor.Slice;
import dev.tenax.ops.tensor.SpaceToDepth;
import dev.tenax.ops.tensor.Split;
import dev.tenax.ops.tensor.Squeeze;
import dev.tenax.ops.tensor.Transpose;
import dev.tenax.ops.tensor.Unsqueeze;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one explicit list of operators Tenax supports. Adding an operator means writing its
 * class, one line here, and its test ({@code OperatorRegistryTest} fails for an operator
 * registered without a test class).
 */
public final class OperatorRegistry {
  private final Map<String, Operator> byKey;

  private OperatorRegistry(Map<String, Operator> byKey) {
    this.byKey = Collections.unmodifiableMap(byKey);
  }

  /** Every operator Tenax implements. */
  public static OperatorRegistry standard() {
    Builder b = new Builder();
    // Element-wise math and activations.
    b.add(new dev.tenax.ops.math.Add());
    b.add(new dev.tenax.ops.math.Relu());
    // Neural-network layers: convolution, matrix products, pooling, normalization.
    // Tensor manipulation and shape arithmetic.
    b.add(new Concat());
    b.add(new Constant());
    b.add(new ConstantOfShape());
    b.add(new DepthToSpace());
    b.add(new Flatten());
    b.add(new Gather());
    b.add(new Pad());
    b.add(new Reshape());
    b.add(new Resize());
    b.add(new Shape());
    b.add(new Slice());
    b.add(new SpaceToDepth());
    b.add(new Split());
    b.add(new Squeeze());
    b.add(new Transpose());
    b.add(new Unsqueeze());
    // Quantization and recurrent layers.
    return b.build();
  }

  public Optional<Operator> lookup(String domain, String opType) {
    return Optional.ofNullable(byKey.get(key(domain, opType)));
  }

  public Collection<Operator> all() {
    return byKey.values();
  }

  private static String key(String domain, String opType) {
    String d = domain == null || domain.equals("ai.onnx") ? "" : domain;
    return d + "::" + opType;
  }

  /** Collects operators; rejects a second registration of the same op type. */
  public static final class Builder {
    private final Map<String, Operator> byKey = new TreeMap<>();

    public Builder add(Operator op) {
      if (byKey.put(key(op.domain(), op.opType()), op) != null) {
        throw new IllegalStateException("operator " + op.opType() + " registered twice");
      }
      return this;
    }

    public OperatorRegistry build() {
      return new OperatorRegistry(byKey);
    }
  }
}
