package dev.tenax.ops.tensor;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * Squeeze: removes dimensions of length 1. The axes are an attribute before opset 13 and an
 * optional input from then on; without axes every length-1 dimension goes.
 */
public final class Squeeze implements Operator {
  @Override
  public String opType() {
    return "Squeeze";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    int[] shape = x.shape();
    long[] axes;
    if (ctx.opset() < 13) {
      axes = ctx.attrs().getInts("axes", null);
    } else {
      axes = ctx.has(1) ? Operands.ints(ctx.requireConstant(1, "axes"), "axes") : null;
    }
    boolean[] drop = new boolean[shape.length];
    if (axes == null) {
      for (int d = 0; d < shape.length; d++) {
        drop[d] = shape[d] == 1;
      }
    } else {
      for (int a : Operands.axes(axes, shape.length, "axes")) {
        if (shape[a] != 1) {
          throw ctx.shapeError("cannot squeeze axis " + a + " of " + Shapes.format(shape)
              + ": its length is " + shape[a] + ", not 1 (axes " + Arrays.toString(axes) + ")");
        }
        drop[a] = true;
      }
    }
    int[] out = new int[shape.length];
    int r = 0;
    for (int d = 0; d < shape.length; d++) {
      if (!drop[d]) {
        out[r++] = shape[d];
      }
    }
    return List.of(x.withShape(Arrays.copyOf(out, r)));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    return List.of(ctx.input(0).reshape(ctx.outputType(0).shape()));
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.ViewLowering.reshape(ctx);
  }
}
