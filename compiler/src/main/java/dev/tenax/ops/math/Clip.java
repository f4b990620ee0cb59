package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * Clip: min(max(x, lo), hi), so lo &gt; hi gives hi everywhere, as the spec says.
 * Opset 1 takes optional min/max attributes (absent = unbounded); opsets 6-10 default them
 * to -/+3.402823e+38; from opset 11 they are optional scalar inputs (absent = unbounded),
 * which may be computed at run time, and from opset 12 integer tensors are clipped too.
 */
public final class Clip implements Operator {
  /** The opset 6-10 attribute defaults: ONNX's rounded FLT_MAX, not FLT_MAX itself. */
  private static final float LEGACY_LIMIT = 3.402823e+38f;

  @Override
  public String opType() {
    return "Clip";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (x.dtype() == DType.BOOL) {
      throw ctx.shapeError("Clip is not defined for bool inputs");
    }
    if (ctx.opset() < 11) {
      if (!x.dtype().isFloat()) {
        throw ctx.shapeError("Clip before opset 11 needs a float32 input, got " + x.dtype());
      }
      if (ctx.inputCount() > 1) {
        throw ctx.shapeError("Clip before opset 11 takes min and max as attributes, not inputs");
      }
      return List.of(x);
    }
    for (int i = 1; i <= 2; i++) {
      if (!ctx.has(i)) {
        continue;
      }
      TensorType bound = ctx.type(i);
      String name = i == 1 ? "min" : "max";
      if (bound.dtype() != x.dtype()) {
        throw ctx.shapeError(name + " is " + bound.dtype() + " but the input is " + x.dtype());
      }
      if (bound.size() != 1) {
        throw ctx.shapeError(name + " must be a scalar, got shape " + bound);
      }
    }
    return List.of(x);
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    if (x.dtype().isFloat()) {
      float lo = Float.NEGATIVE_INFINITY;
      float hi = Float.POSITIVE_INFINITY;
      if (ctx.opset() < 11) {
        float legacyDefault = ctx.opset() < 6 ? Float.POSITIVE_INFINITY : LEGACY_LIMIT;
        lo = ctx.attrs().getFloat("min", -legacyDefault);
        hi = ctx.attrs().getFloat("max", legacyDefault);
      } else {
        lo = ctx.has(1) ? ctx.input(1).floats()[0] : lo;
        hi = ctx.has(2) ? ctx.input(2).floats()[0] : hi;
      }
      float[] in = x.floats();
      float[] out = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = Math.min(Math.max(in[i], lo), hi);
      }
      return List.of(Tensor.ofFloats(x.shape(), out));
    }
    long lo = ctx.has(1) ? ctx.input(1).longs()[0] : Long.MIN_VALUE;
    long hi = ctx.has(2) ? ctx.input(2).longs()[0] : Long.MAX_VALUE;
    long[] in = x.longs();
    long[] out = new long[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.min(Math.max(in[i], lo), hi);
    }
    return List.of(Tensor.ofLongs(x.dtype(), x.shape(), out));
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    return dev.tenax.lower.ClampLowering.lower(ctx);
  }
}
