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
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * ConvTranspose (opsets 1, 11, 22): the gradient of Conv. X [N, C, D1..Dn], W [C, M/group,
 * k1..kn], optional B [M]; input position i and tap t add to output position
 * i * stride + t * dilation - pad_begin.
 *
 * <p>Output size per axis is stride * (in - 1) + output_padding + (k - 1) * dilation + 1
 * minus both pads. When output_shape is given, or auto_pad is SAME_* (output in * stride),
 * the pads come from the ONNX formula instead: total = that natural size - output, begin =
 * total / 2 for SAME_UPPER, total - total / 2 otherwise, with floor division as in the ONNX
 * reference so that a larger output_shape extends the end.
 */
public final class ConvTranspose implements Operator {
  private static final Set<String> AUTO_PAD = Set.of("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID");

  @Override
  public String opType() {
    return "ConvTranspose";
  }

  /** Resolved per-axis geometry. */
  private record Geometry(int[] kernel, int[] strides, int[] dilations, int[] padBegin,
      int[] inSize, int[] outSize) {}

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    TensorType w = ctx.type(1);
    if (x.dtype() != DType.FLOAT32 || w.dtype() != DType.FLOAT32) {
      throw ctx.shapeError("ConvTranspose needs float32 X and W, got " + x.dtype() + " and "
          + w.dtype());
    }
    if (x.rank() < 3 || w.rank() != x.rank()) {
      throw ctx.shapeError("X must be [N, C, D1, ...] and W [C, M/group, k1, ...] of the same rank, got "
          + Shapes.format(x.shape()) + " and " + Shapes.format(w.shape()));
    }
    int group = Conv.group(ctx.attrs());
    if (group < 1) {
      throw ctx.unsupported("group=" + group + " is not positive", "group must be at least 1");
    }
    int c = x.dim(1);
    if (w.dim(0) != c || c % group != 0) {
      throw ctx.shapeError("X has " + c + " channels but W " + Shapes.format(w.shape())
          + " has " + w.dim(0) + " input channels (group=" + group + ")");
    }
    int m = w.dim(1) * group;
    if (ctx.has(2)) {
      TensorType b = ctx.type(2);
      if (b.dtype() != DType.FLOAT32 || b.rank() != 1 || b.dim(0) != m) {
        throw ctx.shapeError("B must be float32[" + m + "], got " + b);
      }
    }
    Geometry g = geometry(ctx.attrs(), x.shape(), w.shape());
    int[] out = new int[x.rank()];
    out[0] = x.dim(0);
    out[1] = m;
    System.arraycopy(g.outSize, 0, out, 2, g.outSize.length);
    return List.of(new TensorType(DType.FLOAT32, out));
  }

  private static Geometry geometry(Attrs attrs, int[] xShape, int[] wShape) {
    int n = xShape.length - 2;
    int[] in = Arrays.copyOfRange(xShape, 2, xShape.length);
    int[] kernel = Arrays.copyOfRange(wShape, 2, wShape.length);
    if (!Arrays.equals(attrs.getIntArray("kernel_shape", kernel), kernel)) {
      throw new OpException(Code.TX050, "kernel_shape " + Shapes.format(attrs.getIntArray(
          "kernel_shape", kernel)) + " does not match the spatial shape of W " + Shapes.format(kernel));
    }
    int[] strides = attrs.getIntArray("strides", filled(n, 1));
    int[] dilations = attrs.getIntArray("dilations", filled(n, 1));
    int[] outPad = attrs.getIntArray("output_padding", filled(n, 0));
    int[] pads = attrs.getIntArray("pads", filled(2 * n, 0));
    int[] outShape = attrs.getIntArray("output_shape", null);
    if (outShape != null && outShape.length == n + 2) {
      outShape = Arrays.copyOfRange(outShape, 2, n + 2);
    }
    if (strides.length != n || dilations.length != n || outPad.length != n || pads.length != 2 * n
        || (outShape != null && outShape.length != n)) {
      throw new OpException(Code.TX050, "strides, dilations, output_padding and output_shape need "
          + n + " entries and pads " + 2 * n + " for a " + n + "-D ConvTranspose");
    }
    String autoPad = attrs.getChoice("auto_pad", "NOTSET", AUTO_PAD);
    int[] begin = new int[n];
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      if (strides[i] < 1 || dilations[i] < 1 || outPad[i] < 0 || pads[i] < 0 || pads[i + n] < 0) {
        throw new OpException(Code.TX040, "strides and dilations must be positive, pads and "
            + "output_padding non-negative", null);
      }
      int natural = strides[i] * (in[i] - 1) + outPad[i] + (kernel[i] - 1) * dilations[i] + 1;
      boolean same = autoPad.startsWith("SAME");
      if (outShape != null || same) {
        out[i] = outShape != null ? outShape[i] : in[i] * strides[i];
        int total = natural - out[i];
        begin[i] = autoPad.equals("SAME_UPPER") ? Math.floorDiv(total, 2) : total - Math.floorDiv(total, 2);
      } else if (autoPad.equals("VALID")) {
        out[i] = natural;
      } else {
        begin[i] = pads[i];
        out[i] = natural - pads[i] - pads[i + n];
      }
      if (out[i] < 0) {
        throw new OpException(Code.TX050, "output size " + out[i] + " on spatial axis " + i
            + " is negative: pads " + pads[i] + "+" + pads[i + n] + " exceed the unpadded size "
            + natural);
      }
    }
    return new Geometry(kernel, strides, dilations, begin, in, out);
  }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    Tensor w = ctx.input(1);
    Tensor b = ctx.input(2);
    Geometry g = geometry(ctx.attrs(), x.shape(), w.shape());
    int group = Conv.group(ctx.attrs());
    int[] outShape = ctx.outputType(0).shape();
    int images = x.dim(0);
    int c = x.dim(1);
    int m = outShape[1];
    int cg = c / group;
    int mg = m / group;
    int inPlane = Shapes.size(g.inSize);
    int outPlane = Shapes.size(g.outSize);
    int taps = Shapes.size(g.kernel);
    int[] target = targets(g, inPlane, taps);
    float[] xv = x.floats();
    float[] wv = w.floats();
    double[] acc = new double[Shapes.size(outShape)];
    for (int img = 0; img < images; img++) {
      for (int oc = 0; oc < m; oc++) {
        Arrays.fill(acc, (img * m + oc) * outPlane, (img * m + oc + 1) * outPlane,
            b == null ? 0.0 : b.floats()[oc]);
      }
      for (int ch = 0; ch < c; ch++) {
        int grp = ch / cg;
        int xBase = (img * c + ch) * inPlane;
        for (int oc = 0; oc < mg; oc++) {
          int outBase = (img * m + grp * mg + oc) * outPlane;
          int wBase = (ch * mg + oc) * taps;
          for (int p = 0; p < inPlane; p++) {
            double v = xv[xBase + p];
            int tp = p * taps;
            for (int t = 0; t < taps; t++) {
              int o = target[tp + t];
              if (o >= 0) {
                acc[outBase + o] += v * wv[wBase + t];
              }
            }
          }
        }
      }
    }
    float[] y = new float[acc.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) acc[i];
    }
    return List.of(Tensor.ofFloats(outShape, y));
  }

  /** For input position p and tap t, the output offset it adds to, or -1 outside the output. */
  private static int[] targets(Geometry g, int inPlane, int taps) {
    int r = g.kernel.length;
    int[] result = new int[inPlane * taps];
    int[] pos = new int[r];
    int[] tap = new int[r];
    for (int p = 0; p < inPlane; p++) {
      Arrays.fill(tap, 0);
      for (int t = 0; t < taps; t++) {
        int off = 0;
        for (int a = 0; a < r && off >= 0; a++) {
          int o = pos[a] * g.strides[a] + tap[a] * g.dilations[a] - g.padBegin[a];
          off = o < 0 || o >= g.outSize[a] ? -1 : off * g.outSize[a] + o;
        }
        result[p * taps + t] = off;
        WindowGeometry.increment(tap, g.kernel);
      }
      WindowGeometry.increment(pos, g.inSize);
    }
    return result;
  }

  /** N * C * input positions * (M / group) * kernel taps. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    TensorType w = inputs.get(1);
    return (long) inputs.get(0).size() * (w.size() / Math.max(w.dim(0), 1));
  }
}
