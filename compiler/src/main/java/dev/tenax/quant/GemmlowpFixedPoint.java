package dev.tenax.quant;

import static dev.tenax.quant.FixedPoint.roundingDivideByPot;
import static dev.tenax.quant.FixedPoint.saturatingRoundingDoublingHighMul;

/**
 * The gemmlowp fixed-point functions that TFLite's int8 softmax and CMSIS-NN's
 * {@code arm_softmax_s8} use, on raw int32 values: the specification of
 * {@code runtime-c/include/tx_gemmlowp.h}. A value in Qm.n (m integer bits, n = 31 - m fraction
 * bits) is {@code raw / 2^n}. Products are {@link FixedPoint#saturatingRoundingDoublingHighMul}
 * and sums wrap like Java's {@code +}, as gemmlowp's int32 arithmetic does on the targets.
 */
public final class GemmlowpFixedPoint {
  /** exp(-1/8) in Q0.31. */
  private static final int EXP_MINUS_ONE_EIGHTH = 1895147668;
  /** 1/3 in Q0.31. */
  private static final int ONE_THIRD = 715827883;
  /** exp(-2^k) in Q0.31 for k = -2 .. 4: the barrel shifter of {@link #expOnNegativeValues}. */
  private static final int[] EXP_MINUS_POWERS_OF_TWO = {1672461947, 1302514674, 790015084,
      290630308, 39332535, 720401, 52};
  /** The integer bits of {@link #expOnNegativeValues}' input (TFLite's kScaledDiffIntegerBits). */
  public static final int EXP_INPUT_INTEGER_BITS = 5;

  private GemmlowpFixedPoint() {}

  /**
   * gemmlowp's {@code SaturatingRoundingMultiplyByPOT}: {@code x * 2^exponent}, saturating to
   * the int32 range when {@code exponent > 0}, rounding half away from zero when it is negative.
   *
   * @param exponent in [-31, 31]
   */
  public static int saturatingRoundingMultiplyByPot(int x, int exponent) {
    if (exponent < -31 || exponent > 31) {
      throw new IllegalArgumentException("exponent must be in [-31, 31], got " + exponent);
    }
    if (exponent <= 0) {
      return roundingDivideByPot(x, -exponent);
    }
    int threshold = (1 << (31 - exponent)) - 1;
    if (x > threshold) {
      return Integer.MAX_VALUE;
    }
    if (x < -threshold) {
      return Integer.MIN_VALUE;
    }
    return x << exponent;
  }

  /** gemmlowp's {@code RoundingHalfSum}: (a + b) / 2 in 64 bits, rounded half away from zero. */
  public static int roundingHalfSum(int a, int b) {
    long sum = (long) a + b;
    return (int) ((sum + (sum >= 0 ? 1 : -1)) / 2);
  }

  /**
   * exp(a) for a in [-1/4, 0), Q0.31 in and out: the Taylor expansion around -1/8 to the fourth
   * order, as gemmlowp's {@code exp_on_interval_between_negative_one_quarter_and_0_excl}.
   */
  public static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
    int x = a + (1 << 28); // a + 1/8
    int x2 = saturatingRoundingDoublingHighMul(x, x);
    int x3 = saturatingRoundingDoublingHighMul(x2, x);
    int x4 = saturatingRoundingDoublingHighMul(x2, x2);
    int x4Over4 = saturatingRoundingMultiplyByPot(x4, -2);
    int poly = saturatingRoundingMultiplyByPot(
        saturatingRoundingDoublingHighMul(x4Over4 + x3, ONE_THIRD) + x2, -1);
    return EXP_MINUS_ONE_EIGHTH + saturatingRoundingDoublingHighMul(EXP_MINUS_ONE_EIGHTH, x + poly);
  }

  /**
   * exp(a) for a <= 0, a in Q5.26, result in Q0.31 (exp(0) is the largest raw value): gemmlowp's
   * {@code exp_on_negative_values} with 5 integer bits. The fraction of a modulo 1/4 goes through
   * the polynomial; each bit of the rest multiplies by exp(-2^k).
   */
  public static int expOnNegativeValues(int a) {
    final int fractionBits = 31 - EXP_INPUT_INTEGER_BITS;
    final int oneQuarter = 1 << (fractionBits - 2);
    int aModQuarterMinusQuarter = (a & (oneQuarter - 1)) - oneQuarter;
    int result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
        saturatingRoundingMultiplyByPot(aModQuarterMinusQuarter, EXP_INPUT_INTEGER_BITS));
    int remainder = aModQuarterMinusQuarter - a;
    for (int k = 0; k < EXP_MINUS_POWERS_OF_TWO.length; k++) {
      if ((remainder & (1 << (fractionBits - 2 + k))) != 0) {
        result = saturatingRoundingDoublingHighMul(result, EXP_MINUS_POWERS_OF_TWO[k]);
      }
    }
    return a == 0 ? Integer.MAX_VALUE : result;
  }

  /**
   * 1 / (1 + a) for a in [0, 1), Q0.31 in and out: gemmlowp's
   * {@code one_over_one_plus_x_for_x_in_0_1}, three Newton-Raphson steps on the half denominator
   * in Q2.29 from the initial guess 48/17 - 32/17 * d.
   */
  public static int oneOverOnePlusXForXIn01(int a) {
    final int oneQ29 = 1 << 29;
    int halfDenominator = roundingHalfSum(a, Integer.MAX_VALUE);
    int x = 1515870810 + saturatingRoundingDoublingHighMul(halfDenominator, -1010580540);
    for (int i = 0; i < 3; i++) {
      int halfDenominatorTimesX = saturatingRoundingDoublingHighMul(halfDenominator, x);
      int oneMinus = oneQ29 - halfDenominatorTimesX;
      x = x + saturatingRoundingMultiplyByPot(saturatingRoundingDoublingHighMul(x, oneMinus), 2);
    }
    return saturatingRoundingMultiplyByPot(x, 1);
  }
}
