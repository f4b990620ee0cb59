package dev.tenax.kernels;

/**
 * Concatenation of int8 NHWC tensors along one axis, the specification of {@code tx_concat_s8}.
 * All inputs share the output's quantization (the compiler requantizes any that do not), so this
 * only moves bytes. Inputs agree on every dimension except {@code axis}.
 */
public final class ConcatS8 {
  private ConcatS8() {}

  /** Mirrors {@code tx_concat_s8_params}. */
  public record Params(int axis, int numInputs) {
    public Params {
      if (axis < 0 || axis > 3 || numInputs <= 0) {
        throw new IllegalArgumentException("axis must be in [0, 3] and there must be inputs");
      }
    }
  }

  public static int[] outputShape(Params p, int[][] inShapes) {
    if (inShapes.length != p.numInputs()) {
      throw new IllegalArgumentException("expected " + p.numInputs() + " input shapes");
    }
    int[] out = inShapes[0].clone();
    out[p.axis()] = 0;
    for (int[] s : inShapes) {
      for (int d = 0; d < 4; d++) {
        if (s[d] <= 0 || (d != p.axis() && s[d] != out[d])) {
          throw new IllegalArgumentException("input shapes disagree outside the concat axis");
        }
      }
      out[p.axis()] += s[p.axis()];
    }
    return out;
  }

  public static byte[] run(Params p, int[][] inShapes, byte[][] ins) {
    int[] o = outputShape(p, inShapes);
    byte[] out = new byte[o[0] * o[1] * o[2] * o[3]];
    int offset = 0; // where the current input starts along the axis
    for (int k = 0; k < ins.length; k++) {
      int[] s = inShapes[k];
      for (int n = 0; n < s[0]; n++) {
        for (int y = 0; y < s[1]; y++) {
          for (int x = 0; x < s[2]; x++) {
            for (int c = 0; c < s[3]; c++) {
              int[] at = {n, y, x, c};
              at[p.axis()] += offset;
              out[((at[0] * o[1] + at[1]) * o[2] + at[2]) * o[3] + at[3]] =
                  ins[k][((n * s[1] + y) * s[2] + x) * s[3] + c];
            }
          }
        }
      }
      offset += s[p.axis()];
    }
    return out;
  }
}
