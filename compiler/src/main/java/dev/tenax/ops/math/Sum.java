package dev.tenax.ops.math;

/**
 * Sum: element-wise sum of 1..N inputs, added left to right in float32. ONNX defines Sum for
 * floats only; integer inputs are accepted too and wrap like Add.
 */
public final class Sum extends VariadicElementwise {
  @Override
  public String opType() {
    return "Sum";
  }

  @Override
  protected float combineFloat(float acc, float x) {
    return acc + x;
  }

  @Override
  protected long combineLong(long acc, long x) {
    return acc + x;
  }

  @Override
  protected boolean acceptsIntegers() {
    return true;
  }
}
