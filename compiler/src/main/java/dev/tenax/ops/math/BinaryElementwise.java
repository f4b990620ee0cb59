package dev.tenax.ops.math;

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
import java.util.Arrays;
import java.util.List;

/**
 * Base for two-input element-wise ops with numpy broadcasting (Add, Sub, Mul, Div...).
 * Both inputs must have the same element type; the output has that type.
 *
 * <p>Before opset 7 ONNX had no numpy broadcasting: shapes had to be equal unless the
 * attribute {@code broadcast=1} let B (only B) broadcast to A, aligned at {@code axis} or,
 * without it, at A's trailing dimensions. Such B is reshaped to A's rank with ones around it,
 * after which numpy broadcasting gives the legacy result.
 */
public abstract class BinaryElementwise implements Operator {
  /** Float32 result of the op on one pair of elements. */
  protected abstract float applyFloat(float a, float b);

  /**
   * Integer result on one pair of elements (exact values, before wrapping to {@code type}).
   * Throws {@link ArithmeticException} for undefined results (e.g. division by zero).
   */
  protected abstract long applyLong(long a, long b, DType type);

  /** Whether the op is defined for {@code type}; arithmetic ops are not defined for bool. */
  protected boolean supports(DType type) {
    return type != DType.BOOL;
  }

  /** Whether only B may broadcast (to A's shape), as legacy ops and PRelu require. */
  protected boolean unidirectional(int opset) {
    return opset < 7;
  }

  /**
   * The shape B takes before numpy broadcasting. From opset 7 this is B's own shape; earlier
   * opsets apply the legacy {@code broadcast}/{@code axis} attributes.
   */
  protected int[] alignB(Attrs attrs, int opset, int[] a, int[] b) {
    if (opset >= 7) {
      return b;
    }
    if (attrs.getInt("broadcast", 0) == 0) {
      if (!Arrays.equals(a, b)) {
        throw new OpException(Code.TX050, "shapes " + Shapes.format(a) + " and "
            + Shapes.format(b) + " differ and broadcast=0",
            "before opset 7 inputs must have equal shapes unless broadcast=1");
      }
      return b;
    }
    if (b.length > a.length) {
      throw new OpException(Code.TX050, "B " + Shapes.format(b) + " has a higher rank than A "
          + Shapes.format(a) + ", but legacy broadcasting only broadcasts B to A");
    }
    long axis = attrs.getInt("axis", a.length - b.length);
    if (axis < 0) {
      axis += a.length;
    }
    if (axis < 0 || axis + b.length > a.length) {
      throw new OpException(Code.TX040, "axis=" + attrs.getInt("axis", 0)
          + " does not place B " + Shapes.format(b) + " inside A " + Shapes.format(a),
          "axis must be between 0 and rank(A) - rank(B)");
    }
    int[] aligned = new int[a.length];
    Arrays.fill(aligned, 1);
    System.arraycopy(b, 0, aligned, (int) axis, b.length);
    return aligned;
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType a = ctx.type(0);
    TensorType b = ctx.type(1);
    if (a.dtype() != b.dtype()) {
      throw ctx.shapeError("inputs have different element types " + a.dtype() + " and " + b.dtype());
    }
    if (!supports(a.dtype())) {
      throw ctx.shapeError(opType() + " is not defined for " + a.dtype() + " inputs");
    }
    int[] bShape = alignB(ctx.attrs(), ctx.opset(), a.shape(), b.shape());
    int[] out = Shapes.broadcast(a.shape(), bShape);
    if (out == null || (unidirectional(ctx.opset()) && !Arrays.equals(out, a.shape()))) {
      String how = unidirectional(ctx.opset()) ? " cannot be broadcast to the first" : " cannot be broadcast together";
      throw ctx.shapeError("shapes " + Shapes.format(a.shape()) + " and " + Shapes.format(b.shape()) + how);
    }
    return List.of(new TensorType(a.dtype(), out));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor a = ctx.input(0);
    Tensor b = ctx.input(1);
    b = b.reshape(alignB(ctx.attrs(), ctx.opset(), a.shape(), b.shape()));
    return List.of(compute(a, b, ctx.outputType(0).shape()));
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
