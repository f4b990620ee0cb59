package dev.tenax.ops.nn;

import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * Base of GlobalAveragePool and GlobalMaxPool: each channel plane of a float32 X
 * [N, C, D1..Dn] reduces to one value, giving [N, C, 1, .., 1].
 */
abstract class GlobalPool implements Operator {
  /** Reduces {@code x[from .. from+count)}; count is at least 1. */
  protected abstract float reduce(float[] x, int from, int count);

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (x.dtype() != DType.FLOAT32) {
      throw ctx.shapeError(opType() + " needs a float32 input, got " + x.dtype());
    }
    if (x.rank() < 3) {
      throw ctx.shapeError(opType() + " needs X [N, C, D1, ...] with a spatial axis, got "
          + Shapes.format(x.shape()));
    }
    for (int a = 2; a < x.rank(); a++) {
      if (x.dim(a) == 0) {
        throw ctx.shapeError(opType() + " of an empty spatial extent " + Shapes.format(x.shape())
            + " is undefined");
      }
    }
    int[] out = x.shape();
    Arrays.fill(out, 2, out.length, 1);
    return List.of(new TensorType(DType.FLOAT32, out));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    int planes = x.dim(0) * x.dim(1);
    int plane = planes == 0 ? 0 : x.size() / planes;
    float[] in = x.floats();
    float[] out = new float[planes];
    for (int p = 0; p < planes; p++) {
      out[p] = reduce(in, p * plane, plane);
    }
    return List.of(Tensor.ofFloats(ctx.outputType(0).shape(), out));
  }
}
