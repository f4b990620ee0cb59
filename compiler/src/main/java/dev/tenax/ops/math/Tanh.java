package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** Tanh: hyperbolic tangent, computed in double. */
public final class Tanh extends UnaryElementwise {
  @Override
  public String opType() {
    return "Tanh";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> (float) Math.tanh(x);
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    return dev.tenax.lower.FloatLowering.elementwise(ctx, dev.tenax.lower.steps.FloatRowsStep.Kind.TANH);
  }
}
