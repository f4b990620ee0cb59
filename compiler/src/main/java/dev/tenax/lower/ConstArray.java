package dev.tenax.lower;

import java.util.Arrays;

/**
 * Constant data a kernel reads (weights, biases, multipliers, shifts, tables), in the element
 * type the kernel declares. {@code role} names it in the generated code (e.g. "filter").
 */
public record ConstArray(String role, CType type, long[] ints, float[] floats) {
  /** The C element types constants come in. */
  public enum CType {
    INT8("int8_t", 1), INT16("int16_t", 2), INT32("int32_t", 4), INT64("int64_t", 8), FLOAT32("float", 4);

    private final String c;
    private final int bytes;

    CType(String c, int bytes) {
      this.c = c;
      this.bytes = bytes;
    }

    public String c() {
      return c;
    }

    public int bytes() {
      return bytes;
    }
  }

  public static ConstArray int8(String role, byte[] values) {
    long[] v = new long[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i];
    }
    return new ConstArray(role, CType.INT8, v, null);
  }

  public static ConstArray int32(String role, int[] values) {
    return new ConstArray(role, CType.INT32, Arrays.stream(values).asLongStream().toArray(), null);
  }

  public static ConstArray int64(String role, long[] values) {
    return new ConstArray(role, CType.INT64, values.clone(), null);
  }

  public static ConstArray float32(String role, float[] values) {
    return new ConstArray(role, CType.FLOAT32, null, values.clone());
  }

  public int length() {
    return type == CType.FLOAT32 ? floats.length : ints.length;
  }

  public long bytes() {
    return (long) length() * type.bytes();
  }
}
