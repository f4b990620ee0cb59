package dev.tenax.ops.quant;

import dev.tenax.diag.Code;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.OpException;
import dev.tenax.ops.nn.WindowGeometry;
import java.util.Arrays;

/**
 * The integer N-D convolution of QLinearConv and ConvInteger: (x - x_zero_point) convolved
 * with (w - w_zero_point) per output channel, plus an optional int32 bias, accumulated in
 * 32 bits. Padding contributes nothing, i.e. pads hold the real value 0 (x_zero_point), as
 * the ONNX reference pads after subtracting the zero point. Accumulation wraps modulo 2^32
 * like the int32 accumulator the spec describes ("accumulation may overflow if and only if
 * in 32 bits"), which is also what the C kernels do.
 */
final class IntegerConvolution {
  private final WindowGeometry geometry;
  private final int group;
  private final int[] xShape;
  private final int[] wShape;
  private final int[] outShape;

  private IntegerConvolution(WindowGeometry geometry, int group, int[] xShape, int[] wShape, int[] outShape) {
    this.geometry = geometry;
    this.group = group;
    this.xShape = xShape;
    this.wShape = wShape;
    this.outShape = outShape;
  }

  /** Validates shapes and attributes (kernel_shape, group, strides, pads, dilations, auto_pad). */
  static IntegerConvolution resolve(Attrs attrs, int[] xShape, int[] wShape) {
    if (xShape.length < 3) {
      throw new OpException(Code.TX050, "x must have shape [N, C, D1, ...] but has "
          + Shapes.format(xShape));
    }
    if (wShape.length != xShape.length) {
      throw new OpException(Code.TX050, "w has shape " + Shapes.format(wShape) + " but x has rank "
          + xShape.length + "; w must be [M, C/group, k1, ...] of the same rank");
    }
    int spatial = xShape.length - 2;
    int[] kernel = Arrays.copyOfRange(wShape, 2, wShape.length);
    int[] kernelAttr = attrs.getIntArray("kernel_shape", null);
    if (kernelAttr != null && !Arrays.equals(kernelAttr, kernel)) {
      throw new OpException(Code.TX050, "kernel_shape " + Shapes.format(kernelAttr)
          + " does not match the weight's spatial shape " + Shapes.format(kernel));
    }
    long group = attrs.getInt("group", 1);
    int channels = xShape[1];
    int outChannels = wShape[0];
    if (group < 1) {
      throw new OpException(Code.TX040, "group=" + group + " must be positive", null);
    }
    if (channels % group != 0 || outChannels % group != 0 || (long) wShape[1] * group != channels) {
      throw new OpException(Code.TX050, "group=" + group + " does not fit " + channels
          + " input channels, " + outChannels + " output channels and w of shape " + Shapes.format(wShape)
          + " (w's second dimension must be C/group and both channel counts divisible by group)");
    }
    int[] inSize = Arrays.copyOfRange(xShape, 2, xShape.length);
    WindowGeometry g = WindowGeometry.resolve(attrs, kernel, inSize, false);
    int[] out = new int[spatial + 2];
    out[0] = xShape[0];
    out[1] = outChannels;
    System.arraycopy(g.outSize(), 0, out, 2, spatial);
    return new IntegerConvolution(g, (int) group, xShape, wShape, out);
  }

  /**
   * Checks that a w scale or zero point is a scalar or has one element per output channel,
   * and that an x or y parameter ({@code perChannel} false) is a scalar.
   */
  void checkParam(String what, TensorType t, boolean perChannel) {
    int m = outChannels();
    if (t.size() != 1 && !(perChannel && t.rank() == 1 && t.dim(0) == m)) {
      throw new OpException(Code.TX050, what + " has shape " + Shapes.format(t.shape()) + " but must be a scalar"
          + (perChannel ? " or a vector of " + m + " elements (one per output channel)" : ""));
    }
  }

  int[] outShape() {
    return outShape.clone();
  }

  /** Output channels (M); per-channel weight parameters have this many elements. */
  int outChannels() {
    return wShape[0];
  }

  /** Multiply-accumulates of one evaluation. */
  long macs() {
    return (long) Shapes.size(outShape) * wShape[1] * geometry.windowSize();
  }

  /**
   * The int32 accumulators in output layout [N, M, out...].
   *
   * @param wZero one zero point for all of w, or one per output channel
   * @param bias int32 bias per output channel, or null
   */
  int[] accumulate(long[] x, long xZero, long[] w, long[] wZero, long[] bias) {
    int batch = xShape[0];
    int channels = xShape[1];
    int outChannels = wShape[0];
    int groupIn = wShape[1];
    int groupOut = outChannels / group;
    int inPlane = Shapes.size(geometry.inSize());
    int positions = geometry.outputPositions();
    int taps = geometry.windowSize();
    int[] offsets = tapOffsets();
    int[] xc = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      xc[i] = (int) (x[i] - xZero);
    }
    int[] wc = new int[w.length];
    int perChannel = groupIn * taps;
    for (int i = 0; i < w.length; i++) {
      wc[i] = (int) (w[i] - wZero[wZero.length == 1 ? 0 : i / perChannel]);
    }
    int[] acc = new int[Shapes.size(outShape)];
    int o = 0;
    for (int n = 0; n < batch; n++) {
      for (int m = 0; m < outChannels; m++) {
        int firstChannel = (m / groupOut) * groupIn;
        int start = bias == null ? 0 : (int) bias[m];
        for (int p = 0; p < positions; p++) {
          int sum = start;
          for (int c = 0; c < groupIn; c++) {
            int xBase = (n * channels + firstChannel + c) * inPlane;
            int wBase = (m * groupIn + c) * taps;
            int tapBase = p * taps;
            for (int t = 0; t < taps; t++) {
              int off = offsets[tapBase + t];
              if (off >= 0) {
                sum += xc[xBase + off] * wc[wBase + t];
              }
            }
          }
          acc[o++] = sum;
        }
      }
    }
    return acc;
  }

  /**
   * For each output position and kernel tap, the input offset within one channel plane, or
   * -1 where the tap falls into padding.
   */
  private int[] tapOffsets() {
    int rank = geometry.rank();
    int[] inSize = geometry.inSize();
    int[] inStrides = Shapes.strides(inSize);
    int[] outSize = geometry.outSize();
    int[] kernel = geometry.kernel();
    int positions = geometry.outputPositions();
    int taps = geometry.windowSize();
    int[] table = new int[positions * taps];
    int[] pos = new int[rank];
    int[] tap = new int[rank];
    for (int p = 0; p < positions; p++) {
      Arrays.fill(tap, 0);
      for (int t = 0; t < taps; t++) {
        int off = 0;
        for (int d = 0; d < rank && off >= 0; d++) {
          int i = pos[d] * geometry.strides()[d] - geometry.padBegin()[d] + tap[d] * geometry.dilations()[d];
          off = i < 0 || i >= inSize[d] ? -1 : off + i * inStrides[d];
        }
        table[p * taps + t] = off;
        increment(tap, kernel);
      }
      increment(pos, outSize);
    }
    return table;
  }

  /** Advances a row-major multi-index (odometer style). */
  private static void increment(int[] index, int[] limits) {
    for (int d = index.length - 1; d >= 0; d--) {
      if (++index[d] < limits[d]) {
        return;
      }
      index[d] = 0;
    }
  }
}
