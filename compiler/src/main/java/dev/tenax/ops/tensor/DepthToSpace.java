package dev.tenax.ops.tensor;

import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.List;
import java.util.Set;

/**
 * DepthToSpace: moves channel blocks into b x b spatial blocks of an NCHW tensor. DCR mode
 * (the only one before opset 11) takes the block offset from the outer channel digits, CRD
 * (PyTorch's PixelShuffle) from the inner ones. Both are a 6-D transpose.
 */
public final class DepthToSpace implements Operator {
  @Override
  public String opType() {
    return "DepthToSpace";
  }

  static int blocksize(Attrs attrs) {
    if (!attrs.has("blocksize")) {
      throw Operands.missing("attribute blocksize is required");
    }
    long b = attrs.getInt("blocksize", 0);
    if (b < 1 || b > 1 << 15) {
      throw Operands.bad("blocksize " + b + " must be between 1 and 32768");
    }
    return (int) b;
  }

  private static boolean crd(Attrs attrs, int opset) {
    if (opset < 11) {
      return false;
    }
    return attrs.getChoice("mode", "DCR", Set.of("DCR", "CRD")).equals("CRD");
  }

  static void requireRank4(TensorType x) {
    if (x.rank() != 4) {
      throw Operands.bad("input must be 4-D [N,C,H,W], got " + Shapes.format(x.shape()));
    }
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    requireRank4(x);
    int b = blocksize(ctx.attrs());
    crd(ctx.attrs(), ctx.opset());
    if (x.dim(1) % (b * b) != 0) {
      throw ctx.shapeError("channels " + x.dim(1) + " are not a multiple of blocksize^2 = " + b * b);
    }
    return List.of(x.withShape(new int[] {x.dim(0), x.dim(1) / (b * b), x.dim(2) * b, x.dim(3) * b}));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    int b = blocksize(ctx.attrs());
    int n = x.dim(0);
    int c = x.dim(1) / (b * b);
    int h = x.dim(2);
    int w = x.dim(3);
    Tensor t;
    if (crd(ctx.attrs(), ctx.opset())) {
      t = Elements.transpose(x.reshape(new int[] {n, c, b, b, h, w}), new int[] {0, 1, 4, 2, 5, 3});
    } else {
      t = Elements.transpose(x.reshape(new int[] {n, b, b, c, h, w}), new int[] {0, 3, 4, 1, 5, 2});
    }
    return List.of(t.reshape(ctx.outputType(0).shape()));
  }
}
