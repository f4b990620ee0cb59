package dev.tenax.ir;

import java.util.Arrays;

/** Static helpers for shapes given as {@code int[]} (row-major, outermost first). */
public final class Shapes {
  private Shapes() {}

  public static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("tensor of shape " + format(shape) + " has more than 2^31 elements");
      }
    }
    return (int) n;
  }

  /** Row-major strides in elements. */
  public static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /** Numpy-style broadcast of two shapes, or null if they are incompatible. */
  public static int[] broadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else {
        return null;
      }
    }
    return out;
  }

  /**
   * For each flat index of {@code outShape}, the flat index into a tensor of {@code inShape}
   * that numpy broadcasting reads. {@code inShape} must broadcast to {@code outShape}.
   */
  public static int[] broadcastIndex(int[] inShape, int[] outShape) {
    int n = size(outShape);
    int[] map = new int[n];
    int rank = outShape.length;
    int offset = rank - inShape.length;
    int[] inStrides = strides(inShape);
    int[] effective = new int[rank];
    for (int i = 0; i < rank; i++) {
      effective[i] = i < offset || inShape[i - offset] == 1 ? 0 : inStrides[i - offset];
    }
    int[] idx = new int[rank];
    int flat = 0;
    for (int k = 0; k < n; k++) {
      map[k] = flat;
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        flat += effective[d];
        if (idx[d] < outShape[d]) {
          break;
        }
        flat -= effective[d] * idx[d];
        idx[d] = 0;
      }
    }
    return map;
  }

  /** Normalizes a possibly negative axis; throws if it is out of range for {@code rank}. */
  public static int axis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  public static String format(int[] shape) {
    return Arrays.toString(shape).replace(" ", "");
  }

  public static int[] of(long[] dims) {
    int[] s = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      s[i] = Math.toIntExact(dims[i]);
    }
    return s;
  }
}
