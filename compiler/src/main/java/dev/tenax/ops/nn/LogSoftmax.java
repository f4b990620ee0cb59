package dev.tenax.ops.nn;

/**
 * LogSoftmax: x - log(sum(exp(x))) along an axis (see {@link SoftmaxFamily}). Computed from
 * the shifted input rather than as log(Softmax) so that tiny probabilities keep their
 * precision instead of becoming log(0).
 */
public final class LogSoftmax extends SoftmaxFamily {
  @Override
  public String opType() {
    return "LogSoftmax";
  }

  @Override
  protected double finish(double shifted, double sumExp) {
    return shifted - Math.log(sumExp);
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    return dev.tenax.lower.FloatLowering.softmax(ctx, true);
  }
}
