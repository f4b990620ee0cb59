package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** Softplus: ln(1 + e^x), in a form that neither overflows nor loses small values. */
public final class Softplus extends UnaryElementwise {
  @Override
  public String opType() {
    return "Softplus";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> {
      double v = x;
      return (float) (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));
    };
  }
}
