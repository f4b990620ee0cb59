package dev.tenax.lower;

import java.util.Arrays;

/**
 * One way of looking at a {@link Buffer}: its physical shape (row-major, last axis innermost)
 * and the permutation that relates it to the ONNX value's logical shape, {@code shape[k] =
 * logical[perm[k]]}. An NCHW value stored NHWC has {@code perm = (0, 2, 3, 1)}. Transposes and
 * reshapes that move no data become new views of the same buffer. A view may also cover a
 * contiguous part of its buffer starting {@code offset} elements in (a tile of an intermittent
 * build); the views lowering creates cover the whole buffer.
 */
public record View(Buffer buffer, int[] shape, int[] perm, int offset) {
  /** A view of the whole buffer. */
  public View(Buffer buffer, int[] shape, int[] perm) {
    this(buffer, shape, perm, 0);
    if (elements() != buffer.elements()) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + elements()
          + " elements, buffer " + buffer + " has " + buffer.elements());
    }
  }

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
    if (offset < 0 || offset + n > buffer.elements()) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " at offset " + offset + " has "
          + n + " elements, buffer " + buffer + " has " + buffer.elements());
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

  /** Elements the view covers. */
  public int elements() {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** True when the view covers its whole buffer. */
  public boolean whole() {
    return offset == 0 && elements() == buffer.elements();
  }

  /** The part of this view's memory with physical shape {@code partShape}, {@code elementOffset} elements in. */
  public View part(int[] partShape, int elementOffset) {
    return new View(buffer, partShape, perm, offset + elementOffset);
  }

  /** Elements [start, start + n) of this view's memory, as a flat view (elementwise tiles). */
  public View flat(int start, int n) {
    return new View(buffer, new int[] {n}, new int[] {0}, offset + start);
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
        && Arrays.equals(v.perm, perm) && v.offset == offset;
  }

  @Override
  public int hashCode() {
    return buffer.hashCode() * 31 + Arrays.hashCode(shape) * 7 + Arrays.hashCode(perm) + offset;
  }

  @Override
  public String toString() {
    return "b" + buffer.id() + (offset == 0 ? "" : "+" + offset) + Arrays.toString(shape)
        + (Arrays.equals(perm, Layouts.identity(perm.length)) ? "" : " perm" + Arrays.toString(perm));
  }
}
