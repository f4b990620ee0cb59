package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ops.EvalContext;

/** Abs: |x|, also for integers (the most negative value wraps to itself, as in C). */
public final class Abs extends UnaryElementwise {
  @Override
  public String opType() {
    return "Abs";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return Math::abs;
  }

  @Override
  protected LongFunction integerFunction(DType type) {
    return Math::abs;
  }
}
