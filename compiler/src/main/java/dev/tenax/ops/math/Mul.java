package dev.tenax.ops.math;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.DType;

/** Mul: a * b with numpy broadcasting; integers wrap like C (64-bit products wrap before narrowing). */
public final class Mul extends BinaryElementwise {
  @Override
  public String opType() {
    return "Mul";
  }

  @Override
  protected float applyFloat(float a, float b) {
    return a * b;
  }

  @Override
  protected long applyLong(long a, long b, DType type) {
    return a * b;
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.ElementwiseLowering.lower(ctx, false);
  }
}
