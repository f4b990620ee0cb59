package dev.tenax.ops.tensor;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/** Flatten: to 2-D [prod(dims before axis), prod(dims from axis)]; axis may equal the rank. */
public final class Flatten implements Operator {
  @Override
  public String opType() {
    return "Flatten";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    int rank = x.rank();
    long axis = ctx.attrs().getInt("axis", 1);
    if (axis < -rank || axis > rank) {
      throw ctx.shapeError("axis " + axis + " is out of range for rank " + rank
          + " (allowed: " + -rank + ".." + rank + ")");
    }
    int a = (int) (axis < 0 ? axis + rank : axis);
    long outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= x.dim(d);
    }
    long inner = 1;
    for (int d = a; d < rank; d++) {
      inner *= x.dim(d);
    }
    return List.of(x.withShape(new int[] {(int) outer, (int) inner}));
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
