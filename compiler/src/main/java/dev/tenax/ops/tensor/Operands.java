package dev.tenax.ops.tensor;

import dev.tenax.diag.Code;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OpException;
import java.util.Arrays;

/** Reading and checking integer operands (axes, sizes, bounds) given as attributes or inputs. */
final class Operands {
  private Operands() {}

  /** A TX050 problem. */
  static OpException bad(String message) {
    return new OpException(Code.TX050, message);
  }

  /** A TX041 problem. */
  static OpException missing(String message) {
    return new OpException(Code.TX041, message);
  }

  /** Elements of an integer operand tensor; a float tensor is a type error. */
  static long[] ints(Tensor t, String what) {
    if (!t.dtype().isInteger()) {
      throw bad(what + " must be an integer tensor, got " + t.dtype());
    }
    if (t.rank() > 1) {
      throw bad(what + " must be a 1-D tensor, got rank " + t.rank());
    }
    return t.toLongs();
  }

  /** One axis, possibly negative, checked against {@code rank}. */
  static int axis(long axis, int rank, String what) {
    if (axis < -rank || axis >= rank) {
      throw bad(what + " " + axis + " is out of range for rank " + rank
          + " (allowed: " + -rank + ".." + (rank - 1) + ")");
    }
    return (int) (axis < 0 ? axis + rank : axis);
  }

  /** Normalized axes; out-of-range or repeated axes are TX050 problems. */
  static int[] axes(long[] axes, int rank, String what) {
    int[] r = new int[axes.length];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      r[i] = axis(axes[i], rank, what);
      if (seen[r[i]]) {
        throw bad(what + " " + Arrays.toString(axes) + " names axis " + r[i] + " twice");
      }
      seen[r[i]] = true;
    }
    return r;
  }

  /** Returns {@code shape} after checking that its element count fits Tenax's int indexing. */
  static int[] checkSize(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw bad("an output of shape " + Shapes.format(shape) + " would have more than 2^31 elements");
      }
    }
    return shape;
  }

  /** Converts to int, reporting values that cannot be a dimension. */
  static int dim(long v, String what) {
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw bad(what + " " + v + " is not a valid dimension");
    }
    return (int) v;
  }
}
