package dev.tenax.ops.nn;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Shared base of Softmax and LogSoftmax. Before opset 13 the input is viewed as a 2-D matrix
 * [d0*...*d(axis-1), d(axis)*...*d(n-1)] and each row is normalized (default axis 1); from
 * opset 13 only the one axis is normalized (default -1). Both views are handled as groups of
 * {@code n} elements {@code stride} apart. Maxima are subtracted first so that large inputs
 * do not overflow exp.
 */
public abstract class SoftmaxFamily implements Operator {
  /** The result for one element, given its x - max and the sum of exp(x - max) over its group. */
  protected abstract double finish(double shifted, double sumExp);

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!x.dtype().isFloat()) {
      throw ctx.shapeError(opType() + " needs a float32 input, got " + x.dtype());
    }
    long axis = ctx.attrs().getInt("axis", defaultAxis(ctx.opset()));
    if (axis < -x.rank() || axis >= x.rank()) {
      throw ctx.shapeError("axis " + axis + " is out of range for an input of rank " + x.rank());
    }
    return List.of(x);
  }

  private static long defaultAxis(int opset) {
    return opset < 13 ? 1 : -1;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    int[] shape = x.shape();
    long a = ctx.attrs().getInt("axis", defaultAxis(ctx.opset()));
    int axis = (int) (a < 0 ? a + shape.length : a);
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= shape[d];
    }
    int n = 1;
    int stride = 1;
    if (ctx.opset() < 13) {
      for (int d = axis; d < shape.length; d++) {
        n *= shape[d];
      }
    } else {
      n = shape[axis];
      for (int d = axis + 1; d < shape.length; d++) {
        stride *= shape[d];
      }
    }
    float[] in = x.floats();
    float[] out = new float[in.length];
    for (int o = 0; o < outer; o++) {
      for (int s = 0; s < stride; s++) {
        int base = o * n * stride + s;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          max = Math.max(max, in[base + k * stride]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += Math.exp(in[base + k * stride] - max);
        }
        for (int k = 0; k < n; k++) {
          int i = base + k * stride;
          out[i] = (float) finish(in[i] - max, sum);
        }
      }
    }
    return List.of(Tensor.ofFloats(shape, out));
  }
}
