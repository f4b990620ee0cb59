package dev.tenax.ops;

import dev.tenax.ops.math.Abs;
import dev.tenax.ops.math.Add;
import dev.tenax.ops.math.Cast;
import dev.tenax.ops.math.Clip;
import dev.tenax.ops.math.Div;
import dev.tenax.ops.math.Dropout;
import dev.tenax.ops.math.Elu;
import dev.tenax.ops.math.Erf;
import dev.tenax.ops.math.Exp;
import dev.tenax.ops.math.HardSigmoid;
import dev.tenax.ops.math.HardSwish;
import dev.tenax.ops.math.Identity;
import dev.tenax.ops.math.LeakyRelu;
import dev.tenax.ops.math.Max;
import dev.tenax.ops.math.Mean;
import dev.tenax.ops.math.Min;
import dev.tenax.ops.math.Mul;
import dev.tenax.ops.math.Neg;
import dev.tenax.ops.math.PRelu;
import dev.tenax.ops.math.Relu;
import dev.tenax.ops.math.Selu;
import dev.tenax.ops.math.Sigmoid;
import dev.tenax.ops.math.Sign;
import dev.tenax.ops.math.Softplus;
import dev.tenax.ops.math.Sqrt;
import dev.tenax.ops.math.Sub;
import dev.tenax.ops.math.Sum;
import dev.tenax.ops.math.Tanh;
import dev.tenax.ops.nn.BatchNormalization;
import dev.tenax.ops.nn.InstanceNormalization;
import dev.tenax.ops.nn.LayerNormalization;
import dev.tenax.ops.nn.LogSoftmax;
import dev.tenax.ops.nn.ReduceMean;
import dev.tenax.ops.nn.Softmax;
import dev.tenax.ops.rnn.GRU;
import dev.tenax.ops.rnn.LSTM;
import dev.tenax.ops.rnn.RNN;
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
import dev.tenax.ops.nn.AveragePool;
import dev.tenax.ops.nn.Conv;
import dev.tenax.ops.nn.ConvTranspose;
import dev.tenax.ops.nn.Gemm;
import dev.tenax.ops.nn.GlobalAveragePool;
import dev.tenax.ops.nn.GlobalMaxPool;
import dev.tenax.ops.nn.LRN;
import dev.tenax.ops.nn.MatMul;
import dev.tenax.ops.nn.MaxPool;
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
    b.add(new Abs());
    b.add(new Add());
    b.add(new Cast());
    b.add(new Clip());
    b.add(new Div());
    b.add(new Dropout());
    b.add(new Elu());
    b.add(new Erf());
    b.add(new Exp());
    b.add(new HardSigmoid());
    b.add(new HardSwish());
    b.add(new Identity());
    b.add(new LeakyRelu());
    b.add(new Max());
    b.add(new Mean());
    b.add(new Min());
    b.add(new Mul());
    b.add(new Neg());
    b.add(new PRelu());
    b.add(new Relu());
    b.add(new Selu());
    b.add(new Sigmoid());
    b.add(new Sign());
    b.add(new Softplus());
    b.add(new Sqrt());
    b.add(new Sub());
    b.add(new Sum());
    b.add(new Tanh());
    // Neural-network layers: convolution, matrix products, pooling, normalization.
    b.add(new BatchNormalization());
    b.add(new InstanceNormalization());
    b.add(new LayerNormalization());
    b.add(new LogSoftmax());
    b.add(new ReduceMean());
    b.add(new Softmax());
    b.add(new AveragePool());
    b.add(new Conv());
    b.add(new ConvTranspose());
    b.add(new Gemm());
    b.add(new GlobalAveragePool());
    b.add(new GlobalMaxPool());
    b.add(new LRN());
    b.add(new MatMul());
    b.add(new MaxPool());
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
    b.add(new GRU());
    b.add(new LSTM());
    b.add(new RNN());
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
