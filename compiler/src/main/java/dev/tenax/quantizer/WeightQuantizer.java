package dev.tenax.quantizer;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;

/**
 * Weight and bias quantization of the int8 scheme: weights symmetric per output channel
 * ({@code scale = max|w| / 127}, values in [-127, 127], zero point 0), biases int32 with
 * {@code scale = input_scale * weight_scale[c]} so the kernel adds them to its accumulator
 * without rescaling.
 */
final class WeightQuantizer {
  /** Stands in for max|w| of an all-zero channel: any positive scale is exact for zeros. */
  private static final float ZERO_CHANNEL_SCALE = 1f / 127;

  private WeightQuantizer() {}

  /** Per-channel scales along {@code axis}. */
  static float[] channelScales(Tensor w, int axis) {
    int[] shape = w.shape();
    int channels = shape[axis];
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    float[] max = new float[channels];
    float[] x = w.floats();
    for (int i = 0; i < x.length; i++) {
      int c = (i / inner) % channels;
      max[c] = Math.max(max[c], Math.abs(x[i]));
    }
    float[] scale = new float[channels];
    float layerMax = 0;
    for (float m : max) {
      layerMax = Math.max(layerMax, m);
    }
    // Channels far below the layer's largest (trained away, or rounding dust) count as zero:
    // a tiny per-channel scale would make that channel's int32 bias, bias / (inScale * scale),
    // overflow. 2^-20 of the largest channel is far below what int8 weights resolve anyway.
    float floor = Math.max(Float.MIN_NORMAL, layerMax / 127f / (1 << 20));
    for (int c = 0; c < channels; c++) {
      scale[c] = Float.isFinite(max[c] / 127f) && max[c] / 127f >= floor ? max[c] / 127f
          : ZERO_CHANNEL_SCALE;
    }
    return scale;
  }

  /** int8 weights: {@code round_half_even(w / scale[c])} (float32 division, as QuantizeLinear), clamped. */
  static Tensor quantizeWeights(Tensor w, float[] scale, int axis) {
    int[] shape = w.shape();
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    float[] x = w.floats();
    long[] q = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = (i / inner) % scale.length;
      q[i] = Math.max(-127, Math.min(127, (long) Math.rint(x[i] / scale[c])));
    }
    return Tensor.ofLongs(DType.INT8, shape, q);
  }

  /** Bias scales {@code input_scale * weight_scale[c]}, rounded once to float32. */
  static float[] biasScales(float inputScale, float[] weightScale) {
    float[] s = new float[weightScale.length];
    for (int c = 0; c < s.length; c++) {
      s[c] = inputScale * weightScale[c];
    }
    return s;
  }

  /** int32 bias of shape [C]: {@code round_half_even(b / bias_scale[c])}, saturated. */
  static Tensor quantizeBias(Tensor b, float[] biasScale) {
    long[] q = new long[biasScale.length];
    for (int c = 0; c < q.length; c++) {
      double v = Math.rint((double) b.getFloat(c) / biasScale[c]);
      q[c] = (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
    return Tensor.ofLongs(DType.INT32, new int[] {q.length}, q);
  }

  /**
   * Whether every bias value fits int32 at {@code biasScale}. In 16x8 mode the input scale is
   * about 256 times finer than in int8 mode, so a large bias can exceed int32.
   */
  static boolean biasFits(Tensor b, float[] biasScale) {
    for (int c = 0; c < biasScale.length; c++) {
      double v = Math.rint((double) b.getFloat(c) / biasScale[c]);
      if (!(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }

  /** Per-tensor int8/int16 of a constant activation operand (e.g. Add's constant), with given parameters. */
  static Tensor quantizeActivation(Tensor t, QuantParams p) {
    float[] x = t.floats();
    long[] q = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      q[i] = Math.max(p.qmin(), Math.min(p.qmax(), (long) Math.rint(x[i] / p.scale()) + p.zeroPoint()));
    }
    return Tensor.ofLongs(p.type(), t.shape(), q);
  }

  /** Parameters of {@code mode} covering a constant's data. */
  static QuantParams paramsOf(Tensor t, QuantMode mode) {
    float min = 0;
    float max = 0;
    for (float v : t.floats()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return mode == QuantMode.INT16X8 ? QuantParams.symmetric16(min, max) : QuantParams.of(min, max);
  }
}
