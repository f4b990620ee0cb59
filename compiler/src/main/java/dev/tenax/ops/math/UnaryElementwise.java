package dev.tenax.ops.math;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Base for float32 element-wise functions y = f(x) of one input (activations, Exp, Sqrt...).
 * Subclasses give {@link #apply}; attributes are read once per evaluation by
 * {@link #function(EvalContext)} when the function has parameters.
 */
public abstract class UnaryElementwise implements Operator {
  /** Scalar function with its attributes already bound. */
  @FunctionalInterface
  protected interface FloatFunction {
    float apply(float x);
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!x.dtype().isFloat()) {
      throw ctx.shapeError(opType() + " needs a float32 input, got " + x.dtype());
    }
    checkAttributes(ctx);
    return List.of(x);
  }

  /** Validates attributes during inference; default accepts anything. */
  protected void checkAttributes(OpContext ctx) {}

  /** The function to apply, with attribute values bound. */
  protected abstract FloatFunction function(EvalContext ctx);

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    float[] in = x.floats();
    float[] out = new float[in.length];
    FloatFunction f = function(ctx);
    for (int i = 0; i < in.length; i++) {
      out[i] = f.apply(in[i]);
    }
    return List.of(Tensor.ofFloats(x.shape(), out));
  }
}
