package dev.tenax.ops.math;

import dev.tenax.ir.DType;

/** Sub: a - b with numpy broadcasting; integers wrap like C. */
public final class Sub extends BinaryElementwise {
  @Override
  public String opType() {
    return "Sub";
  }

  @Override
  protected float applyFloat(float a, float b) {
    return a - b;
  }

  @Override
  protected long applyLong(long a, long b, DType type) {
    return a - b;
  }
}
