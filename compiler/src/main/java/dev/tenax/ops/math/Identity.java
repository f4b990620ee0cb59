package dev.tenax.ops.math;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/** Identity: the output is the input, of any element type. */
public final class Identity implements Operator {
  @Override
  public String opType() {
    return "Identity";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    return List.of(ctx.type(0));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    return List.of(ctx.input(0));
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.ViewLowering.reshape(ctx);
  }
}
