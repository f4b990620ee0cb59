package dev.tenax.ops.math;

/** Mean: element-wise mean of 1..N float inputs: the float32 sum (left to right) divided by N. */
public final class Mean extends VariadicElementwise {
  @Override
  public String opType() {
    return "Mean";
  }

  @Override
  protected float combineFloat(float acc, float x) {
    return acc + x;
  }

  @Override
  protected long combineLong(long acc, long x) {
    throw new UnsupportedOperationException("Mean is defined for floats only");
  }

  @Override
  protected boolean acceptsIntegers() {
    return false;
  }

  @Override
  protected float finishFloat(float acc, int count) {
    return acc / count;
  }
}
