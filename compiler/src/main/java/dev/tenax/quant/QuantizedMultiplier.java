package dev.tenax.quant;

/**
 * A positive real scale factor as the Q31 multiplier and power-of-two shift that integer kernels
 * apply: {@code real ~= multiplier * 2^(shift - 31)}, with {@code multiplier} in
 * {@code [2^30, 2^31)} or 0. A positive shift is a left shift, as in TFLite and CMSIS-NN.
 *
 * <p>The conversion is TFLite's {@code QuantizeMultiplier}: split the value with frexp, round the
 * mantissa half away from zero to 31 bits, renormalize when rounding reaches {@code 2^31}, and flush
 * values that would need a right shift beyond 31 to zero (they scale every int32 accumulator to
 * less than one half anyway).
 *
 * @param multiplier the Q31 mantissa, in {@code [2^30, 2^31)}, or 0 for a flushed scale
 * @param shift the exponent, in {@code [MIN_SHIFT, MAX_SHIFT]}; 0 when {@code multiplier} is 0
 */
public record QuantizedMultiplier(int multiplier, int shift) {
  /** The largest right shift CMSIS-NN's requantization accepts (a rounding divide by 2^31). */
  public static final int MIN_SHIFT = -31;

  /** The largest left shift CMSIS-NN's {@code arm_nn_requantize} documents. */
  public static final int MAX_SHIFT = 30;

  /** The largest left shift of the 64-bit accumulator path ({@code arm_nn_requantize_s64}). */
  public static final int MAX_SHIFT_S64 = 7;

  public QuantizedMultiplier {
    boolean normalized = multiplier >= (1 << 30) && shift >= MIN_SHIFT && shift <= MAX_SHIFT;
    if (!(normalized || (multiplier == 0 && shift == 0))) {
      throw new IllegalArgumentException("not a normalized Q31 multiplier: multiplier=" + multiplier
          + ", shift=" + shift + "; expected multiplier in [2^30, 2^31) and shift in ["
          + MIN_SHIFT + ", " + MAX_SHIFT + "], or 0 and 0");
    }
  }

  /** The multiplier and shift nearest to {@code real}, exactly as TFLite's QuantizeMultiplier. */
  public static QuantizedMultiplier of(double real) {
    if (Double.isNaN(real) || Double.isInfinite(real) || real < 0) {
      throw new IllegalArgumentException("a requantization scale must be a finite value >= 0, got "
          + real + "; check the input, weight and output scales of this layer");
    }
    if (real < Double.MIN_NORMAL) {
      return new QuantizedMultiplier(0, 0); // zero, or subnormal: far below 2^-31
    }
    // frexp: real = fraction * 2^exponent with fraction in [0.5, 1); scalb is exact here.
    int exponent = Math.getExponent(real) + 1;
    double fraction = Math.scalb(real, -exponent);
    long fixed = Math.round(Math.scalb(fraction, 31)); // fraction * 2^31 is exact and positive
    if (fixed == (1L << 31)) {
      fixed >>= 1;
      exponent++;
    }
    if (exponent < MIN_SHIFT) {
      return new QuantizedMultiplier(0, 0);
    }
    if (exponent > MAX_SHIFT) {
      throw new IllegalArgumentException("requantization scale " + real + " needs a left shift of "
          + exponent + " bits but CMSIS-NN-style requantization allows at most " + MAX_SHIFT
          + "; the scales of this layer are inconsistent (output scale far smaller than input"
          + " scale times weight scale)");
    }
    return new QuantizedMultiplier((int) fixed, exponent);
  }

  /** The real value this pair represents, {@code multiplier * 2^(shift - 31)}. */
  public double value() {
    return Math.scalb((double) multiplier, shift - 31);
  }

  /**
   * The Q15 multiplier of the 64-bit accumulator path (CMSIS-NN's {@code REDUCE_MULTIPLIER}):
   * the top 16 bits rounded half up, saturated at {@code 0x7FFF} where rounding would carry out.
   */
  public int reduced() {
    return reduce(multiplier);
  }

  /** {@link #reduced()} for a raw Q31 multiplier {@code >= 0}. */
  public static int reduce(int q31Multiplier) {
    if (q31Multiplier < 0) {
      throw new IllegalArgumentException("a Q31 multiplier must be >= 0, got " + q31Multiplier);
    }
    return q31Multiplier < 0x7FFF0000 ? (q31Multiplier + (1 << 15)) >> 16 : 0x7FFF;
  }
}
