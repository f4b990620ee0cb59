package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ops.EvalContext;

/** Sign (opset 9): -1, 0 or 1 by the sign of x; Sign(0) = 0 and NaN stays NaN. */
public final class Sign extends UnaryElementwise {
  @Override
  public String opType() {
    return "Sign";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return Math::signum;
  }

  @Override
  protected LongFunction integerFunction(DType type) {
    return Long::signum;
  }
}
