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
    return CopyMaps.concatShape(p.axis(), p.numInputs(), inShapes);
  }

  public static byte[] run(Params p, int[][] inShapes, byte[][] ins) {
    int[] map = CopyMaps.concat(p.axis(), p.numInputs(), inShapes);
    return CopyMaps.gather(map, CopyMaps.join(inShapes, ins), 0);
  }
}
