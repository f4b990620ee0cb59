package dev.tenax.lower;

import java.util.Arrays;

/** Permutation arithmetic for {@link View}s. */
public final class Layouts {
  private Layouts() {}

  /** NCHW logical axes stored NHWC. */
  public static final int[] NHWC = {0, 2, 3, 1};

  public static int[] identity(int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = i;
    }
    return p;
  }

  public static int[] inverse(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    return inv;
  }

  /** {@code out[k] = values[perm[k]]}. */
  public static int[] permute(int[] values, int[] perm) {
    int[] out = new int[perm.length];
    for (int k = 0; k < perm.length; k++) {
      out[k] = values[perm[k]];
    }
    return out;
  }

  /**
   * True when reading a tensor of physical {@code shape} in memory order visits the logical
   * elements in logical row-major order: the axes longer than 1 keep their relative order.
   */
  public static boolean isNoOpPermutation(int[] shape, int[] perm) {
    int last = -1;
    for (int k = 0; k < perm.length; k++) {
      if (shape[k] == 1) {
        continue;
      }
      if (perm[k] < last) {
        return false;
      }
      last = perm[k];
    }
    return true;
  }

  /** Left-pads a shape of rank at most 4 with 1s. */
  public static int[] pad4(int[] shape) {
    if (shape.length > 4) {
      throw new IllegalArgumentException("kernels take at most 4 axes, got " + Arrays.toString(shape));
    }
    int[] s = {1, 1, 1, 1};
    System.arraycopy(shape, 0, s, 4 - shape.length, shape.length);
    return s;
  }

  public static int product(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }
}
