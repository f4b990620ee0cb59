package dev.tenax.ops.nn;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import java.util.List;
import java.util.Set;

/**
 * AveragePool (opsets 1, 7, 10, 11, 19, 22). Opset 7 added count_include_pad, 10 ceil_mode,
 * 19 dilations; defaults never changed, so attributes are read at every opset. The divisor is the number of taps inside X (count_include_pad=0) or inside X
 * and its pads, explicit or from auto_pad (count_include_pad=1); a ceil_mode window running
 * past the end pad is clipped there, as in the ONNX reference and onnxruntime.
 */
public final class AveragePool extends Pool {
  @Override
  public String opType() {
    return "AveragePool";
  }

  @Override
  protected Set<DType> types() {
    return Set.of(DType.FLOAT32);
  }

  @Override
  protected void check(OpContext ctx) {
    if (ctx.outputCount() > 1) {
      throw ctx.shapeError("AveragePool has one output, the node lists " + ctx.outputCount());
    }
    long include = ctx.attrs().getInt("count_include_pad", 0);
    if (include != 0 && include != 1) {
      throw ctx.unsupported("attribute count_include_pad=" + include + " is not supported",
          "count_include_pad must be 0 or 1");
    }
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    WindowGeometry g = geometry(ctx.attrs(), x.shape());
    PoolWindows win = PoolWindows.of(g);
    boolean includePad = ctx.attrs().getInt("count_include_pad", 0) == 1;
    int planes = x.dim(0) * x.dim(1);
    int inPlane = PoolWindows.plane(g);
    int outPlane = win.positions();
    int[] start = win.start();
    int[] offsets = win.offsets();
    int[] padded = win.inPadded();
    float[] in = x.floats();
    float[] out = new float[planes * outPlane];
    for (int pl = 0; pl < planes; pl++) {
      int base = pl * inPlane;
      for (int p = 0; p < outPlane; p++) {
        double sum = 0;
        for (int k = start[p]; k < start[p + 1]; k++) {
          sum += in[base + offsets[k]];
        }
        int count = includePad ? padded[p] : start[p + 1] - start[p];
        out[pl * outPlane + p] = (float) (sum / count);
      }
    }
    return List.of(Tensor.ofFloats(ctx.outputType(0).shape(), out));
  }

  /** One accumulation per tap: output elements times window taps. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    long window = 1;
    for (long k : new Attrs(node).getInts("kernel_shape", new long[0])) {
      window *= k;
    }
    return outputs.get(0).size() * window;
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.PoolLowering.lower(ctx, false, false);
  }
}
