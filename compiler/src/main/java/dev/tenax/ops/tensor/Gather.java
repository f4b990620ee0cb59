package dev.tenax.ops.tensor;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Gather: picks slices along one axis by index (negative indices count from the end). Also
 * runs on int64 shape vectors, which is how exported Shape-Gather-Unsqueeze-Concat-Reshape
 * chains fold to constants.
 */
public final class Gather implements Operator {
  @Override
  public String opType() {
    return "Gather";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType data = ctx.type(0);
    TensorType indices = ctx.type(1);
    if (!indices.dtype().isInteger()) {
      throw ctx.shapeError("indices must be int32 or int64, got " + indices.dtype());
    }
    if (data.rank() == 0) {
      throw ctx.shapeError("Gather needs data of rank 1 or more");
    }
    int axis = Operands.axis(ctx.attrs().getInt("axis", 0), data.rank(), "axis");
    Tensor known = ctx.constant(1);
    if (known != null) {
      checkRange(known, data.dim(axis), axis);
    }
    return List.of(data.withShape(outShape(data.shape(), indices.shape(), axis)));
  }

  private static int[] outShape(int[] data, int[] indices, int axis) {
    int[] out = new int[data.length - 1 + indices.length];
    System.arraycopy(data, 0, out, 0, axis);
    System.arraycopy(indices, 0, out, axis, indices.length);
    System.arraycopy(data, axis + 1, out, axis + indices.length, data.length - axis - 1);
    return out;
  }

  private static void checkRange(Tensor indices, int dim, int axis) {
    long[] idx = indices.longs();
    for (long i : idx) {
      if (i < -dim || i >= dim) {
        throw Operands.bad("index " + i + " is out of range for axis " + axis + " of length " + dim);
      }
    }
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor data = ctx.input(0);
    Tensor indices = ctx.input(1);
    int[] shape = data.shape();
    int axis = Operands.axis(ctx.attrs().getInt("axis", 0), shape.length, "axis");
    int dim = shape[axis];
    checkRange(indices, dim, axis);
    // The indices replace one axis, so gather on a view with that axis flattened to their count.
    long[] idx = indices.longs();
    int[][] coords = new int[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      coords[d] = IndexMaps.identity(shape[d]);
    }
    coords[axis] = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      coords[axis][i] = (int) (idx[i] < 0 ? idx[i] + dim : idx[i]);
    }
    int[] out = outShape(shape, indices.shape(), axis);
    return List.of(Elements.take(data, out, IndexMaps.separable(shape, coords)));
  }
}
