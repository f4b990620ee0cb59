package dev.tenax.ops.math;

import dev.tenax.ops.EvalContext;

/**
 * Selu: gamma * x for x &gt; 0, gamma * alpha * (e^x - 1) otherwise. Opset 1 rounded the
 * default coefficients to 1.6732 and 1.0507; opset 6 made them the float32 values of the
 * SELU constants.
 */
public final class Selu extends UnaryElementwise {
  @Override
  public String opType() {
    return "Selu";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    boolean legacy = ctx.opset() < 6;
    double alpha = ctx.attrs().getFloat("alpha", legacy ? 1.6732f : 1.67326319217681884765625f);
    double gamma = ctx.attrs().getFloat("gamma", legacy ? 1.0507f : 1.05070102214813232421875f);
    return x -> (float) (x > 0 ? gamma * x : gamma * alpha * Math.expm1(x));
  }
}
