package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** Exp: e^x, computed in double. */
public final class Exp extends UnaryElementwise {
  @Override
  public String opType() {
    return "Exp";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> (float) Math.exp(x);
  }
}
