package dev.tenax.quant;

/**
 * The output stage of an integer kernel: scale an accumulator ({@link FixedPoint}), add the output
 * zero point, clamp to the activation range ({@link ActivationRange}; a fused Relu, Relu6 or Clip
 * is only a narrower range). The range lies inside the output type, so the final narrowing is a
 * saturation and never wraps.
 *
 * <p>The zero point is added in int32 with two's-complement wrap-around, like CMSIS-NN's
 * {@code sum += out_offset} compiled for Cortex-M; it can only wrap when the scaled accumulator is
 * within 128 (or 32768) of the int32 limits, far outside any output range.
 *
 * <p>Each method matches a C function of {@code tx_fixed_point.h}: {@code tx_requantize_s8},
 * {@code tx_requantize_s16}, {@code tx_requantize_s64_s16}.
 */
public final class Requantize {
  private Requantize() {}

  /** An int32 accumulator to an int8 output (the int8 path). */
  public static int s8(int acc, int multiplier, int shift, int zeroPoint, int actMin, int actMax) {
    checkOutput(Byte.MIN_VALUE, Byte.MAX_VALUE, "int8", zeroPoint, actMin, actMax);
    return clamp(FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift) + zeroPoint,
        actMin, actMax);
  }

  /** An int32 accumulator to an int16 output. */
  public static int s16(int acc, int multiplier, int shift, int zeroPoint, int actMin, int actMax) {
    checkOutput(Short.MIN_VALUE, Short.MAX_VALUE, "int16", zeroPoint, actMin, actMax);
    return clamp(FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift) + zeroPoint,
        actMin, actMax);
  }

  /**
   * A 64-bit accumulator (int16 activations times int8 weights) to an int16 output.
   *
   * @param reducedMultiplier the Q15 multiplier, {@link QuantizedMultiplier#reduced()}
   */
  public static int s64ToS16(long acc, int reducedMultiplier, int shift, int zeroPoint, int actMin,
      int actMax) {
    checkOutput(Short.MIN_VALUE, Short.MAX_VALUE, "int16", zeroPoint, actMin, actMax);
    return clamp(FixedPoint.multiplyByQuantizedMultiplierS64(acc, reducedMultiplier, shift)
        + zeroPoint, actMin, actMax);
  }

  /** The same shorthand with a precomputed multiplier and range. */
  public static int s8(int acc, QuantizedMultiplier m, int zeroPoint, ActivationRange range) {
    return s8(acc, m.multiplier(), m.shift(), zeroPoint, range.min(), range.max());
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.min(Math.max(v, lo), hi);
  }

  private static void checkOutput(int typeMin, int typeMax, String type, int zeroPoint, int actMin,
      int actMax) {
    if (zeroPoint < typeMin || zeroPoint > typeMax) {
      throw new IllegalArgumentException("output zero point " + zeroPoint + " does not fit " + type);
    }
    if (actMin < typeMin || actMax > typeMax || actMin > actMax) {
      throw new IllegalArgumentException("activation range [" + actMin + ", " + actMax
          + "] must be a non-empty part of the " + type + " range [" + typeMin + ", " + typeMax + "]");
    }
  }
}
