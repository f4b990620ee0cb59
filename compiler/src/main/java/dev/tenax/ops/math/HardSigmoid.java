package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** HardSigmoid: max(0, min(1, alpha * x + beta)); alpha defaults to 0.2, beta to 0.5. */
public final class HardSigmoid extends UnaryElementwise {
  @Override
  public String opType() {
    return "HardSigmoid";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    float alpha = ctx.attrs().getFloat("alpha", 0.2f);
    float beta = ctx.attrs().getFloat("beta", 0.5f);
    return x -> Math.max(0f, Math.min(1f, alpha * x + beta));
  }
}
