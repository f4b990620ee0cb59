package dev.tenax.kernels;

import static dev.tenax.quant.FixedPoint.saturatingRoundingDoublingHighMul;

import dev.tenax.quant.GemmlowpFixedPoint;

/**
 * Softmax over the innermost axis (channels of NHWC, so rows = n * h * w and row size = c), the
 * specification of {@code tx_softmax_s8}: CMSIS-NN's {@code arm_softmax_s8}, which is TFLite's
 * older int8 reference softmax with gemmlowp's fixed-point exp. Each difference to the row maximum
 * is scaled by beta * input scale into Q5.26, exponentiated in Q0.31, summed in Q12.19 and divided
 * through by the fixed-point reciprocal of the sum; differences below {@code diffMin} contribute
 * nothing and output -128.
 *
 * <p>The output quantization is fixed: scale 1/256, zero point -128 (TFLite's requirement for
 * int8 softmax); the compiler must give the output tensor exactly that quantization.
 */
public final class SoftmaxS8 {
  /** TFLite's kScaledDiffIntegerBits: integer bits of the scaled differences. */
  public static final int SCALED_DIFF_INTEGER_BITS = GemmlowpFixedPoint.EXP_INPUT_INTEGER_BITS;
  /** Integer bits of the sum of exponentials (CMSIS-NN's ACCUM_BITS). */
  public static final int ACCUMULATION_INTEGER_BITS = 12;
  /**
   * The longest row: each exponential adds at most 2^19 to the Q12.19 sum, which must stay below
   * 2^31. (The C++ originals overflow beyond; we reject.)
   */
  public static final int MAX_ROW_SIZE = (1 << ACCUMULATION_INTEGER_BITS) - 1;
  public static final double OUTPUT_SCALE = 1.0 / 256;
  public static final int OUTPUT_ZERO_POINT = -128;

  private SoftmaxS8() {}

  /**
   * Mirrors {@code tx_softmax_s8_params}.
   *
   * @param inputMultiplier Q31 multiplier of beta * input scale * 2^26, in [2^30, 2^31)
   * @param inputLeftShift its exponent, in [0, 31]
   * @param diffMin the most negative difference to the row maximum that still counts, <= 0
   */
  public record Params(int inputMultiplier, int inputLeftShift, int diffMin) {
    public Params {
      if (inputMultiplier < (1 << 30) || inputLeftShift < 0 || inputLeftShift > 31 || diffMin > 0) {
        throw new IllegalArgumentException("softmax parameters out of range: multiplier "
            + inputMultiplier + ", left shift " + inputLeftShift + ", diff_min " + diffMin);
      }
    }
  }

  /**
   * TFLite's Prepare: PreprocessSoftmaxScaling with 5 integer bits (beta * inputScale * 2^26,
   * capped below 2^31, as a multiplier >= 1) and diff_min = -CalculateInputRadius.
   */
  public static Params forScale(double inputScale, double beta) {
    if (!(inputScale > 0) || !(beta > 0) || Double.isInfinite(inputScale) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("input scale and beta must be positive and finite, got "
          + inputScale + " and " + beta);
    }
    double real = Math.min(beta * inputScale * (1L << (31 - SCALED_DIFF_INTEGER_BITS)),
        (1L << 31) - 1.0);
    if (real < 0.5) {
      throw new IllegalArgumentException("beta * input scale = " + beta * inputScale
          + " is too small for int8 softmax (needs at least 2^-27)");
    }
    // real = q * 2^shift with q in [0.5, 1), q rounded to Q31 (TFLite's QuantizeMultiplier)
    int shift = Math.getExponent(real) + 1;
    long q = Math.round(Math.scalb(real, -shift) * (1L << 31));
    if (q == 1L << 31) {
      q /= 2;
      shift++;
    }
    // CalculateInputRadius: the largest |difference| whose scaled value stays within Q5.26
    double maxInputRescaled = 1.0 * ((1 << SCALED_DIFF_INTEGER_BITS) - 1)
        * (1L << (31 - SCALED_DIFF_INTEGER_BITS)) / Math.scalb(1.0, shift);
    return new Params((int) q, shift, -(int) Math.floor(maxInputRescaled));
  }

  /**
   * @param shape NHWC; softmax runs along c, which must be at most {@link #MAX_ROW_SIZE}
   */
  public static byte[] run(Params p, int[] shape, byte[] in) {
    Shapes4.checkPositive(shape, "input");
    Shapes4.checkLength(in, Shapes4.size(shape), "input");
    int rowSize = shape[3];
    if (rowSize > MAX_ROW_SIZE) {
      throw new IllegalArgumentException("softmax rows of " + rowSize + " values exceed "
          + MAX_ROW_SIZE);
    }
    byte[] out = new byte[in.length];
    for (int start = 0; start < in.length; start += rowSize) {
      int max = in[start];
      for (int i = 1; i < rowSize; i++) {
        max = Math.max(max, in[start + i]);
      }
      int sum = 0;
      for (int i = 0; i < rowSize; i++) {
        int diff = in[start + i] - max;
        if (diff >= p.diffMin()) {
          sum += roundingDivideByPotWide(exp(p, diff), ACCUMULATION_INTEGER_BITS);
        }
      }
      // sum >= 2^19 (the maximum itself contributes exp(0)), so headroom is in [1, 12]
      int headroom = Integer.numberOfLeadingZeros(sum);
      int shiftedScale = GemmlowpFixedPoint.oneOverOnePlusXForXIn01((sum << headroom) - (1 << 31));
      int bitsOverUnit = ACCUMULATION_INTEGER_BITS - headroom + 31 - 8;
      for (int i = 0; i < rowSize; i++) {
        int diff = in[start + i] - max;
        int v = -128;
        if (diff >= p.diffMin()) {
          int scaled = saturatingRoundingDoublingHighMul(shiftedScale, exp(p, diff));
          v = roundingDivideByPotWide(scaled, bitsOverUnit) - 128;
        }
        out[start + i] = (byte) Math.max(-128, Math.min(127, v));
      }
    }
    return out;
  }

  /** exp(beta * inputScale * diff) in Q0.31; diff << shift wraps like the C. */
  private static int exp(Params p, int diff) {
    int scaled = saturatingRoundingDoublingHighMul(diff << p.inputLeftShift(), p.inputMultiplier());
    return GemmlowpFixedPoint.expOnNegativeValues(scaled);
  }

  /**
   * x / 2^exponent rounded half away from zero, exponent in [0, 62]. For exponent <= 31 it is
   * gemmlowp's RoundingDivideByPOT; the reciprocal's exponent reaches 34 for sums of 2^28 and more
   * (rows over 511 values), where the C++ originals shift out of range and we give the exact
   * rounding (0 for the non-negative values that arrive there).
   */
  static int roundingDivideByPotWide(int x, int exponent) {
    if (exponent < 0 || exponent > 62) {
      throw new IllegalArgumentException("exponent must be in [0, 62], got " + exponent);
    }
    long mask = (1L << exponent) - 1;
    long remainder = x & mask;
    long threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (int) (((long) x >> exponent) + (remainder > threshold ? 1 : 0));
  }
}
