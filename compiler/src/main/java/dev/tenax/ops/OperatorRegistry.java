package dev.tenax.ops;

import dev.tenax.ops.quant.ConvInteger;
import dev.tenax.ops.quant.DequantizeLinear;
import dev.tenax.ops.quant.MatMulInteger;
import dev.tenax.ops.quant.QLinearConv;
import dev.tenax.ops.quant.QLinearMatMul;
import dev.tenax.ops.quant.QuantizeLinear;
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
    // Quantization and recurrent layers.
    b.add(new ConvInteger());
    b.add(new DequantizeLinear());
    b.add(new MatMulInteger());
    b.add(new QLinearConv());
    b.add(new QLinearMatMul());
    b.add(new QuantizeLinear());
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
