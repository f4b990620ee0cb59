package dev.tenax.ops.nn;

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
import java.util.List;

/**
 * LRN (opsets 1, 13): local response normalization across channels,
 * y = x / (bias + alpha / size * sum of x^2 over channels [c - floor((size-1)/2),
 * c + ceil((size-1)/2)] clipped to [0, C))^beta, computed in double.
 */
public final class LRN implements Operator {
  @Override
  public String opType() {
    return "LRN";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (x.dtype() != DType.FLOAT32) {
      throw ctx.shapeError("LRN needs a float32 input, got " + x.dtype());
    }
    if (x.rank() < 2) {
      throw ctx.shapeError("LRN needs X [N, C, ...], got " + Shapes.format(x.shape()));
    }
    size(ctx.attrs());
    return List.of(x);
  }

  private static int size(Attrs attrs) {
    if (!attrs.has("size")) {
      throw new OpException(Code.TX041, "attribute size is required");
    }
    long size = attrs.getInt("size", 0);
    if (size < 1) {
      throw new OpException(Code.TX040, "attribute size=" + size + " is not supported",
          "size must be a positive number of channels");
    }
    return (int) Math.min(size, Integer.MAX_VALUE);
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    int size = size(ctx.attrs());
    double alpha = ctx.attrs().getFloat("alpha", 1e-4f);
    double beta = ctx.attrs().getFloat("beta", 0.75f);
    double bias = ctx.attrs().getFloat("bias", 1.0f);
    int n = x.dim(0);
    int c = x.dim(1);
    int plane = n * c == 0 ? 0 : x.size() / (n * c);
    int before = (size - 1) / 2;
    int after = size - 1 - before;
    float[] in = x.floats();
    float[] out = new float[in.length];
    for (int img = 0; img < n; img++) {
      for (int ch = 0; ch < c; ch++) {
        int lo = Math.max(0, ch - before);
        int hi = Math.min(c - 1, ch + after);
        int base = (img * c + ch) * plane;
        for (int s = 0; s < plane; s++) {
          double sq = 0;
          for (int i = lo; i <= hi; i++) {
            double v = in[(img * c + i) * plane + s];
            sq += v * v;
          }
          out[base + s] = (float) (in[base + s] / Math.pow(bias + alpha / size * sq, beta));
        }
      }
    }
    return List.of(Tensor.ofFloats(x.shape(), out));
  }

  /** One multiply-add per element and channel of its window. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    return inputs.get(0).size() * Math.max(1, new Attrs(node).getInt("size", 1));
  }
}
