package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Base for element-wise functions y = f(x) of one input (activations, Exp, Sqrt, Abs...).
 * Subclasses give the float32 function; attributes are read once per evaluation by
 * {@link #function(EvalContext)} when the function has parameters. Ops that ONNX also defines
 * on integers give {@link #integerFunction(DType)}.
 */
public abstract class UnaryElementwise implements Operator {
  /** Scalar function with its attributes already bound. */
  @FunctionalInterface
  protected interface FloatFunction {
    float apply(float x);
  }

  /** Integer function on exact values; the result is wrapped to the element type afterwards. */
  @FunctionalInterface
  protected interface LongFunction {
    long apply(long x);
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!x.dtype().isFloat() && (x.dtype() == DType.BOOL || integerFunction(x.dtype()) == null)) {
      throw ctx.shapeError(integerFunction(DType.INT32) == null
          ? opType() + " needs a float32 input, got " + x.dtype()
          : opType() + " is not defined for " + x.dtype() + " inputs");
    }
    checkAttributes(ctx);
    return List.of(x);
  }

  /** Validates attributes during inference; default accepts anything. */
  protected void checkAttributes(OpContext ctx) {}

  /** The function to apply, with attribute values bound. */
  protected abstract FloatFunction function(EvalContext ctx);

  /** The op on integers of {@code type}, or null (the default) where ONNX defines it for floats only. */
  protected LongFunction integerFunction(DType type) {
    return null;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    if (!x.dtype().isFloat()) {
      long[] in = x.longs();
      long[] out = new long[in.length];
      LongFunction f = integerFunction(x.dtype());
      for (int i = 0; i < in.length; i++) {
        out[i] = f.apply(in[i]);
      }
      return List.of(Tensor.ofLongs(x.dtype(), x.shape(), out));
    }
    float[] in = x.floats();
    float[] out = new float[in.length];
    FloatFunction f = function(ctx);
    for (int i = 0; i < in.length; i++) {
      out[i] = f.apply(in[i]);
    }
    return List.of(Tensor.ofFloats(x.shape(), out));
  }
}
