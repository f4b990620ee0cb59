package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** LeakyRelu: x for x &gt;= 0, alpha * x below (alpha defaults to 0.01). */
public final class LeakyRelu extends UnaryElementwise {
  @Override
  public String opType() {
    return "LeakyRelu";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    float alpha = ctx.attrs().getFloat("alpha", 0.01f);
    return x -> x >= 0 ? x : alpha * x;
  }
}
