package dev.tenax.ops.quant;

import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;
import java.util.Set;

/**
 * QLinearConv (opset 10): convolution of quantized x and w with per-tensor x and y
 * parameters and per-tensor or per-output-channel w parameters, plus an optional int32 bias
 * whose scale is x_scale * w_scale. The int32 accumulator is requantized as the ONNX reference
 * does: multiplied (in float64) by the float32 factor x_scale * w_scale / y_scale, then
 * y_zero_point is added, and the sum is rounded half to even and saturated. Adding the zero
 * point before rounding matters: ties go to the even neighbour of the sum.
 *
 * <p>Inputs: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, B.
 * An omitted zero point counts as 0; without y_zero_point the output takes x's type.
 */
public final class QLinearConv implements Operator {
  private static final String[] NAMES = {"x", "x_scale", "x_zero_point", "w", "w_scale", "w_zero_point",
      "y_scale", "y_zero_point", "B"};

  @Override
  public String opType() {
    return "QLinearConv";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    TensorType w = ctx.type(3);
    QuantMath.requireType("x", x, QuantMath.BYTE_TYPES);
    QuantMath.requireType("w", w, QuantMath.BYTE_TYPES);
    IntegerConvolution conv = IntegerConvolution.resolve(ctx.attrs(), x.shape(), w.shape());
    int m = conv.outChannels();
    for (int i : new int[] {1, 4, 6}) {
      QuantMath.requireType(NAMES[i], ctx.type(i), Set.of(DType.FLOAT32));
      conv.checkParam(NAMES[i], ctx.type(i), i == 4);
    }
    for (int i : new int[] {2, 5}) {
      if (ctx.has(i)) {
        QuantMath.requireSameType(NAMES[i], ctx.type(i), ctx.type(i - 2).dtype());
        conv.checkParam(NAMES[i], ctx.type(i), i == 5);
      }
    }
    DType out = x.dtype();
    if (ctx.has(7)) {
      QuantMath.requireType("y_zero_point", ctx.type(7), QuantMath.BYTE_TYPES);
      QuantMath.requireScalar("y_zero_point", ctx.type(7));
      out = ctx.type(7).dtype();
    }
    if (ctx.has(8)) {
      TensorType b = ctx.type(8);
      if (b.dtype() != DType.INT32 || b.rank() != 1 || b.dim(0) != m) {
        throw ctx.shapeError("B must be an int32 vector of " + m + " elements (one per output channel), got "
            + b);
      }
    }
    return List.of(new TensorType(out, conv.outShape()));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    Tensor w = ctx.input(3);
    IntegerConvolution conv = IntegerConvolution.resolve(ctx.attrs(), x.shape(), w.shape());
    long xZero = ctx.has(2) ? ctx.input(2).longs()[0] : 0;
    long[] wZero = ctx.has(5) ? ctx.input(5).longs() : new long[1];
    long[] bias = ctx.has(8) ? ctx.input(8).longs() : null;
    int[] acc = conv.accumulate(x.longs(), xZero, w.longs(), wZero, bias);

    float xScale = ctx.input(1).floats()[0];
    float[] wScale = ctx.input(4).floats();
    float yScale = ctx.input(6).floats()[0];
    int m = conv.outChannels();
    float[] ratio = new float[m];
    for (int c = 0; c < m; c++) {
      ratio[c] = QuantMath.ratio(xScale, wScale[wScale.length == 1 ? 0 : c], yScale);
    }
    long yZero = ctx.has(7) ? ctx.input(7).longs()[0] : 0;
    DType out = ctx.outputType(0).dtype();
    int[] shape = conv.outShape();
    int plane = Shapes.size(shape) / Math.max(1, shape[0] * m);
    long[] y = new long[acc.length];
    for (int i = 0; i < y.length; i++) {
      int c = (i / plane) % m;
      y[i] = QuantMath.roundSaturate((double) acc[i] * ratio[c] + yZero, out);
    }
    return List.of(Tensor.ofLongs(out, shape, y));
  }

  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    TensorType w = inputs.get(3);
    return (long) outputs.get(0).size() * w.size() / Math.max(1, w.dim(0));
  }
}
