package dev.tenax.ops.nn;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * ReduceMean over a set of axes (all by default), keeping them as size 1 when keepdims=1.
 * Axes are an attribute before opset 18 and an optional constant input from 18, where
 * noop_with_empty_axes=1 turns empty axes into the identity. Integer means truncate toward
 * zero like numpy's mean(dtype=int) and C integer division.
 */
public final class ReduceMean implements Operator {
  private static final Set<DType> TYPES = Set.of(DType.FLOAT32, DType.INT32, DType.INT64, DType.UINT32);

  @Override
  public String opType() {
    return "ReduceMean";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!TYPES.contains(x.dtype())) {
      throw ctx.shapeError("ReduceMean needs a float32, int32, int64 or uint32 input, got " + x.dtype());
    }
    long[] axesInput = null;
    if (ctx.opset() >= 18 && ctx.has(1)) {
      Tensor axes = ctx.requireConstant(1, "axes");
      if (axes.dtype() != DType.INT64 || axes.rank() > 1) {
        throw ctx.shapeError("axes must be a 1-D int64 tensor, got " + axes.type());
      }
      axesInput = axes.longs();
    } else if (ctx.opset() < 18 && ctx.has(1)) {
      throw ctx.shapeError("before opset 18 ReduceMean takes one input; axes is an attribute");
    }
    boolean[] reduced = reducedAxes(ctx.opset(), ctx.attrs(), axesInput, x.rank());
    return List.of(x.withShape(outputShape(x.shape(), reduced, ctx.attrs())));
  }

  /** Which axes are reduced, or null when the op is the identity (opset 18 noop). */
  private static boolean[] reducedAxes(int opset, Attrs attrs, long[] axesInput, int rank) {
    long[] axes = opset >= 18 ? axesInput : attrs.getInts("axes", null);
    boolean[] reduced = new boolean[rank];
    if (axes == null || axes.length == 0) {
      if (opset >= 18 && attrs.getInt("noop_with_empty_axes", 0) != 0) {
        return null;
      }
      Arrays.fill(reduced, true);
      return reduced;
    }
    for (long a : axes) {
      if (a < -rank || a >= rank) {
        throw new OpException(Code.TX050, "axis " + a + " is out of range for an input of rank " + rank);
      }
      int k = (int) (a < 0 ? a + rank : a);
      if (reduced[k]) {
        throw new OpException(Code.TX050, "axis " + a + " is listed twice in axes");
      }
      reduced[k] = true;
    }
    return reduced;
  }

  private static int[] outputShape(int[] in, boolean[] reduced, Attrs attrs) {
    if (reduced == null) {
      return in;
    }
    boolean keep = attrs.getInt("keepdims", 1) != 0;
    List<Integer> out = new ArrayList<>();
    for (int d = 0; d < in.length; d++) {
      if (!reduced[d]) {
        out.add(in[d]);
      } else if (keep) {
        out.add(1);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    long[] axesInput = ctx.opset() >= 18 && ctx.has(1) ? ctx.input(1).longs() : null;
    boolean[] reduced = reducedAxes(ctx.opset(), ctx.attrs(), axesInput, x.rank());
    if (reduced == null) {
      return List.of(x);
    }
    int[] shape = x.shape();
    int[] kept = shape.clone();
    long count = 1;
    for (int d = 0; d < shape.length; d++) {
      if (reduced[d]) {
        kept[d] = 1;
        count *= shape[d];
      }
    }
    int[] target = Shapes.broadcastIndex(kept, shape);
    int[] outShape = outputShape(shape, reduced, ctx.attrs());
    int n = Shapes.size(kept);
    if (x.dtype().isFloat()) {
      float[] in = x.floats();
      double[] sum = new double[n];
      for (int i = 0; i < in.length; i++) {
        sum[target[i]] += in[i];
      }
      float[] out = new float[n];
      for (int j = 0; j < n; j++) {
        out[j] = (float) (sum[j] / count);
      }
      return List.of(Tensor.ofFloats(outShape, out));
    }
    long[] in = x.longs();
    long[] out = new long[n];
    for (int i = 0; i < in.length; i++) {
      out[target[i]] += in[i];
    }
    for (int j = 0; j < n; j++) {
      // The mean of nothing has no integer value; 0 is as good as any and avoids a crash.
      out[j] = count == 0 ? 0 : out[j] / count;
    }
    return List.of(Tensor.ofLongs(x.dtype(), outShape, out));
  }
}
