package dev.tenax.ir;

import java.util.Optional;

/**
 * Element types Tenax computes with. Float tensors are stored as {@code float[]}, every
 * integer and boolean type as {@code long[]} holding the exact value (see {@link Tensor}).
 * ONNX types not listed here (float16, float64, bfloat16, string, uint64, ...) are rejected
 * by the front end with a diagnostic.
 */
public enum DType {
  FLOAT32(1, "float32", 4, Long.MIN_VALUE, Long.MAX_VALUE),
  UINT8(2, "uint8", 1, 0, 255),
  INT8(3, "int8", 1, -128, 127),
  UINT16(4, "uint16", 2, 0, 65535),
  INT16(5, "int16", 2, -32768, 32767),
  INT32(6, "int32", 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
  INT64(7, "int64", 8, Long.MIN_VALUE, Long.MAX_VALUE),
  BOOL(9, "bool", 1, 0, 1),
  UINT32(12, "uint32", 4, 0, 0xFFFF_FFFFL);

  private final int onnxCode;
  private final String displayName;
  private final int byteSize;
  private final long min;
  private final long max;

  DType(int onnxCode, String displayName, int byteSize, long min, long max) {
    this.onnxCode = onnxCode;
    this.displayName = displayName;
    this.byteSize = byteSize;
    this.min = min;
    this.max = max;
  }

  public int onnxCode() {
    return onnxCode;
  }

  public int byteSize() {
    return byteSize;
  }

  public boolean isFloat() {
    return this == FLOAT32;
  }

  public boolean isInteger() {
    return this != FLOAT32 && this != BOOL;
  }

  public boolean isSigned() {
    return this == INT8 || this == INT16 || this == INT32 || this == INT64;
  }

  /** Smallest representable value (integer types only). */
  public long min() {
    return min;
  }

  /** Largest representable value (integer types only). */
  public long max() {
    return max;
  }

  /** Wraps an integer to this type the way a C cast (and numpy) does: modulo 2^bits. */
  public long wrap(long v) {
    switch (this) {
      case UINT8: return v & 0xFF;
      case INT8: return (byte) v;
      case UINT16: return v & 0xFFFF;
      case INT16: return (short) v;
      case INT32: return (int) v;
      case UINT32: return v & 0xFFFF_FFFFL;
      case BOOL: return v != 0 ? 1 : 0;
      default: return v;
    }
  }

  /** Clamps an integer into this type's range (saturating conversion). */
  public long saturate(long v) {
    return Math.max(min, Math.min(max, v));
  }

  @Override
  public String toString() {
    return displayName;
  }

  public static Optional<DType> fromOnnx(int code) {
    for (DType t : values()) {
      if (t.onnxCode == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public static Optional<DType> fromName(String name) {
    for (DType t : values()) {
      if (t.displayName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Name of an ONNX element type code, also for the types Tenax does not support. */
  public static String onnxTypeName(int code) {
    String[] names = {"undefined", "float32", "uint8", "int8", "uint16", "int16", "int32", "int64",
        "string", "bool", "float16", "float64", "uint32", "uint64", "complex64", "complex128",
        "bfloat16", "float8e4m3fn", "float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz", "uint4",
        "int4", "float4e2m1", "float8e8m0", "uint2", "int2"};
    return code >= 0 && code < names.length ? names[code] : "unknown type " + code;
  }
}
