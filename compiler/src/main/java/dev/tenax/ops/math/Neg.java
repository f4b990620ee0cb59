package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ops.EvalContext;

/** Neg: -x for floats and signed integers (ONNX does not define it for unsigned types). */
public final class Neg extends UnaryElementwise {
  @Override
  public String opType() {
    return "Neg";
  }

  @Override
  protected FloatFunction function(EvalContext ctx) {
    return x -> -x;
  }

  @Override
  protected LongFunction integerFunction(DType type) {
    return type.isSigned() ? x -> -x : null;
  }
}
