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
 * ConvInteger (opset 10): the int32 convolution of (x - x_zero_point) and (w - w_zero_point).
 * x's zero point is per tensor; w's is per tensor or per output channel. Both are optional
 * and default to 0.
 */
public final class ConvInteger implements Operator {
  @Override
  public String opType() {
    return "ConvInteger";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    TensorType w = ctx.type(1);
    QuantMath.requireType("x", x, QuantMath.BYTE_TYPES);
    QuantMath.requireType("w", w, QuantMath.BYTE_TYPES);
    IntegerConvolution conv = IntegerConvolution.resolve(ctx.attrs(), x.shape(), w.shape());
    if (ctx.has(2)) {
      QuantMath.requireSameType("x_zero_point", ctx.type(2), x.dtype());
      conv.checkParam("x_zero_point", ctx.type(2), false);
    }
    if (ctx.has(3)) {
      QuantMath.requireSameType("w_zero_point", ctx.type(3), w.dtype());
      conv.checkParam("w_zero_point", ctx.type(3), true);
    }
    return List.of(new TensorType(DType.INT32, conv.outShape()));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    Tensor w = ctx.input(1);
    IntegerConvolution conv = IntegerConvolution.resolve(ctx.attrs(), x.shape(), w.shape());
    long xZero = ctx.has(2) ? ctx.input(2).longs()[0] : 0;
    long[] wZero = ctx.has(3) ? ctx.input(3).longs() : new long[1];
    int[] acc = conv.accumulate(x.longs(), xZero, w.longs(), wZero, null);
    long[] y = new long[acc.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = acc[i];
    }
    return List.of(Tensor.ofLongs(DType.INT32, conv.outShape(), y));
  }

  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    TensorType w = inputs.get(1);
    return (long) outputs.get(0).size() * w.size() / Math.max(1, w.dim(0));
  }
}
