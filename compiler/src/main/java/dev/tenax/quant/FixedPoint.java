package dev.tenax.quant;

/**
 * The fixed-point primitives of integer requantization: the specification that the C functions of
 * {@code runtime-c/include/tx_fixed_point.h} reproduce bit for bit.
 *
 * <p>Requantization ({@link #multiplyByQuantizedMultiplier}) follows CMSIS-NN's single-rounding
 * build ({@code CMSIS_NN_USE_SINGLE_ROUNDING}): one rounding, ties toward plus infinity. The
 * double-rounding primitives of its default build (a doubling high multiply rounding half up, a
 * rounding right shift rounding half away from zero) remain for the gemmlowp-style kernels
 * (softmax) that are defined with them. Where the C originals overflow
 * a signed int32 (a left shift of a large accumulator), the result wraps in two's complement, which
 * is what CMSIS-NN computes on Cortex-M; the compiler must keep values in range if it wants a
 * meaningful answer, but every target still gets the same bits.
 */
public final class FixedPoint {
  private static final long Q31_ONE = 1L << 31;
  private static final long HALF = 1L << 30;
  private static final long S64_ACC_LIMIT = 1L << 47;

  private FixedPoint() {}

  /**
   * gemmlowp's {@code SaturatingRoundingDoublingHighMul}: {@code round(a * b / 2^31)}, ties toward
   * plus infinity, with the single overflowing case {@code MIN * MIN} saturated to {@code MAX}.
   */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == b && a == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * b;
    long nudge = ab >= 0 ? HALF : 1 - HALF;
    return (int) ((ab + nudge) / Q31_ONE); // Java and C99 both truncate toward zero
  }

  /**
   * CMSIS-NN's {@code arm_nn_doubling_high_mult_no_sat}: the same rounding as
   * {@link #saturatingRoundingDoublingHighMul} without the saturation, so {@code MIN * MIN} wraps
   * to {@code MIN}. Requantization uses it because its multiplier is never negative.
   */
  public static int doublingHighMulNoSat(int a, int b) {
    return (int) (((long) a * b + HALF) >> 31);
  }

  /**
   * gemmlowp's {@code RoundingDivideByPOT} (CMSIS-NN's {@code arm_nn_divide_by_power_of_two}):
   * {@code x / 2^exponent} rounded to nearest, ties away from zero.
   *
   * @param exponent in {@code [0, 31]}
   */
  public static int roundingDivideByPot(int x, int exponent) {
    if (exponent < 0 || exponent > 31) {
      throw new IllegalArgumentException("rounding shift exponent must be in [0, 31], got " + exponent);
    }
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /**
   * CMSIS-NN's {@code arm_nn_requantize} in its single-rounding build
   * ({@code CMSIS_NN_USE_SINGLE_ROUNDING}, TFLite's {@code TFLITE_SINGLE_ROUNDING}): {@code acc *
   * multiplier * 2^(shift - 31)} rounded once, ties toward plus infinity, computed in 64 bits
   * (CMSIS-NN's C truncates the doubled intermediate to int32 first, which flips the sign of
   * results between 2^30 and 2^31; we do not copy that); results beyond int32 wrap. Tenax uses this build, not the double-rounding default, because one rounding matches
   * ONNX QDQ semantics (float multiply, round) except on exact ties: measured on the MLPerf Tiny
   * QDQ models, every layer agrees with ONNX Runtime, where double rounding differs in about 0.1%
   * of each layer's outputs and drifts to 2-3 LSB at the logits.
   *
   * @param multiplier a Q31 multiplier {@code >= 0} (see {@link QuantizedMultiplier})
   * @param shift in {@code [-31, 30]}
   */
  public static int multiplyByQuantizedMultiplier(int acc, int multiplier, int shift) {
    if (multiplier < 0) {
      throw new IllegalArgumentException("requantization multiplier must be >= 0, got " + multiplier);
    }
    checkShift(shift, QuantizedMultiplier.MAX_SHIFT);
    long product = (long) acc * multiplier;
    return (int) (((product >> (30 - shift)) + 1) >> 1);
  }

  /**
   * CMSIS-NN's {@code arm_nn_requantize_s64} for 64-bit accumulators (16x8 kernels): one rounding,
   * ties toward plus infinity, by {@code reducedMultiplier * 2^(shift - 15)}. Results outside
   * int32 wrap, as the C original truncates them.
   *
   * @param acc in {@code [-2^47, 2^47)}, where the product cannot overflow 64 bits
   * @param reducedMultiplier the Q15 multiplier of {@link QuantizedMultiplier#reduce}, in
   *     {@code [0, 0x7FFF]}
   * @param shift in {@code [-31, 7]}
   */
  public static int multiplyByQuantizedMultiplierS64(long acc, int reducedMultiplier, int shift) {
    if (acc < -S64_ACC_LIMIT || acc >= S64_ACC_LIMIT) {
      throw new IllegalArgumentException("64-bit accumulator " + acc + " is outside [-2^47, 2^47),"
          + " the range CMSIS-NN's 16x8 requantization is defined for");
    }
    if (reducedMultiplier < 0 || reducedMultiplier > 0x7FFF) {
      throw new IllegalArgumentException("reduced (Q15) multiplier must be in [0, 32767], got "
          + reducedMultiplier);
    }
    checkShift(shift, QuantizedMultiplier.MAX_SHIFT_S64);
    long product = acc * reducedMultiplier;
    int truncated = (int) (product >> (14 - shift));
    return (truncated + 1) >> 1;
  }

  private static void checkShift(int shift, int maxShift) {
    if (shift < QuantizedMultiplier.MIN_SHIFT || shift > maxShift) {
      throw new IllegalArgumentException("requantization shift must be in ["
          + QuantizedMultiplier.MIN_SHIFT + ", " + maxShift + "], got " + shift);
    }
  }
}
