package dev.tenax.kernels;

/** Argument checks shared by the int8 kernels, the Java side of their {@code TX_ERR_ARGUMENT}. */
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
}
