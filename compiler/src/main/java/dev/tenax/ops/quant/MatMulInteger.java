package dev.tenax.ops.quant;

import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * MatMulInteger (opset 10): the int32 numpy.matmul of (A - a_zero_point) and
 * (B - b_zero_point). Zero points are optional (default 0), per tensor, per row of A and per
 * column of B.
 */
public final class MatMulInteger implements Operator {
  @Override
  public String opType() {
    return "MatMulInteger";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType a = ctx.type(0);
    TensorType b = ctx.type(1);
    QuantMath.requireType("A", a, QuantMath.BYTE_TYPES);
    QuantMath.requireType("B", b, QuantMath.BYTE_TYPES);
    IntegerMatMul mm = IntegerMatMul.resolve(a.shape(), b.shape());
    if (ctx.has(2)) {
      QuantMath.requireSameType("a_zero_point", ctx.type(2), a.dtype());
      mm.paramShape("a_zero_point", ctx.type(2).shape(), true);
    }
    if (ctx.has(3)) {
      QuantMath.requireSameType("b_zero_point", ctx.type(3), b.dtype());
      mm.paramShape("b_zero_point", ctx.type(3).shape(), false);
    }
    return List.of(new TensorType(DType.INT32, mm.outShape()));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor a = ctx.input(0);
    Tensor b = ctx.input(1);
    IntegerMatMul mm = IntegerMatMul.resolve(a.shape(), b.shape());
    int[] acc = mm.multiply(mm.center(a, ctx.input(2), true), mm.center(b, ctx.input(3), false));
    long[] y = new long[acc.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = acc[i];
    }
    return List.of(Tensor.ofLongs(DType.INT32, mm.outShape(), y));
  }

  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    return IntegerMatMul.resolve(inputs.get(0).shape(), inputs.get(1).shape()).macs();
  }
}
