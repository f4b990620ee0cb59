package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** Relu: max(x, 0). */
public final class Relu extends UnaryElementwise {
  @Override
  public String opType() {
    return "Relu";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> x > 0 ? x : 0f;
  }
}
