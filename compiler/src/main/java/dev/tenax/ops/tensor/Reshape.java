package dev.tenax.ops.tensor;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * Reshape: the target shape is an attribute before opset 5 and an input from then on. A 0
 * copies the input dimension at that position (unless allowzero=1, opset 14, makes it a real
 * 0) and one -1 is inferred from the element count.
 */
public final class Reshape implements Operator {
  @Override
  public String opType() {
    return "Reshape";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    long[] target;
    if (ctx.opset() < 5) {
      target = ctx.attrs().getInts("shape", null);
      if (target == null) {
        throw Operands.missing("attribute shape is required before opset 5");
      }
    } else {
      target = Operands.ints(ctx.requireConstant(1, "shape"), "shape");
    }
    boolean allowZero = ctx.opset() >= 14 && ctx.attrs().getInt("allowzero", 0) != 0;
    return List.of(x.withShape(resolve(x.shape(), target, allowZero)));
  }

  /** The output shape for {@code target} applied to {@code in}. */
  static int[] resolve(int[] in, long[] target, boolean allowZero) {
    int[] out = new int[target.length];
    int inferred = -1;
    long known = 1;
    boolean hasZero = false;
    for (int i = 0; i < target.length; i++) {
      long t = target[i];
      if (t == -1) {
        if (inferred >= 0) {
          throw Operands.bad("shape " + Arrays.toString(target) + " has more than one -1");
        }
        inferred = i;
        continue;
      }
      if (t < -1) {
        throw Operands.bad("shape " + Arrays.toString(target) + " has the invalid entry " + t);
      }
      if (t == 0 && !allowZero) {
        if (i >= in.length) {
          throw Operands.bad("shape " + Arrays.toString(target) + " copies dimension " + i
              + " (0) but the input " + Shapes.format(in) + " has rank " + in.length);
        }
        t = in[i];
      }
      hasZero |= t == 0;
      out[i] = Operands.dim(t, "shape entry");
      known *= t;
    }
    long total = Shapes.size(in);
    if (inferred >= 0) {
      if (known == 0) {
        if (allowZero && hasZero) {
          throw Operands.bad("shape " + Arrays.toString(target) + " combines 0 (allowzero=1) with -1");
        }
        throw Operands.bad("shape " + Arrays.toString(target) + " cannot infer -1 next to a 0 dimension");
      }
      if (total % known != 0) {
        throw Operands.bad("cannot reshape " + Shapes.format(in) + " (" + total + " elements) to "
            + Arrays.toString(target));
      }
      out[inferred] = (int) (total / known);
    } else if (known != total) {
      throw Operands.bad("cannot reshape " + Shapes.format(in) + " (" + total + " elements) to "
          + Arrays.toString(target) + " (" + known + " elements)");
    }
    return out;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    return List.of(ctx.input(0).reshape(ctx.outputType(0).shape()));
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.ViewLowering.reshape(ctx);
  }
}
