package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** Sigmoid: 1 / (1 + e^-x), computed in double. */
public final class Sigmoid extends UnaryElementwise {
  @Override
  public String opType() {
    return "Sigmoid";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> (float) (1.0 / (1.0 + Math.exp(-(double) x)));
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    return dev.tenax.lower.FloatLowering.elementwise(ctx, dev.tenax.lower.steps.FloatRowsStep.Kind.SIGMOID);
  }
}
