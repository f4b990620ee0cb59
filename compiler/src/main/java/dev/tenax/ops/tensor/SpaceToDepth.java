package dev.tenax.ops.tensor;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;

/** SpaceToDepth: the inverse of DepthToSpace in DCR mode; b x b spatial blocks become channels. */
public final class SpaceToDepth implements Operator {
  @Override
  public String opType() {
    return "SpaceToDepth";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    DepthToSpace.requireRank4(x);
    int b = DepthToSpace.blocksize(ctx.attrs());
    if (x.dim(2) % b != 0 || x.dim(3) % b != 0) {
      throw ctx.shapeError("height " + x.dim(2) + " and width " + x.dim(3)
          + " must be multiples of blocksize " + b);
    }
    return List.of(x.withShape(new int[] {x.dim(0), x.dim(1) * b * b, x.dim(2) / b, x.dim(3) / b}));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    int b = DepthToSpace.blocksize(ctx.attrs());
    int[] six = {x.dim(0), x.dim(1), x.dim(2) / b, b, x.dim(3) / b, b};
    Tensor t = Elements.transpose(x.reshape(six), new int[] {0, 3, 5, 1, 2, 4});
    return List.of(t.reshape(ctx.outputType(0).shape()));
  }
}
