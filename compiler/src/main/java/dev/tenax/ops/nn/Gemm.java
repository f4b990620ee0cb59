package dev.tenax.ops.nn;

import dev.tenax.lower.LowerContext;
import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * Gemm (opsets 1, 6, 7, 9, 11, 13): Y = alpha * A' * B' + beta * C for float32 2-D A and B,
 * optionally transposed. C is required before opset 11. From opset 7 C broadcasts
 * unidirectionally to [M, N]; before, it does so only with broadcast=1 and must be exactly
 * [M, N] otherwise. Products are summed in double and the result rounded once.
 */
public final class Gemm implements Operator {
  @Override
  public String opType() {
    return "Gemm";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType a = ctx.type(0);
    TensorType b = ctx.type(1);
    if (a.dtype() != DType.FLOAT32 || b.dtype() != DType.FLOAT32) {
      throw ctx.shapeError("Gemm needs float32 A and B, got " + a.dtype() + " and " + b.dtype());
    }
    if (a.rank() != 2 || b.rank() != 2) {
      throw ctx.shapeError("Gemm needs 2-D A and B, got " + Shapes.format(a.shape()) + " and "
          + Shapes.format(b.shape()));
    }
    boolean ta = ctx.attrs().getInt("transA", 0) != 0;
    boolean tb = ctx.attrs().getInt("transB", 0) != 0;
    int m = a.dim(ta ? 1 : 0);
    int k = a.dim(ta ? 0 : 1);
    int kb = b.dim(tb ? 1 : 0);
    int n = b.dim(tb ? 0 : 1);
    if (k != kb) {
      throw ctx.shapeError("A " + Shapes.format(a.shape()) + (ta ? " (transposed)" : "") + " and B "
          + Shapes.format(b.shape()) + (tb ? " (transposed)" : "") + " disagree on K: " + k
          + " vs " + kb);
    }
    int[] out = {m, n};
    if (ctx.has(2)) {
      TensorType c = ctx.type(2);
      if (c.dtype() != DType.FLOAT32) {
        throw ctx.shapeError("C must be float32, got " + c.dtype());
      }
      boolean broadcast = ctx.opset() >= 7 || ctx.attrs().getInt("broadcast", 0) != 0;
      boolean fits = broadcast
          ? c.rank() <= 2 && Arrays.equals(Shapes.broadcast(c.shape(), out), out)
          : Arrays.equals(c.shape(), out);
      if (!fits) {
        throw ctx.shapeError("C " + Shapes.format(c.shape()) + (broadcast ? " does not broadcast to "
            : " must equal (broadcast=0) ") + "the output shape " + Shapes.format(out));
      }
    } else if (ctx.opset() < 11) {
      throw new OpException(Code.TX041,
          "input C is required before opset 11 (model imports " + ctx.opset() + ")");
    }
    return List.of(new TensorType(DType.FLOAT32, out));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor a = ctx.input(0);
    Tensor b = ctx.input(1);
    Tensor c = ctx.input(2);
    boolean ta = ctx.attrs().getInt("transA", 0) != 0;
    boolean tb = ctx.attrs().getInt("transB", 0) != 0;
    double alpha = ctx.attrs().getFloat("alpha", 1f);
    double beta = ctx.attrs().getFloat("beta", 1f);
    int[] outShape = ctx.outputType(0).shape();
    int m = outShape[0];
    int n = outShape[1];
    int k = a.dim(ta ? 0 : 1);
    float[] av = ta ? MatMul.transpose(a.floats(), k, m) : a.floats();
    float[] bv = tb ? MatMul.transpose(b.floats(), n, k) : b.floats();
    double[] acc = new double[m * n];
    MatMul.multiply(av, 0, bv, 0, m, k, n, acc, 0);
    int[] ci = c == null ? null : Shapes.broadcastIndex(c.shape(), outShape);
    float[] cv = c == null ? null : c.floats();
    float[] y = new float[m * n];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (alpha * acc[i] + (cv == null ? 0 : beta * cv[ci[i]]));
    }
    return List.of(Tensor.ofFloats(outShape, y));
  }

  /** M * N * K. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    TensorType a = inputs.get(0);
    boolean ta = new Attrs(node).getInt("transA", 0) != 0;
    return (long) outputs.get(0).size() * a.dim(ta ? 0 : 1);
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.FullyConnectedLowering.lowerGemm(ctx);
  }
}
