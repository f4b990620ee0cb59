package dev.tenax.ops.tensor;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Unsqueeze: inserts length-1 dimensions at the given positions of the output. The axes are
 * an attribute before opset 13 and an input from then on; negative axes count from the end
 * of the output.
 */
public final class Unsqueeze implements Operator {
  @Override
  public String opType() {
    return "Unsqueeze";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    long[] axes;
    if (ctx.opset() < 13) {
      axes = ctx.attrs().getInts("axes", null);
      if (axes == null) {
        throw Operands.missing("attribute axes is required before opset 13");
      }
    } else {
      if (!ctx.has(1)) {
        throw Operands.missing("input axes is required from opset 13");
      }
      axes = Operands.ints(ctx.requireConstant(1, "axes"), "axes");
    }
    int rank = x.rank() + axes.length;
    boolean[] inserted = new boolean[rank];
    for (int a : Operands.axes(axes, rank, "axes")) {
      inserted[a] = true;
    }
    int[] in = x.shape();
    int[] out = new int[rank];
    int k = 0;
    for (int d = 0; d < rank; d++) {
      out[d] = inserted[d] ? 1 : in[k++];
    }
    return List.of(x.withShape(out));
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
