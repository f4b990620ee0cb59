package dev.tenax.ops.tensor;

import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/**
 * ConstantOfShape: a tensor of the shape given by the (compile-time) input, filled with the
 * one-element {@code value} attribute, float32 0 when absent; the output takes its type.
 */
public final class ConstantOfShape implements Operator {
  @Override
  public String opType() {
    return "ConstantOfShape";
  }

  private static Tensor fill(Attrs attrs) {
    Tensor v = attrs.getTensor("value");
    if (v == null) {
      return Tensor.scalar(0f);
    }
    if (v.size() != 1) {
      throw Operands.bad("attribute value must have exactly one element, got " + v.type());
    }
    return v;
  }

  private static int[] shape(Tensor input) {
    long[] dims = Operands.ints(input, "shape");
    int[] s = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      s[i] = Operands.dim(dims[i], "shape entry");
    }
    return Operands.checkSize(s);
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    int[] s = shape(ctx.requireConstant(0, "shape"));
    return List.of(new TensorType(fill(ctx.attrs()).dtype(), s));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor v = fill(ctx.attrs());
    int[] s = shape(ctx.input(0));
    return List.of(Elements.take(v, s, new int[Shapes.size(s)]));
  }
}
