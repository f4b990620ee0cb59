package dev.tenax.ir;

import java.util.Arrays;

/**
 * An immutable, dense, row-major tensor. Float32 data lives in a {@code float[]}; every
 * integer and bool type in a {@code long[]} with the exact value (already wrapped to the
 * type's range). The arrays returned by {@link #floats()} and {@link #longs()} are shared:
 * callers must never modify them.
 */
public final class Tensor {
  private final DType dtype;
  private final int[] shape;
  private final float[] floats;
  private final long[] longs;

  private Tensor(DType dtype, int[] shape, float[] floats, long[] longs) {
    this.dtype = dtype;
    this.shape = shape.clone();
    this.floats = floats;
    this.longs = longs;
    int n = Shapes.size(shape);
    int have = floats != null ? floats.length : longs.length;
    if (n != have) {
      throw new IllegalArgumentException(
          "shape " + Shapes.format(shape) + " needs " + n + " elements, got " + have);
    }
  }

  /** Takes ownership of {@code data}. */
  public static Tensor ofFloats(int[] shape, float[] data) {
    return new Tensor(DType.FLOAT32, shape, data, null);
  }

  /** Takes ownership of {@code data}; values are wrapped to {@code dtype}'s range. */
  public static Tensor ofLongs(DType dtype, int[] shape, long[] data) {
    if (dtype.isFloat()) {
      throw new IllegalArgumentException("ofLongs needs an integer or bool dtype, got " + dtype);
    }
    for (int i = 0; i < data.length; i++) {
      data[i] = dtype.wrap(data[i]);
    }
    return new Tensor(dtype, shape, null, data);
  }

  public static Tensor scalar(float v) {
    return ofFloats(new int[0], new float[] {v});
  }

  public static Tensor scalar(DType dtype, long v) {
    return ofLongs(dtype, new int[0], new long[] {v});
  }

  public static Tensor vector(DType dtype, long... values) {
    return ofLongs(dtype, new int[] {values.length}, values.clone());
  }

  /** A tensor of {@code dtype} whose elements are {@code values[i]} converted like ONNX Cast. */
  public static Tensor fromDoubles(DType dtype, int[] shape, double[] values) {
    if (dtype.isFloat()) {
      float[] f = new float[values.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) values[i];
      }
      return ofFloats(shape, f);
    }
    long[] l = new long[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = dtype == DType.BOOL ? (values[i] != 0 ? 1 : 0) : (long) values[i];
    }
    return ofLongs(dtype, shape, l);
  }

  public static Tensor zeros(DType dtype, int[] shape) {
    int n = Shapes.size(shape);
    return dtype.isFloat() ? ofFloats(shape, new float[n]) : ofLongs(dtype, shape, new long[n]);
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
    return floats != null ? floats.length : longs.length;
  }

  public TensorType type() {
    return new TensorType(dtype, shape);
  }

  /** Shared float32 storage; never modify. Throws for non-float tensors. */
  public float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("tensor is " + dtype + ", not float32");
    }
    return floats;
  }

  /** Shared integer storage; never modify. Throws for float tensors. */
  public long[] longs() {
    if (longs == null) {
      throw new IllegalStateException("tensor is float32, not an integer type");
    }
    return longs;
  }

  public double getDouble(int i) {
    return floats != null ? floats[i] : longs[i];
  }

  public long getLong(int i) {
    return floats != null ? (long) floats[i] : longs[i];
  }

  public float getFloat(int i) {
    return floats != null ? floats[i] : (float) longs[i];
  }

  /** All elements as doubles (a copy), whatever the dtype. */
  public double[] toDoubles() {
    double[] d = new double[size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = getDouble(i);
    }
    return d;
  }

  /** All elements as longs (a copy); floats are truncated toward zero. */
  public long[] toLongs() {
    long[] l = new long[size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = getLong(i);
    }
    return l;
  }

  /** Same data with another shape of the same element count. */
  public Tensor reshape(int[] newShape) {
    return new Tensor(dtype, newShape, floats, longs);
  }

  /** Converts to {@code target} like ONNX Cast (float to int truncates toward zero). */
  public Tensor cast(DType target) {
    if (target == dtype) {
      return this;
    }
    if (target.isFloat()) {
      float[] f = new float[size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = getFloat(i);
      }
      return ofFloats(shape, f);
    }
    long[] l = new long[size()];
    for (int i = 0; i < l.length; i++) {
      if (floats != null) {
        float v = floats[i];
        l[i] = target == DType.BOOL ? (v != 0 ? 1 : 0) : (long) v;
      } else {
        l[i] = target == DType.BOOL ? (longs[i] != 0 ? 1 : 0) : longs[i];
      }
    }
    return ofLongs(target, shape, l);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Tensor)) {
      return false;
    }
    Tensor t = (Tensor) o;
    return dtype == t.dtype && Arrays.equals(shape, t.shape) && Arrays.equals(floats, t.floats)
        && Arrays.equals(longs, t.longs);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + (floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(longs));
  }

  /** Short form for logs and IR text: type, and values when there are few. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type().toString());
    if (size() <= 8) {
      sb.append(" {");
      for (int i = 0; i < size(); i++) {
        sb.append(i == 0 ? "" : ",");
        if (floats != null) {
          sb.append(floats[i]);
        } else {
          sb.append(longs[i]);
        }
      }
      sb.append('}');
    }
    return sb.toString();
  }
}
