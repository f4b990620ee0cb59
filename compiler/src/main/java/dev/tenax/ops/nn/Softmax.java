package dev.tenax.ops.nn;

/** Softmax: exp(x) / sum(exp(x)) along an axis (see {@link SoftmaxFamily} for opset rules). */
public final class Softmax extends SoftmaxFamily {
  @Override
  public String opType() {
    return "Softmax";
  }

  @Override
  protected double finish(double shifted, double sumExp) {
    return Math.exp(shifted) / sumExp;
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    return dev.tenax.lower.FloatLowering.softmax(ctx, false);
  }
}
