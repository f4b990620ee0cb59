package dev.tenax.ops.tensor;

import dev.tenax.ir.Shapes;

/**
 * Data movement described as index maps: for each output element (row-major), the flat index
 * of the input element it copies, or -1 where the output takes a fill value. Every op that
 * only moves data builds such a map once and {@link Elements#take} applies it to float and
 * integer storage alike.
 */
final class IndexMaps {
  private IndexMaps() {}

  /**
   * Map for ops that move data independently per axis (Slice, Pad, Gather along one axis,
   * nearest Resize): {@code coords[d][o]} is the input coordinate on axis d that output
   * coordinate o reads, or -1 for a fill. The output shape is the lengths of {@code coords}.
   */
  static int[] separable(int[] inShape, int[][] coords) {
    int rank = inShape.length;
    int[] outShape = new int[rank];
    for (int d = 0; d < rank; d++) {
      outShape[d] = coords[d].length;
    }
    int n = Shapes.size(outShape);
    int[] map = new int[n];
    if (n == 0) {
      return map;
    }
    int[] strides = Shapes.strides(inShape);
    int[] idx = new int[rank];
    for (int k = 0; k < n; k++) {
      int flat = 0;
      for (int d = 0; d < rank && flat >= 0; d++) {
        int c = coords[d][idx[d]];
        flat = c < 0 ? -1 : flat + c * strides[d];
      }
      map[k] = flat;
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < outShape[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    return map;
  }

  /** Coordinates 0..n-1: an axis that is copied unchanged. */
  static int[] identity(int n) {
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = i;
    }
    return c;
  }

  /** Coordinates start, start+step, ... (count of them): a strided slice of one axis. */
  static int[] strided(long start, long step, int count) {
    int[] c = new int[count];
    for (int i = 0; i < count; i++) {
      c[i] = Math.toIntExact(start + i * step);
    }
    return c;
  }

  /** Map of a transpose: output axis i is input axis {@code perm[i]}. */
  static int[] permute(int[] inShape, int[] perm) {
    int rank = inShape.length;
    int[] inStrides = Shapes.strides(inShape);
    int[] outShape = new int[rank];
    int[] step = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = inShape[perm[i]];
      step[i] = inStrides[perm[i]];
    }
    int n = Shapes.size(outShape);
    int[] map = new int[n];
    int[] idx = new int[rank];
    int flat = 0;
    for (int k = 0; k < n; k++) {
      map[k] = flat;
      for (int d = rank - 1; d >= 0; d--) {
        flat += step[d];
        if (++idx[d] < outShape[d]) {
          break;
        }
        flat -= step[d] * idx[d];
        idx[d] = 0;
      }
    }
    return map;
  }

  /** {@code shape} with axes reordered by {@code perm}. */
  static int[] permuteShape(int[] shape, int[] perm) {
    int[] r = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      r[i] = shape[perm[i]];
    }
    return r;
  }
}
