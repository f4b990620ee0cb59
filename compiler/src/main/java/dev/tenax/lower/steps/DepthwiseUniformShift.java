package dev.tenax.lower.steps;

import dev.tenax.kernels.DepthwiseConv2dS8;

/**
 * The single output shifts {@code S} a depthwise layer can use for all its channels instead of
 * their own shifts (fields {@code uniform_shift_lo/hi} of {@code tx_depthwise_conv2d_s8_params}).
 * Channel {@code c} then has its weights and bias scaled by {@code 2^(shifts[c] - S)}: its sums
 * are that power of two times the channel's, and the output stage's floor of {@code (sum * m +
 * C 2^32) / 2^(32 + k)} divides numerator and denominator by the same power, so the bits do not
 * change, as long as
 * <ul>
 *   <li>{@code S <= shifts[c] <= S + 8}: a scaled weight stays int16 (128 * 2^8 = 2^15), which
 *       the Cortex-M DSP kernels multiply with SMLAD;</li>
 *   <li>every scaled sum stays inside int32: {@code (|bias| + maxInput * sum |w|) * 2^j < 2^31};
 *       </li>
 *   <li>{@code S} is a shift of the 32-bit output stage, in [-23, -2].</li>
 * </ul>
 * The planar 3x3 kernels then shift by an immediate (runtime-c/include/tx_arm_dsp_dw3x3.h): the
 * compiler picks one {@code S} for a model ({@code codegen.DspKernelPaths}).
 */
public record DepthwiseUniformShift(int lo, int hi) {
  /** No uniform shift (what the C struct's zero-initialized fields also mean). */
  public static final DepthwiseUniformShift NONE = new DepthwiseUniformShift(0, 0);

  /** The output stage's shifts (tx_arm_dsp_requant.h, stage 1). */
  static final int MIN_SHIFT = -23;
  static final int MAX_SHIFT = -2;
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
   * @param filter {@code [1][kh][kw][outC]}
   * @param bias {@code [outC]}, or null
   */
  public static DepthwiseUniformShift of(DepthwiseConv2dS8.Params p, int[] filterShape, byte[] filter,
      int[] bias) {
    int[] shifts = p.shifts();
    int ch = shifts.length;
    if (p.channelMultiplier() != 1 || ch == 0) {
      return NONE;
    }
    int taps = filterShape[1] * filterShape[2];
    // x + input offset, x in [-128, 127]
    long maxInput = Math.max(Math.abs(-128L + p.inputOffset()), Math.abs(127L + p.inputOffset()));
    int lo = MIN_SHIFT;
    int hi = MAX_SHIFT;
    for (int c = 0; c < ch; c++) {
      int s = shifts[c];
      if (s < MIN_SHIFT || s > MAX_SHIFT) {
        return NONE;
      }
      long weights = 0;
      for (int t = 0; t < taps; t++) {
        weights += Math.abs(filter[t * ch + c]);
      }
      long sum = (bias == null ? 0 : Math.abs((long) bias[c])) + maxInput * weights;
      int bits = 0;
      while (bits < MAX_SCALE_BITS && (sum << (bits + 1)) <= Integer.MAX_VALUE) {
        bits++;
      }
      if ((sum << bits) > Integer.MAX_VALUE) {
        return NONE;
      }
      hi = Math.min(hi, s);
      lo = Math.max(lo, s - bits);
    }
    return lo <= hi ? new DepthwiseUniformShift(lo, hi) : NONE;
  }
}
