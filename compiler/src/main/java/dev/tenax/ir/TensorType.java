package dev.tenax.ir;

import java.util.Arrays;

/** Element type and static shape of a value. Every shape in the IR is fully known. */
public final class TensorType {
  private final DType dtype;
  private final int[] shape;

  public TensorType(DType dtype, int[] shape) {
    this.dtype = dtype;
    this.shape = shape.clone();
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Shapes.format(shape));
      }
    }
  }

  public DType dtype() {
    return dtype;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int axis) {
    return shape[axis];
  }

  public int size() {
    return Shapes.size(shape);
  }

  public long bytes() {
    return (long) size() * dtype.byteSize();
  }

  public TensorType withShape(int[] newShape) {
    return new TensorType(dtype, newShape);
  }

  public TensorType withDType(DType newType) {
    return new TensorType(newType, shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorType && ((TensorType) o).dtype == dtype
        && Arrays.equals(((TensorType) o).shape, shape);
  }

  @Override
  public int hashCode() {
    return dtype.hashCode() * 31 + Arrays.hashCode(shape);
  }

  /** For example {@code float32[1,3,32,32]}. */
  @Override
  public String toString() {
    return dtype + Shapes.format(shape);
  }
}
