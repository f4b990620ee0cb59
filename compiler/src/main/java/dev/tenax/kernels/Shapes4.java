package dev.tenax.kernels;

/**
 * Argument checks shared by the int8 kernels, the Java side of their {@code TX_ERR_ARGUMENT}
 * (twin of {@code tx_kernel_args.h}; pooling's checks are in {@link PoolGeometry}).
 */
final class Shapes4 {
  private Shapes4() {}

  static void checkPositive(int[] shape, String what) {
    if (shape == null || shape.length != 4) {
      throw new IllegalArgumentException(what + " shape must have 4 dimensions (NHWC)");
    }
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException(what + " shape has a non-positive dimension");
      }
    }
  }

  static void checkLength(byte[] data, long expected, String what) {
    if (data == null || data.length != expected) {
      throw new IllegalArgumentException(what + " must hold " + expected + " values");
    }
  }

  /** Per-output-channel requantization arrays and the optional bias. */
  static void checkChannels(int[] multipliers, int[] shifts, int[] bias, int channels) {
    if (multipliers == null || shifts == null || multipliers.length != channels
        || shifts.length != channels || (bias != null && bias.length != channels)) {
      throw new IllegalArgumentException("multipliers, shifts and bias need one value per output"
          + " channel (" + channels + ")");
    }
  }

  static long size(int[] shape) {
    return (long) shape[0] * shape[1] * shape[2] * shape[3];
  }

  /**
   * One spatial axis of a sliding window, as {@code tx_window_valid}: the implied bottom/right pad
   * must not be negative (the output is at least the size without it) and coordinates fit int32.
   */
  static void checkWindow(int in, int k, int stride, int dilation, int pad, int out, String axis) {
    if (in <= 0 || k <= 0 || stride <= 0 || dilation <= 0 || pad < 0 || out <= 0) {
      throw new IllegalArgumentException(axis + ": sizes, stride and dilation must be positive and"
          + " the pad non-negative");
    }
    long effective = (long) (k - 1) * dilation + 1;
    if ((long) (out - 1) * stride + effective > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(axis + ": window coordinates exceed int32");
    }
    if ((long) in + pad >= effective && out < ((long) in + pad - effective) / stride + 1) {
      throw new IllegalArgumentException(axis + ": output size " + out + " leaves input rows"
          + " uncovered (it implies a negative end pad)");
    }
  }

  /**
   * A 2-D sliding window with a filter tensor, as {@code tx_window2d_valid}: the three shapes
   * positive with element counts inside int32, input and output of one batch, and both spatial
   * axes consistent ({@link #checkWindow}). The kernel checks its channel counts itself.
   */
  static void checkWindow2d(int[] inShape, int[] filterShape, int[] outShape, int strideH,
      int strideW, int dilationH, int dilationW, int padTop, int padLeft) {
    checkElementCount(inShape, "input");
    checkElementCount(filterShape, "filter");
    checkElementCount(outShape, "output");
    if (outShape[0] != inShape[0]) {
      throw new IllegalArgumentException("input and output batch counts differ");
    }
    checkWindow(inShape[1], filterShape[1], strideH, dilationH, padTop, outShape[1], "height");
    checkWindow(inShape[2], filterShape[2], strideW, dilationW, padLeft, outShape[2], "width");
  }

  /**
   * The data of a filtered kernel: input and filter hold the values their shapes give, and the
   * requantization arrays and optional bias one value per output channel.
   */
  static void checkTensors(byte[] input, int[] inShape, byte[] filter, int[] filterShape,
      int[] multipliers, int[] shifts, int[] bias, int outChannels) {
    checkLength(input, size(inShape), "input");
    checkLength(filter, size(filterShape), "filter");
    checkChannels(multipliers, shifts, bias, outChannels);
  }

  static void checkElementCount(int[] shape, String what) {
    checkPositive(shape, what);
    long count = 1;
    for (int d : shape) {
      count *= d; // each step stays below 2^62: the previous count is checked below 2^31
      if (count > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(what + " has more than 2^31 - 1 elements");
      }
    }
  }

  /** The output stage, as {@code tx_output_s8_valid}: zero point and clamp range inside int8. */
  static void checkOutputS8(int outputOffset, int actMin, int actMax) {
    if (outputOffset < -128 || outputOffset > 127 || actMin < -128 || actMax > 127
        || actMin > actMax) {
      throw new IllegalArgumentException("output zero point " + outputOffset + " and activation"
          + " range [" + actMin + ", " + actMax + "] must lie inside int8, the range non-empty");
    }
  }
}
