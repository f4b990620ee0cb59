package dev.tenax.ops.nn;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MaxPool (opsets 1, 8, 10, 11, 12, 22). Padding never wins: only taps inside X compete, and
 * NaN is skipped, as in the ONNX reference. Opset 8 added the Indices output and
 * storage_order, 10 ceil_mode and dilations, 12 int8/uint8 input.
 *
 * <p>Indices are flat positions in X ([0, N*C*D1*..*Dn)), the first maximum in window scan
 * order winning ties. storage_order=1 numbers the spatial positions column-major (the first
 * spatial axis fastest), as onnxruntime and the ONNX test data do.
 */
public final class MaxPool extends Pool {
  private static final Set<DType> TYPES = Set.of(DType.FLOAT32, DType.INT8, DType.UINT8);

  @Override
  public String opType() {
    return "MaxPool";
  }

  @Override
  protected Set<DType> types() {
    return TYPES;
  }

  @Override
  protected void check(OpContext ctx) {
    int maxOutputs = ctx.opset() >= 8 ? 2 : 1;
    if (ctx.outputCount() > maxOutputs) {
      throw ctx.shapeError("MaxPool at opset " + ctx.opset() + " has at most " + maxOutputs
          + " outputs, the node lists " + ctx.outputCount());
    }
    long order = ctx.attrs().getInt("storage_order", 0);
    if (order != 0 && order != 1) {
      throw ctx.unsupported("attribute storage_order=" + order + " is not supported",
          "storage_order must be 0 (row major) or 1 (column major)");
    }
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    WindowGeometry g = geometry(ctx.attrs(), x.shape());
    PoolWindows win = PoolWindows.of(g);
    int planes = x.dim(0) * x.dim(1);
    int inPlane = PoolWindows.plane(g);
    int outPlane = win.positions();
    int[] outShape = ctx.outputType(0).shape();
    boolean wantIndices = ctx.outputCount() > 1 && ctx.outputType(1) != null;
    long[] indices = wantIndices ? new long[planes * outPlane] : null;
    int[] start = win.start();
    int[] offsets = win.offsets();
    Tensor y;
    if (x.dtype().isFloat()) {
      float[] in = x.floats();
      float[] out = new float[planes * outPlane];
      for (int pl = 0; pl < planes; pl++) {
        int base = pl * inPlane;
        for (int p = 0; p < outPlane; p++) {
          int best = -1;
          float max = Float.NaN;
          for (int k = start[p]; k < start[p + 1]; k++) {
            float v = in[base + offsets[k]];
            if (v > max || (best < 0 && !Float.isNaN(v))) {
              max = v;
              best = offsets[k];
            }
          }
          out[pl * outPlane + p] = max;
          if (indices != null) {
            indices[pl * outPlane + p] = best;
          }
        }
      }
      y = Tensor.ofFloats(outShape, out);
    } else {
      long[] in = x.longs();
      long[] out = new long[planes * outPlane];
      for (int pl = 0; pl < planes; pl++) {
        int base = pl * inPlane;
        for (int p = 0; p < outPlane; p++) {
          int best = -1;
          long max = x.dtype().min();
          for (int k = start[p]; k < start[p + 1]; k++) {
            long v = in[base + offsets[k]];
            if (best < 0 || v > max) {
              max = v;
              best = offsets[k];
            }
          }
          out[pl * outPlane + p] = max;
          if (indices != null) {
            indices[pl * outPlane + p] = best;
          }
        }
      }
      y = Tensor.ofLongs(x.dtype(), outShape, out);
    }
    List<Tensor> result = new ArrayList<>();
    result.add(y);
    if (ctx.outputCount() > 1) {
      result.add(indices == null ? null : Tensor.ofLongs(DType.INT64, outShape,
          flatIndices(indices, outPlane, inPlane, g.inSize(),
              ctx.attrs().getInt("storage_order", 0) == 1)));
    }
    return result;
  }

  /**
   * Turns per-plane offsets (row-major, -1 for an empty window) into flat positions in X,
   * renumbering the spatial part column-major for storage_order=1.
   */
  private static long[] flatIndices(long[] offsets, int outPlane, int inPlane, int[] inSize,
      boolean columnMajor) {
    int[] rowStrides = Shapes.strides(inSize);
    int[] colStrides = new int[inSize.length];
    int acc = 1;
    for (int a = 0; a < inSize.length; a++) {
      colStrides[a] = acc;
      acc *= inSize[a];
    }
    for (int i = 0; i < offsets.length; i++) {
      long off = offsets[i];
      if (off < 0) {
        continue;
      }
      if (columnMajor) {
        long rest = off;
        long col = 0;
        for (int a = 0; a < inSize.length; a++) {
          col += (rest / rowStrides[a]) * colStrides[a];
          rest %= rowStrides[a];
        }
        off = col;
      }
      offsets[i] = (long) (i / outPlane) * inPlane + off;
    }
    return offsets;
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.PoolLowering.lower(ctx, true, false);
  }
}
