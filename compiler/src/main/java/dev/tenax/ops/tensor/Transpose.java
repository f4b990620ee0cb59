package dev.tenax.ops.tensor;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import dev.tenax.lower.LowerContext;
import dev.tenax.lower.ViewLowering;
import java.util.Arrays;
import java.util.List;

/** Transpose: output axis i is input axis perm[i]; without perm the axes are reversed. */
public final class Transpose implements Operator {
  @Override
  public String opType() {
    return "Transpose";
  }

  private static int[] perm(Attrs attrs, int rank) {
    long[] p = attrs.getInts("perm", null);
    int[] perm = new int[rank];
    if (p == null) {
      for (int i = 0; i < rank; i++) {
        perm[i] = rank - 1 - i;
      }
      return perm;
    }
    if (p.length != rank) {
      throw Operands.bad("perm " + Arrays.toString(p) + " has " + p.length + " entries for rank " + rank);
    }
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      if (p[i] < 0 || p[i] >= rank || seen[(int) p[i]]) {
        throw Operands.bad("perm " + Arrays.toString(p) + " is not a permutation of 0.." + (rank - 1));
      }
      perm[i] = (int) p[i];
      seen[perm[i]] = true;
    }
    return perm;
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    return List.of(x.withShape(IndexMaps.permuteShape(x.shape(), perm(ctx.attrs(), x.rank()))));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    return List.of(Elements.transpose(x, perm(ctx.attrs(), x.rank())));
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return ViewLowering.transpose(ctx, perm(ctx.attrs(), ctx.inputType(0).rank()));
  }
}
