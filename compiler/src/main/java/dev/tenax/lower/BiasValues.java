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

  /** The 16x8 kernels' 64-bit accumulators take biases up to 2^47 (CMSIS-NN's limit). */
  static final long S64_LIMIT = 1L << 47;

  /** The int8 kernels' int32 bias of input {@code index}, or null when the node has none. */
  static int[] of(LowerContext ctx, int index, float inScale, QuantizedConstant w, int channels) {
    long[] b = of64(ctx, index, inScale, w, channels);
    if (b == null) {
      return null;
    }
    int[] out = new int[channels];
    for (int c = 0; c < channels; c++) {
      if (b[c] < Integer.MIN_VALUE || b[c] > Integer.MAX_VALUE) {
        throw ctx.unsupportedQuantization("bias " + b[c] + " (in accumulator steps) does not fit "
            + "int32: the input and weight scales of this layer are far smaller than its bias");
      }
      out[c] = (int) b[c];
    }
    return out;
  }

  /** The bias in accumulator steps as 64-bit values (the 16x8 kernels take them as they are). */
  static long[] of64(LowerContext ctx, int index, float inScale, QuantizedConstant w, int channels) {
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
        long[] b = new long[channels];
        for (int c = 0; c < channels; c++) {
          b[c] = qb.data().getLong(c);
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
    long[] b = new long[channels];
    for (int c = 0; c < channels; c++) {
      double q = Math.round(Math.abs(real[c]) / ((double) inScale * w.scale(c))) * Math.signum(real[c]);
      if (!(Math.abs(q) < S64_LIMIT)) {
        throw ctx.unsupportedQuantization("bias " + real[c] + " is " + q + " steps of the accumulator "
            + "scale " + inScale * w.scale(c) + ", beyond what a 64-bit accumulator takes");
      }
      b[c] = (long) q;
    }
    return b;
  }
}
