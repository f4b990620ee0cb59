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
 * Conv (opsets 1, 11, 22): N-D grouped convolution of X [N, C, D1..Dn] with W [M, C/group,
 * k1..kn] plus an optional bias B [M]. Opsets differ only in wording, not semantics.
 */
public final class Conv implements Operator {
  @Override
  public String opType() {
    return "Conv";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    TensorType w = ctx.type(1);
    if (x.dtype() != DType.FLOAT32 || w.dtype() != DType.FLOAT32) {
      throw ctx.shapeError("Conv needs float32 X and W, got " + x.dtype() + " and " + w.dtype());
    }
    if (x.rank() < 3) {
      throw ctx.shapeError("X must be [N, C, D1, ...] with at least one spatial axis, got "
          + Shapes.format(x.shape()));
    }
    if (w.rank() != x.rank()) {
      throw ctx.shapeError("W " + Shapes.format(w.shape()) + " must have the rank of X "
          + Shapes.format(x.shape()));
    }
    int group = group(ctx.attrs());
    if (group < 1) {
      throw ctx.unsupported("group=" + group + " is not positive", "group must be at least 1");
    }
    int c = x.dim(1);
    int m = w.dim(0);
    if (c % group != 0 || w.dim(1) * group != c) {
      throw ctx.shapeError("X has " + c + " channels but W " + Shapes.format(w.shape())
          + " with group=" + group + " expects " + w.dim(1) * group);
    }
    if (m % group != 0) {
      throw ctx.shapeError("W has " + m + " output channels, not a multiple of group=" + group);
    }
    if (ctx.has(2)) {
      TensorType b = ctx.type(2);
      if (b.dtype() != DType.FLOAT32 || b.rank() != 1 || b.dim(0) != m) {
        throw ctx.shapeError("B must be float32[" + m + "], got " + b);
      }
    }
    WindowGeometry g = geometry(ctx.attrs(), x.shape(), w.shape());
    int[] out = new int[x.rank()];
    out[0] = x.dim(0);
    out[1] = m;
    System.arraycopy(g.outSize(), 0, out, 2, g.rank());
    return List.of(new TensorType(DType.FLOAT32, out));
  }

  /** Geometry from the attributes; kernel_shape, when given, must match W. */
  static WindowGeometry geometry(Attrs attrs, int[] xShape, int[] wShape) {
    int[] kernel = Arrays.copyOfRange(wShape, 2, wShape.length);
    int[] declared = attrs.getIntArray("kernel_shape", kernel);
    if (!Arrays.equals(declared, kernel)) {
      throw new OpException(Code.TX050, "kernel_shape "
          + Shapes.format(declared) + " does not match the spatial shape of W " + Shapes.format(kernel));
    }
    return WindowGeometry.resolve(attrs, kernel, Arrays.copyOfRange(xShape, 2, xShape.length), false);
  }

  static int group(Attrs attrs) {
    return Math.toIntExact(attrs.getInt("group", 1));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    Tensor w = ctx.input(1);
    Tensor b = ctx.input(2);
    WindowGeometry g = geometry(ctx.attrs(), x.shape(), w.shape());
    int[] outShape = ctx.outputType(0).shape();
    float[] y = new float[Shapes.size(outShape)];
    convolve(x.floats(), x.dim(0), x.dim(1), w.floats(), w.dim(0), b == null ? null : b.floats(),
        group(ctx.attrs()), g, y);
    return List.of(Tensor.ofFloats(outShape, y));
  }

  /**
   * Direct convolution. The output is produced one row (last spatial axis) at a time into a
   * double accumulator that stays in L1; for each input channel and kernel tap the valid part
   * of the row is one strided loop over the input, with all index bounds precomputed so the
   * inner loop is a bare multiply-add. Products of two floats are exact in double, so the
   * only rounding of consequence is the final one to float.
   */
  static void convolve(float[] x, int n, int c, float[] w, int m, float[] bias, int group,
      WindowGeometry g, float[] y) {
    int r = g.rank();
    int last = r - 1;
    int ow = g.outSize()[last];
    int iw = g.inSize()[last];
    int kw = g.kernel()[last];
    int sw = g.strides()[last];
    int inPlane = Shapes.size(g.inSize());
    int outPlane = g.outputPositions();
    int kernelSize = g.windowSize();
    int rows = outPlane / Math.max(ow, 1);
    int[] outerKernel = Arrays.copyOf(g.kernel(), last);
    int outerTaps = Shapes.size(outerKernel);
    int[] rowOffset = rowOffsets(g, rows, outerTaps);
    int[] lo = new int[kw];
    int[] hi = new int[kw];
    int[] shift = new int[kw];
    for (int t = 0; t < kw; t++) {
      shift[t] = t * g.dilations()[last] - g.padBegin()[last];
      // ow is valid when 0 <= ow*sw + shift < iw.
      lo[t] = Math.max(0, ceilDiv(-shift[t], sw));
      hi[t] = Math.max(lo[t], Math.min(ow, ceilDiv(iw - shift[t], sw)));
    }
    int cg = c / group;
    int mg = m / group;
    // Widening X once lets the JIT vectorize the inner loop (one element type throughout).
    double[] xd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xd[i] = x[i];
    }
    double[] acc = new double[ow];
    for (int img = 0; img < n; img++) {
      for (int grp = 0; grp < group; grp++) {
        int xGroup = (img * c + grp * cg) * inPlane;
        for (int row = 0; row < rows; row++) {
          int rowTaps = row * outerTaps;
          for (int oc = grp * mg; oc < (grp + 1) * mg; oc++) {
            Arrays.fill(acc, bias == null ? 0.0 : bias[oc]);
            int wOc = oc * cg * kernelSize;
            for (int ic = 0; ic < cg; ic++) {
              int xChannel = xGroup + ic * inPlane;
              int wIc = wOc + ic * kernelSize;
              for (int kt = 0; kt < outerTaps; kt++) {
                int off = rowOffset[rowTaps + kt];
                if (off < 0) {
                  continue;
                }
                int xRow = xChannel + off;
                int wTap = wIc + kt * kw;
                for (int t = 0; t < kw; t++) {
                  double wv = w[wTap + t];
                  int base = xRow + shift[t];
                  int end = hi[t];
                  if (sw == 1) {
                    for (int o = lo[t]; o < end; o++) {
                      acc[o] += wv * xd[base + o];
                    }
                  } else {
                    for (int o = lo[t]; o < end; o++) {
                      acc[o] += wv * xd[base + o * sw];
                    }
                  }
                }
              }
            }
            int yRow = (img * m + oc) * outPlane + row * ow;
            for (int o = 0; o < ow; o++) {
              y[yRow + o] = (float) acc[o];
            }
          }
        }
      }
    }
  }

  /**
   * For each output row (all spatial axes but the last) and each kernel tap on those axes,
   * the offset of the input row it reads within one channel plane, or -1 when that row lies
   * in the padding.
   */
  private static int[] rowOffsets(WindowGeometry g, int rows, int outerTaps) {
    int last = g.rank() - 1;
    int iw = g.inSize()[last];
    int[] outRow = new int[last];
    int[] tap = new int[last];
    int[] result = new int[rows * outerTaps];
    for (int row = 0; row < rows; row++) {
      Arrays.fill(tap, 0);
      for (int kt = 0; kt < outerTaps; kt++) {
        int off = 0;
        for (int a = 0; a < last && off >= 0; a++) {
          int p = outRow[a] * g.strides()[a] - g.padBegin()[a] + tap[a] * g.dilations()[a];
          off = p < 0 || p >= g.inSize()[a] ? -1 : off * g.inSize()[a] + p;
        }
        result[row * outerTaps + kt] = off < 0 ? -1 : off * iw;
        WindowGeometry.increment(tap, g.kernel());
      }
      WindowGeometry.increment(outRow, g.outSize());
    }
    return result;
  }

  static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }

  /** N * M * output positions * (C / group) * kernel taps. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    TensorType w = inputs.get(1);
    return (long) outputs.get(0).size() * (w.size() / Math.max(w.dim(0), 1));
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.ConvLowering.lower(ctx);
  }
}
