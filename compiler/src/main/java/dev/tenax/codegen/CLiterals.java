package dev.tenax.codegen;

/**
 * C99 spellings of numbers that mean the same on every target: int32 values through
 * {@code INT32_C} where a 16-bit {@code int} could not hold them (MSP430), floats as exact
 * hexadecimal literals.
 */
public final class CLiterals {
  private CLiterals() {}

  public static String int32(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(v + " does not fit int32");
    }
    if (v >= Short.MIN_VALUE + 1 && v <= Short.MAX_VALUE) {
      return Long.toString(v);
    }
    if (v == Integer.MIN_VALUE) {
      return "(-INT32_C(2147483647) - 1)";
    }
    return "INT32_C(" + v + ")";
  }

  public static String int64(long v) {
    if (v >= Short.MIN_VALUE + 1 && v <= Short.MAX_VALUE) {
      return Long.toString(v);
    }
    if (v == Long.MIN_VALUE) {
      return "(-INT64_C(9223372036854775807) - 1)";
    }
    return "INT64_C(" + v + ")";
  }

  /** The exact value of {@code f} as a C float literal. */
  public static String float32(float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      throw new IllegalArgumentException("no C literal for " + f);
    }
    if (f == 0f) {
      return (1 / f < 0) ? "-0.0f" : "0.0f";
    }
    return Float.toHexString(f) + "f";
  }
}
