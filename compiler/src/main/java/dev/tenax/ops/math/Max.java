package dev.tenax.ops.math;

/** Max: element-wise maximum of 1..N inputs; a NaN anywhere gives NaN, as numpy.maximum does. */
public final class Max extends VariadicElementwise {
  @Override
  public String opType() {
    return "Max";
  }

  @Override
  protected float combineFloat(float acc, float x) {
    return Math.max(acc, x);
  }

  @Override
  protected long combineLong(long acc, long x) {
    return Math.max(acc, x);
  }

  @Override
  protected boolean acceptsIntegers() {
    return true;
  }
}
