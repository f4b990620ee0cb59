package dev.tenax.lower;

import dev.tenax.ir.Tensor;
import dev.tenax.lower.LoweredValue.QuantizedConstant;

/**
 * A layer's int32 bias in the accumulator's scale {@code inScale * weightScale[c]}. A QDQ bias
 * quantized with exactly that scale is taken as is; any other bias (float, or another scale)
 * is rescaled and rounded half away from zero, as TFLite's converter does.
 */
final class BiasValues {
  private BiasValues() {}

  /** The 16x8 kernels' int64 bias; the same values, which always fit. */
  static long[] of64(LowerContext ctx, int index, float inScale, QuantizedConstant w, int channels) {
    int[] b = of(ctx, index, inScale, w, channels);
    return b == null ? null : java.util.Arrays.stream(b).asLongStream().toArray();
  }

  /** The bias of input {@code index}, or null when the node has none. */
  static int[] of(LowerContext ctx, int index, float inScale, QuantizedConstant w, int channels) {
    if (!ctx.has(index)) {
      return null;
    }
    double[] real = new double[channels];
    QuantizedConstant qb = ctx.quantizedConstant(index);
    Tensor fb = ctx.constant(index);
    if (qb != null) {
      if (qb.data().size() != channels) {
        throw ctx.unsupportedQuantization("bias has " + qb.data().size() + " values for " + channels
            + " channels");
      }
      boolean exact = qb.symmetric() && qb.data().dtype() == dev.tenax.ir.DType.INT32;
      for (int c = 0; c < channels && exact; c++) {
        double acc = (double) inScale * w.scale(c);
        exact = Math.abs(qb.scale(c) - acc) <= 1e-6 * acc;
      }
      if (exact) {
        int[] b = new int[channels];
        for (int c = 0; c < channels; c++) {
          b[c] = (int) qb.data().getLong(c);
        }
        return b;
      }
      for (int c = 0; c < channels; c++) {
        real[c] = (qb.data().getLong(c) - qb.zeroPoint(c)) * (double) qb.scale(c);
      }
    } else if (fb != null && fb.dtype() == dev.tenax.ir.DType.FLOAT32 && fb.size() == channels) {
      for (int c = 0; c < channels; c++) {
        real[c] = fb.getFloat(c);
      }
    } else {
      throw ctx.unsupportedQuantization("the bias must be a constant with one value per output channel");
    }
    int[] b = new int[channels];
    for (int c = 0; c < channels; c++) {
      double q = Math.round(Math.abs(real[c]) / ((double) inScale * w.scale(c))) * Math.signum(real[c]);
      if (Math.abs(q) > Integer.MAX_VALUE) {
        throw ctx.unsupportedQuantization("bias " + real[c] + " does not fit int32 at scale "
            + inScale * w.scale(c));
      }
      b[c] = (int) q;
    }
    return b;
  }
}
