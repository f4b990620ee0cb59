package dev.tenax.codegen;

import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Step;
import dev.tenax.lower.steps.FullyConnectedS8Step;
import dev.tenax.target.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cortex-M DSP fully-connected operand format for small layers, widened rows
 * (runtime-c/include/tx_arm_dsp_fc_wide.h): row {@code o} of {@code n} inputs is {@code n / 2 + 4}
 * int32 words, the bias, the weights widened to int16 pairs in the order SMLAD takes the expanded
 * inputs ({@code (w0, w2), (w1, w3)} per group of four, low halfword first), then the multiplier,
 * {@code C = (2 zp + 1) * 2^(k-1)} and {@code k = -1 - shift} of the 32-bit output stage
 * (tx_arm_dsp_requant.h). The kernel then spends no SXTB16 on weights and loads a row's output
 * stage with its weights, which takes rows of 8 inputs from about 3.1 to about 1.3 instructions
 * per MAC on cortex-m4. The call passes the rows in place of the bias, NULL weights and no
 * multiplier or shift tables; the reference kernel refuses NULL weights, so a wrong pick fails
 * the run instead of computing something else.
 *
 * <p>Only where it pays and costs little flash: rows of 8 or of a multiple of 32 inputs, at most
 * {@link #MAX_WIDE_WEIGHT_BYTES} of widened weights, every shift inside the output stage's range
 * [-23, -2]. Rows are independent, so the rows of a tile (or of its run-time halves) are a run of
 * the whole's and point into its array. The Java evaluator keeps the plain operands: they are the
 * specification.
 */
public final class CortexMFcOperands {
  private CortexMFcOperands() {}

  /** The largest layer in this format: its weights widened to int16 (twice the int8 bytes). */
  public static final int MAX_WIDE_WEIGHT_BYTES = 4096;

  /** Whether {@code s} is a layer the DSP kernel takes as widened rows, whatever the core. */
  public static boolean fits(FullyConnectedS8Step s) {
    return fits(s.inFeatures(), s.weights().length, s.params().shifts());
  }

  /** Whether a layer of rows of {@code n} inputs, {@code weights} int8 weights and these shifts fits. */
  static boolean fits(int n, int weights, int[] shifts) {
    if (!(n == 8 || (n > 0 && n % 32 == 0)) || 2L * weights > MAX_WIDE_WEIGHT_BYTES) {
      return false;
    }
    for (int shift : shifts) {
      if (shift < -23 || shift > -2) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code target}'s projects get the fully-connected kernel that reads this format. */
  public static boolean appliesTo(Target target) {
    return RuntimeSources.resourcePath("tx_fully_connected_s8.c", target)
        .startsWith(RuntimeSources.ARM_DSP);
  }

  /** The arguments of {@code s} as {@code target}'s kernel reads them, else {@code otherwise}. */
  static List<CArg> args(Step s, Target target, List<CArg> otherwise) {
    if (!(s instanceof FullyConnectedS8Step fc) || !fits(fc) || !appliesTo(target)) {
      return otherwise;
    }
    List<CArg> args = new ArrayList<>(fc.args());
    CArg.Struct params = (CArg.Struct) args.get(0);
    // the rows carry the output stage: no multiplier and shift tables (NULL in the struct)
    args.set(0, new CArg.Struct(params.type(), params.fields().stream()
        .filter(f -> !f.name().equals("multipliers") && !f.name().equals("shifts")).toList()));
    args.set(3, new CArg.Null());
    args.set(4, new CArg.Const(ConstArray.int32("rows", rows(fc.weights(), fc.bias(), fc.inFeatures(),
        fc.params().multipliers(), fc.params().shifts(), fc.params().outputOffset()))));
    return args;
  }

  /**
   * The widened rows of weights {@code [out][n]} ({@code n} a multiple of 4) with their bias (a
   * missing bias counts as zeros), multipliers, shifts (each in [-23, -2]) and output zero point.
   */
  public static int[] rows(byte[] w, int[] bias, int n, int[] multipliers, int[] shifts, int zeroPoint) {
    if (n <= 0 || n % 4 != 0 || w.length % n != 0) {
      throw new IllegalArgumentException(w.length + " weights are not rows of " + n + " (a multiple of 4)");
    }
    int out = w.length / n;
    if ((bias != null && bias.length != out) || multipliers.length != out || shifts.length != out) {
      throw new IllegalArgumentException("the bias and scales do not match " + out + " rows");
    }
    int words = n / 2 + 4;
    int[] rows = new int[out * words];
    for (int o = 0; o < out; o++) {
      int at = o * words;
      rows[at++] = bias != null ? bias[o] : 0;
      for (int g = o * n; g < (o + 1) * n; g += 4) {
        rows[at++] = pair(w[g], w[g + 2]);
        rows[at++] = pair(w[g + 1], w[g + 3]);
      }
      int k = -1 - shifts[o];
      if (k < 1 || k > 22) {
        throw new IllegalArgumentException("shift " + shifts[o] + " is outside the output stage's [-23, -2]");
      }
      rows[at++] = multipliers[o];
      rows[at++] = (2 * zeroPoint + 1) * (1 << (k - 1));
      rows[at] = k;
    }
    return rows;
  }

  /** Two int8 values widened to int16 halfwords, {@code lo} in the low one. */
  private static int pair(byte lo, byte hi) {
    return (lo & 0xFFFF) | (hi << 16);
  }
}
