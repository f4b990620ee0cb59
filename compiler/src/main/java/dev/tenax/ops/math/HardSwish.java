package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** HardSwish (opset 14): x * max(0, min(1, x / 6 + 1/2)). */
public final class HardSwish extends UnaryElementwise {
  @Override
  public String opType() {
    return "HardSwish";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> (float) (x * Math.max(0.0, Math.min(1.0, x / 6.0 + 0.5)));
  }
}
