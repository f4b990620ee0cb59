package dev.tenax.ops.math;

import dev.tenax.ir.DType;

/**
 * Div: a / b with numpy broadcasting. Floats divide in float32 (so results match bit for
 * bit); integers divide like C, truncating toward zero, and division by zero is an error
 * rather than a silent value because ONNX leaves it undefined.
 */
public final class Div extends BinaryElementwise {
  @Override
  public String opType() {
    return "Div";
  }

  @Override
  protected float applyFloat(float a, float b) {
    return a / b;
  }

  @Override
  protected long applyLong(long a, long b, DType type) {
    if (b == 0) {
      throw new ArithmeticException("Div: integer division by zero (" + type + " " + a + " / 0)");
    }
    return a / b;
  }
}
