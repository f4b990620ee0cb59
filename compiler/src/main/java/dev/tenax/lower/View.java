package dev.tenax.lower;

import java.util.Arrays;

/**
 * One way of looking at a {@link Buffer}: its physical shape (row-major, last axis innermost)
 * and the permutation that relates it to the ONNX value's logical shape, {@code shape[k] =
 * logical[perm[k]]}. An NCHW value stored NHWC has {@code perm = (0, 2, 3, 1)}. Transposes and
 * reshapes that move no data become new views of the same buffer.
 */
public record View(Buffer buffer, int[] shape, int[] perm) {
  public View {
    shape = shape.clone();
    perm = perm.clone();
    if (perm.length != shape.length) {
      throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " does not fit shape "
          + Arrays.toString(shape));
    }
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n != buffer.elements()) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n
          + " elements, buffer " + buffer + " has " + buffer.elements());
    }
  }

  /** A view in logical order. */
  public static View of(Buffer buffer, int[] logicalShape) {
    return new View(buffer, logicalShape, Layouts.identity(logicalShape.length));
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public int[] perm() {
    return perm.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int[] logicalShape() {
    int[] logical = new int[shape.length];
    for (int k = 0; k < shape.length; k++) {
      logical[perm[k]] = shape[k];
    }
    return logical;
  }

  /** True when memory holds the elements in logical row-major order (size-1 axes may move). */
  public boolean inLogicalOrder() {
    return Layouts.isNoOpPermutation(shape, perm);
  }

  /** The physical shape left-padded with 1s to four axes, for the kernels' {@code tx_shape4}. */
  public int[] shape4() {
    return Layouts.pad4(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof View v && v.buffer == buffer && Arrays.equals(v.shape, shape)
        && Arrays.equals(v.perm, perm);
  }

  @Override
  public int hashCode() {
    return buffer.hashCode() * 31 + Arrays.hashCode(shape) * 7 + Arrays.hashCode(perm);
  }

  @Override
  public String toString() {
    return "b" + buffer.id() + Arrays.toString(shape)
        + (Arrays.equals(perm, Layouts.identity(perm.length)) ? "" : " perm" + Arrays.toString(perm));
  }
}
