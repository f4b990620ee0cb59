package dev.tenax.kernels;

/**
 * Argument checks of the 16x8 kernels (int16 activations, int8 weights), the Java side of their
 * {@code TX_ERR_ARGUMENT}; twin of {@code tx_s16_args.h}. Shape checks are {@link Shapes4}'s.
 */
final class S16Args {
  private S16Args() {}

  static void checkLength(short[] data, long expected, String what) {
    if (data == null || data.length != expected) {
      throw new IllegalArgumentException(what + " must hold " + expected + " values");
    }
  }

  /** The clamp of the outputs, as {@code tx_output_s16_valid}: non-empty and inside int16. */
  static void checkOutput(int actMin, int actMax) {
    if (actMin < Short.MIN_VALUE || actMax > Short.MAX_VALUE || actMin > actMax) {
      throw new IllegalArgumentException("activation range [" + actMin + ", " + actMax
          + "] must lie inside int16 and be non-empty");
    }
  }

  /** Per-output-channel reduced multipliers and shifts, and the optional int64 bias. */
  static void checkChannels(int[] multipliers, int[] shifts, long[] bias, int channels) {
    if (multipliers == null || shifts == null || multipliers.length != channels
        || shifts.length != channels || (bias != null && bias.length != channels)) {
      throw new IllegalArgumentException("multipliers, shifts and bias need one value per output"
          + " channel (" + channels + ")");
    }
  }

  /** The data of a filtered kernel: input and filter sizes, per-channel arrays. */
  static void checkTensors(short[] input, int[] inShape, byte[] filter, int[] filterShape,
      int[] multipliers, int[] shifts, long[] bias, int outChannels) {
    checkLength(input, Shapes4.size(inShape), "input");
    Shapes4.checkLength(filter, Shapes4.size(filterShape), "filter");
    checkChannels(multipliers, shifts, bias, outChannels);
  }
}
