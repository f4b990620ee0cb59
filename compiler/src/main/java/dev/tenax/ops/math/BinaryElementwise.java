package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Base for two-input element-wise ops with numpy broadcasting (Add, Sub, Mul, Div...).
 * Both inputs must have the same element type; the output has that type.
 */
public abstract class BinaryElementwise implements Operator {
  /** Float32 result of the op on one pair of elements. */
  protected abstract float applyFloat(float a, float b);

  /**
   * Integer result on one pair of elements (exact values, before wrapping to {@code type}).
   * Throws {@link ArithmeticException} for undefined results (e.g. division by zero).
   */
  protected abstract long applyLong(long a, long b, DType type);

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType a = ctx.type(0);
    TensorType b = ctx.type(1);
    if (a.dtype() != b.dtype()) {
      throw ctx.shapeError("inputs have different element types " + a.dtype() + " and " + b.dtype());
    }
    int[] out = Shapes.broadcast(a.shape(), b.shape());
    if (out == null) {
      throw ctx.shapeError("shapes " + Shapes.format(a.shape()) + " and " + Shapes.format(b.shape())
          + " cannot be broadcast together");
    }
    return List.of(new TensorType(a.dtype(), out));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    return List.of(compute(ctx.input(0), ctx.input(1), ctx.outputType(0).shape()));
  }

  /** Broadcasts {@code a} and {@code b} to {@code outShape} and applies the op. */
  protected Tensor compute(Tensor a, Tensor b, int[] outShape) {
    int[] ia = Shapes.broadcastIndex(a.shape(), outShape);
    int[] ib = Shapes.broadcastIndex(b.shape(), outShape);
    int n = ia.length;
    if (a.dtype().isFloat()) {
      float[] fa = a.floats();
      float[] fb = b.floats();
      float[] out = new float[n];
      for (int i = 0; i < n; i++) {
        out[i] = applyFloat(fa[ia[i]], fb[ib[i]]);
      }
      return Tensor.ofFloats(outShape, out);
    }
    long[] la = a.longs();
    long[] lb = b.longs();
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = applyLong(la[ia[i]], lb[ib[i]], a.dtype());
    }
    return Tensor.ofLongs(a.dtype(), outShape, out);
  }
}
