package dev.tenax.kernels;

/**
 * Conversions between the int8/int16 kernels' arrays and the long[] that tests shared by both
 * widths work with.
 */
final class IntArrays {
  private IntArrays() {}

  static long[] widen(byte[] v) {
    long[] w = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = v[i];
    }
    return w;
  }

  static long[] widen(short[] v) {
    long[] w = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = v[i];
    }
    return w;
  }

  /** The values, each of which must fit int8. */
  static byte[] bytes(long[] v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
      if (b[i] != v[i]) {
        throw new IllegalStateException(v[i] + " is not an int8");
      }
    }
    return b;
  }

  /** The values, each of which must fit int16. */
  static short[] shorts(long[] v) {
    short[] s = new short[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = (short) v[i];
      if (s[i] != v[i]) {
        throw new IllegalStateException(v[i] + " is not an int16");
      }
    }
    return s;
  }
}
