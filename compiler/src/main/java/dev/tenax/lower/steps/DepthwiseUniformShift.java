package dev.tenax.lower.steps;

import dev.tenax.kernels.DepthwiseConv2dS8;

/**
 * The single output shifts {@code S} a depthwise layer can use for all its channels instead of
 * their own shifts: the mirror of {@code dw_uniform_fits} (runtime-c/include/tx_arm_dsp_dw_planar.h),
 * which decides it per call. Channel {@code c} then has its weights and bias scaled by
 * {@code 2^j, j = shifts[c] - S}: its sums are that power of two times the channel's, and the
 * output stage's floor of {@code (sum * m + C 2^32) / 2^(32 + k)} divides numerator and
 * denominator by the same power, so the bits do not change, as long as
 * <ul>
 *   <li>{@code 0 <= j <= 8}: a scaled weight stays int16 (128 * 2^8 = 2^15), which the Cortex-M
 *       DSP kernels multiply with SMLAD;</li>
 *   <li>every scaled sum stays inside int32, which the run-time check bounds without reading the
 *       weights: {@code (|bias| + taps * 128 * maxInput) * 2^j <= 2^31 - 1};</li>
 *   <li>{@code S} is a shift of the 32-bit output stage, in [-23, -2].</li>
 * </ul>
 * The planar 3x3 kernels then shift by an immediate (runtime-c/include/tx_arm_dsp_dw_uniform.h): the
 * compiler picks one {@code S} for a build ({@code codegen.DspKernelPaths}).
 */
public record DepthwiseUniformShift(int lo, int hi) {
  /** None. */
  public static final DepthwiseUniformShift NONE = new DepthwiseUniformShift(0, 0);

  /** The output stage's shifts (tx_arm_dsp_requant.h, stage 1). */
  public static final int MIN_SHIFT = -23;
  public static final int MAX_SHIFT = -2;
  /** How far a channel's weights may be scaled up and stay int16. */
  static final int MAX_SCALE_BITS = 8;

  /** Whether {@code s} is one of these shifts. */
  public boolean contains(int s) {
    return hi <= MAX_SHIFT && lo <= s && s <= hi;
  }

  /** Whether there is none. */
  public boolean isEmpty() {
    return !contains(hi);
  }

  /**
   * The uniform shifts of a layer of multiplier 1 (none for other multipliers).
   *
   * @param filterShape {@code (1, kh, kw, outC)}
   * @param bias {@code [outC]}, or null
   */
  public static DepthwiseUniformShift of(DepthwiseConv2dS8.Params p, int[] filterShape, int[] bias) {
    int[] shifts = p.shifts();
    if (p.channelMultiplier() != 1 || shifts.length == 0) {
      return NONE;
    }
    // x + input offset, x in [-128, 127], times weights of at most 128
    long maxInput = Math.max(Math.abs(-128L + p.inputOffset()), Math.abs(127L + p.inputOffset()));
    long products = (long) filterShape[1] * filterShape[2] * 128 * maxInput;
    int lo = MIN_SHIFT;
    int hi = MAX_SHIFT;
    for (int c = 0; c < shifts.length; c++) {
      int s = shifts[c];
      if (s < MIN_SHIFT || s > MAX_SHIFT) {
        return NONE;
      }
      long b = bias == null ? 0 : Math.abs((long) bias[c]);
      int bits = -1;
      while (bits < MAX_SCALE_BITS && b <= (Integer.MAX_VALUE >> (bits + 1)) - products) {
        bits++;
      }
      if (bits < 0) {
        return NONE;
      }
      hi = Math.min(hi, s);
      lo = Math.max(lo, s - bits);
    }
    return lo <= hi ? new DepthwiseUniformShift(lo, hi) : NONE;
  }
}
