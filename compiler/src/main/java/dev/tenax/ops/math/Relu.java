package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import java.util.List;

/** Relu: max(x, 0); opset 14 extended it to signed integers. */
public final class Relu extends UnaryElementwise {
  @Override
  public String opType() {
    return "Relu";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    if (ctx.opset() < 14 && !ctx.type(0).dtype().isFloat()) {
      throw ctx.shapeError("Relu before opset 14 needs a float32 input, got " + ctx.type(0).dtype());
    }
    return super.inferTypes(ctx);
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> x > 0 ? x : 0f;
  }

  @Override
  protected LongFunction integerFunction(DType type) {
    return type.isSigned() ? x -> Math.max(x, 0) : null;
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    return dev.tenax.lower.ClampLowering.lower(ctx);
  }
}
