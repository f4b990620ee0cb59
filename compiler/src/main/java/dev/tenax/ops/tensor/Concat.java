package dev.tenax.ops.tensor;

import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.List;

/** Concat: joins tensors along one axis (opset 1 defaults the axis to 1; later it is required). */
public final class Concat implements Operator {
  @Override
  public String opType() {
    return "Concat";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    if (ctx.inputCount() == 0) {
      throw Operands.missing("Concat needs at least one input");
    }
    TensorType first = ctx.type(0);
    int axis = axis(ctx.attrs(), ctx.opset(), first.rank());
    int[] out = first.shape();
    for (int i = 1; i < ctx.inputCount(); i++) {
      TensorType t = ctx.type(i);
      if (t.dtype() != first.dtype()) {
        throw ctx.shapeError("input " + i + " is " + t.dtype() + " but input 0 is " + first.dtype());
      }
      if (t.rank() != first.rank()) {
        throw ctx.shapeError("input " + i + " has rank " + t.rank() + " but input 0 has rank " + first.rank());
      }
      for (int d = 0; d < out.length; d++) {
        if (d != axis && t.dim(d) != out[d]) {
          throw ctx.shapeError("input " + i + " " + Shapes.format(t.shape()) + " differs from input 0 "
              + Shapes.format(first.shape()) + " on axis " + d + ", which is not the concat axis " + axis);
        }
      }
      out[axis] += t.dim(axis);
    }
    return List.of(first.withShape(out));
  }

  private static int axis(Attrs attrs, int opset, int rank) {
    if (rank == 0) {
      throw Operands.bad("Concat cannot join scalars; its inputs need rank 1 or more");
    }
    if (!attrs.has("axis") && opset >= 4) {
      throw Operands.missing("attribute axis is required from opset 4");
    }
    return Operands.axis(attrs.getInt("axis", 1), rank, "axis");
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    List<Tensor> parts = new ArrayList<>();
    for (int i = 0; i < ctx.inputCount(); i++) {
      parts.add(ctx.input(i));
    }
    int axis = axis(ctx.attrs(), ctx.opset(), parts.get(0).rank());
    return List.of(Elements.concat(parts, axis, ctx.outputType(0).shape()));
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    return dev.tenax.lower.ShapeKernels.concat(ctx, axis(ctx.attrs(), ctx.node().opset(),
        ctx.inputType(0).rank()));
  }
}
