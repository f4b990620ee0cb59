package dev.tenax.ops.tensor;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * Slice: numpy-style strided slicing. Opset 1..9 take starts/ends/axes as attributes with
 * step 1; opset 10+ take starts, ends, axes and steps as inputs, and steps may be negative.
 * Out-of-range bounds are clamped as the spec says, so huge sentinels like INT64_MAX work.
 */
public final class Slice implements Operator {
  @Override
  public String opType() {
    return "Slice";
  }

  /** Input coordinates each output coordinate reads, per axis. */
  static int[][] plan(NodeView n) {
    int[] shape = n.type(0).shape();
    int rank = shape.length;
    long[] starts;
    long[] ends;
    long[] axes = null;
    long[] steps = null;
    if (n.opset() < 10) {
      starts = n.attrs().getInts("starts", null);
      ends = n.attrs().getInts("ends", null);
      if (starts == null || ends == null) {
        throw Operands.missing("attributes starts and ends are required before opset 10");
      }
      axes = n.attrs().getInts("axes", null);
    } else {
      if (!n.has(1) || !n.has(2)) {
        throw Operands.missing("inputs starts and ends are required");
      }
      starts = Operands.ints(n.operand(1, "starts"), "starts");
      ends = Operands.ints(n.operand(2, "ends"), "ends");
      if (n.has(3)) {
        axes = Operands.ints(n.operand(3, "axes"), "axes");
      }
      if (n.has(4)) {
        steps = Operands.ints(n.operand(4, "steps"), "steps");
      }
    }
    int count = starts.length;
    if (ends.length != count || (axes != null && axes.length != count)
        || (steps != null && steps.length != count)) {
      throw Operands.bad("starts, ends, axes and steps must have the same length, got "
          + count + ", " + ends.length + (axes == null ? "" : ", " + axes.length)
          + (steps == null ? "" : ", " + steps.length));
    }
    int[] ax = new int[count];
    for (int i = 0; i < count; i++) {
      ax[i] = i;
    }
    if (axes != null) {
      ax = Operands.axes(axes, rank, "axes");
    } else if (count > rank) {
      throw Operands.bad("starts has " + count + " entries but the input has rank " + rank);
    }
    int[][] coords = new int[rank][];
    for (int d = 0; d < rank; d++) {
      coords[d] = IndexMaps.identity(shape[d]);
    }
    for (int i = 0; i < count; i++) {
      long step = steps == null ? 1 : steps[i];
      if (step == 0) {
        throw Operands.bad("steps " + Arrays.toString(steps) + " contains 0");
      }
      long dim = shape[ax[i]];
      long start = starts[i] < 0 ? starts[i] + dim : starts[i];
      long end = ends[i] < 0 ? ends[i] + dim : ends[i];
      if (step > 0) {
        start = clamp(start, 0, dim);
        end = clamp(end, 0, dim);
      } else {
        start = clamp(start, 0, dim - 1);
        end = clamp(end, -1, dim - 1);
      }
      long len = step > 0 ? (end - start + step - 1) / step : (start - end - step - 1) / -step;
      coords[ax[i]] = IndexMaps.strided(start, step, (int) Math.max(0, len));
    }
    return coords;
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static int[] shapeOf(int[][] coords) {
    int[] s = new int[coords.length];
    for (int d = 0; d < s.length; d++) {
      s[d] = coords[d].length;
    }
    return s;
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    return List.of(ctx.type(0).withShape(shapeOf(plan(NodeView.of(ctx)))));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    int[][] coords = plan(NodeView.of(ctx));
    Tensor x = ctx.input(0);
    return List.of(Elements.take(x, shapeOf(coords), IndexMaps.separable(x.shape(), coords)));
  }
}
