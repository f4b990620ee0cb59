package dev.tenax.ops.tensor;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Shape: the input's dimensions as int64, optionally only dims start..end-1 (opset 15; both
 * clamped to [0, rank], negatives counting from the end). Shapes are static in Tenax, so the
 * result is known at compile time even when the input's data is not.
 */
public final class Shape implements Operator {
  @Override
  public String opType() {
    return "Shape";
  }

  private static Tensor value(int[] shape, Attrs attrs, int opset) {
    int rank = shape.length;
    long start = 0;
    long end = rank;
    if (opset >= 15) {
      start = clampIndex(attrs.getInt("start", 0), rank);
      end = clampIndex(attrs.getInt("end", rank), rank);
    }
    int n = (int) Math.max(0, end - start);
    long[] dims = new long[n];
    for (int i = 0; i < n; i++) {
      dims[i] = shape[(int) start + i];
    }
    return Tensor.ofLongs(DType.INT64, new int[] {n}, dims);
  }

  private static long clampIndex(long i, int rank) {
    long v = i < 0 ? i + rank : i;
    return Math.max(0, Math.min(rank, v));
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    Tensor v = value(ctx.type(0).shape(), ctx.attrs(), ctx.opset());
    ctx.setKnownOutput(0, v);
    return List.of(v.type());
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    return List.of(value(ctx.input(0).shape(), ctx.attrs(), ctx.opset()));
  }
}
