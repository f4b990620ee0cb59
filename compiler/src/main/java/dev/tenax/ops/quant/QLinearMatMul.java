package dev.tenax.ops.quant;

import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;
import java.util.Set;

/**
 * QLinearMatMul (opsets 10 and 21; 21 only adds float16/bfloat16 scales, which Tenax does not
 * hold): numpy.matmul of quantized a and b. a's scale and zero point are per tensor or per
 * row, b's per tensor or per column, y's per tensor. The int32 product is requantized as the
 * ONNX reference does: times the float32 factor a_scale * b_scale / y_scale (in float64),
 * plus y_zero_point, then rounded half to even and saturated. Without y_zero_point the output
 * takes a's type.
 *
 * <p>Inputs: a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point.
 */
public final class QLinearMatMul implements Operator {
  private static final Set<DType> SCALE = Set.of(DType.FLOAT32);

  @Override
  public String opType() {
    return "QLinearMatMul";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType a = ctx.type(0);
    TensorType b = ctx.type(3);
    QuantMath.requireType("a", a, QuantMath.BYTE_TYPES);
    QuantMath.requireType("b", b, QuantMath.BYTE_TYPES);
    IntegerMatMul mm = IntegerMatMul.resolve(a.shape(), b.shape());
    QuantMath.requireType("a_scale", ctx.type(1), SCALE);
    mm.paramShape("a_scale", ctx.type(1).shape(), true);
    if (ctx.has(2)) {
      QuantMath.requireSameType("a_zero_point", ctx.type(2), a.dtype());
      mm.paramShape("a_zero_point", ctx.type(2).shape(), true);
    }
    QuantMath.requireType("b_scale", ctx.type(4), SCALE);
    mm.paramShape("b_scale", ctx.type(4).shape(), false);
    if (ctx.has(5)) {
      QuantMath.requireSameType("b_zero_point", ctx.type(5), b.dtype());
      mm.paramShape("b_zero_point", ctx.type(5).shape(), false);
    }
    QuantMath.requireType("y_scale", ctx.type(6), SCALE);
    QuantMath.requireScalar("y_scale", ctx.type(6));
    DType out = a.dtype();
    if (ctx.has(7)) {
      QuantMath.requireType("y_zero_point", ctx.type(7), QuantMath.BYTE_TYPES);
      QuantMath.requireScalar("y_zero_point", ctx.type(7));
      out = ctx.type(7).dtype();
    }
    return List.of(new TensorType(out, mm.outShape()));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor a = ctx.input(0);
    Tensor b = ctx.input(3);
    IntegerMatMul mm = IntegerMatMul.resolve(a.shape(), b.shape());
    int[] acc = mm.multiply(mm.center(a, ctx.input(2), true), mm.center(b, ctx.input(5), false));
    Tensor aScale = ctx.input(1);
    Tensor bScale = ctx.input(4);
    int[] ai = mm.outputIndex(mm.paramShape("a_scale", aScale.shape(), true));
    int[] bi = mm.outputIndex(mm.paramShape("b_scale", bScale.shape(), false));
    float yScale = ctx.input(6).floats()[0];
    long yZero = ctx.has(7) ? ctx.input(7).longs()[0] : 0;
    DType out = ctx.outputType(0).dtype();
    long[] y = new long[acc.length];
    for (int i = 0; i < y.length; i++) {
      float ratio = QuantMath.ratio(aScale.floats()[ai[i]], bScale.floats()[bi[i]], yScale);
      y[i] = QuantMath.roundSaturate((double) acc[i] * ratio + yZero, out);
    }
    return List.of(Tensor.ofLongs(out, mm.outShape(), y));
  }

  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    return IntegerMatMul.resolve(inputs.get(0).shape(), inputs.get(3).shape()).macs();
  }
}
