package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** Elu: x for x &gt;= 0, alpha * (e^x - 1) below (alpha defaults to 1). */
public final class Elu extends UnaryElementwise {
  @Override
  public String opType() {
    return "Elu";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    double alpha = ctx.attrs().getFloat("alpha", 1f);
    return x -> x >= 0 ? x : (float) (alpha * Math.expm1(x));
  }
}
