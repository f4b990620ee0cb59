package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/** Sqrt: square root; negative inputs give NaN. */
public final class Sqrt extends UnaryElementwise {
  @Override
  public String opType() {
    return "Sqrt";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> (float) Math.sqrt(x);
  }
}
