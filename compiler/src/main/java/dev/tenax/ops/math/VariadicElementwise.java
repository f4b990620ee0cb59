package dev.tenax.ops.math;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * Base for element-wise reductions over 1..N inputs (Sum, Mean, Min, Max): the result folds
 * the inputs left to right, all broadcast to one shape (multi-way numpy broadcasting from
 * opset 8; before that every input must have the same shape).
 */
public abstract class VariadicElementwise implements Operator {
  /** Combines the running float32 result with the next input element. */
  protected abstract float combineFloat(float acc, float x);

  /**
   * Combines running integer result and next element (exact values, wrapped to the type at
   * the end), or throws {@link UnsupportedOperationException} when {@link #acceptsIntegers}
   * is false.
   */
  protected abstract long combineLong(long acc, long x);

  /** Whether integer inputs are accepted. */
  protected abstract boolean acceptsIntegers();

  /** Final step on the folded float32 value given the number of inputs (Mean divides). */
  protected float finishFloat(float acc, int count) {
    return acc;
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    if (ctx.inputCount() == 0) {
      throw new OpException(Code.TX041, opType() + " needs at least one input");
    }
    TensorType first = ctx.type(0);
    DType dtype = first.dtype();
    if (!dtype.isFloat() && (dtype == DType.BOOL || !acceptsIntegers())) {
      throw ctx.shapeError(opType() + " needs " + (acceptsIntegers() ? "numeric" : "float32")
          + " inputs, got " + dtype);
    }
    int[] out = first.shape();
    for (int i = 1; i < ctx.inputCount(); i++) {
      TensorType t = ctx.type(i);
      if (t.dtype() != dtype) {
        throw ctx.shapeError("input " + i + " is " + t.dtype() + " but input 0 is " + dtype);
      }
      int[] next = ctx.opset() < 8 ? (Arrays.equals(out, t.shape()) ? out : null)
          : Shapes.broadcast(out, t.shape());
      if (next == null) {
        throw ctx.shapeError("input " + i + " shape " + Shapes.format(t.shape()) + " does not "
            + (ctx.opset() < 8 ? "equal " : "broadcast with ") + Shapes.format(out)
            + (ctx.opset() < 8 ? " (opset < 8 has no broadcasting)" : ""));
      }
      out = next;
    }
    return List.of(new TensorType(dtype, out));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    TensorType type = ctx.outputType(0);
    int[] shape = type.shape();
    int n = ctx.inputCount();
    if (type.dtype().isFloat()) {
      float[] acc = broadcastFloats(ctx.input(0), shape);
      for (int k = 1; k < n; k++) {
        Tensor in = ctx.input(k);
        float[] v = in.floats();
        int[] idx = Shapes.broadcastIndex(in.shape(), shape);
        for (int i = 0; i < acc.length; i++) {
          acc[i] = combineFloat(acc[i], v[idx[i]]);
        }
      }
      for (int i = 0; i < acc.length; i++) {
        acc[i] = finishFloat(acc[i], n);
      }
      return List.of(Tensor.ofFloats(shape, acc));
    }
    long[] acc = broadcastLongs(ctx.input(0), shape);
    for (int k = 1; k < n; k++) {
      Tensor in = ctx.input(k);
      long[] v = in.longs();
      int[] idx = Shapes.broadcastIndex(in.shape(), shape);
      for (int i = 0; i < acc.length; i++) {
        acc[i] = combineLong(acc[i], v[idx[i]]);
      }
    }
    return List.of(Tensor.ofLongs(type.dtype(), shape, acc));
  }

  /** The elements of {@code t} broadcast to {@code shape}, in a new array. */
  private static float[] broadcastFloats(Tensor t, int[] shape) {
    int[] idx = Shapes.broadcastIndex(t.shape(), shape);
    float[] src = t.floats();
    float[] out = new float[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = src[idx[i]];
    }
    return out;
  }

  private static long[] broadcastLongs(Tensor t, int[] shape) {
    int[] idx = Shapes.broadcastIndex(t.shape(), shape);
    long[] src = t.longs();
    long[] out = new long[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = src[idx[i]];
    }
    return out;
  }
}
