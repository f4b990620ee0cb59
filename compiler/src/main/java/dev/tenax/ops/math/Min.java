package dev.tenax.ops.math;

/** Min: element-wise minimum of 1..N inputs; a NaN anywhere gives NaN, as numpy.minimum does. */
public final class Min extends VariadicElementwise {
  @Override
  public String opType() {
    return "Min";
  }

  @Override
  protected float combineFloat(float acc, float x) {
    return Math.min(acc, x);
  }

  @Override
  protected long combineLong(long acc, long x) {
    return Math.min(acc, x);
  }

  @Override
  protected boolean acceptsIntegers() {
    return true;
  }
}
