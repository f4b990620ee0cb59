package dev.tenax.kernels;

/**
 * Permutation of the axes of an int8 tensor of up to four dimensions, the specification of
 * {@code tx_transpose_s8}: output dimension {@code d} is input dimension {@code perm[d]}. Tensors
 * of lower rank are given leading dimensions of size 1 and the permutation keeps them in place.
 */
public final class TransposeS8 {
  private TransposeS8() {}

  /** Mirrors {@code tx_transpose_s8_params}. */
  public record Params(int[] perm) {
    public Params {
      if (perm.length != 4) {
        throw new IllegalArgumentException("a permutation of four axes is expected");
      }
      boolean[] seen = new boolean[4];
      for (int a : perm) {
        if (a < 0 || a > 3 || seen[a]) {
          throw new IllegalArgumentException("not a permutation of 0..3");
        }
        seen[a] = true;
      }
      perm = perm.clone();
    }
  }

  public static int[] outputShape(Params p, int[] inShape) {
    int[] out = new int[4];
    for (int d = 0; d < 4; d++) {
      out[d] = inShape[p.perm()[d]];
    }
    return out;
  }

  public static byte[] run(Params p, int[] inShape, byte[] in) {
    int[] o = outputShape(p, inShape);
    byte[] out = new byte[in.length];
    int[] src = new int[4];
    int i = 0;
    for (int a = 0; a < o[0]; a++) {
      for (int b = 0; b < o[1]; b++) {
        for (int c = 0; c < o[2]; c++) {
          for (int d = 0; d < o[3]; d++) {
            src[p.perm()[0]] = a;
            src[p.perm()[1]] = b;
            src[p.perm()[2]] = c;
            src[p.perm()[3]] = d;
            out[i++] = in[((src[0] * inShape[1] + src[1]) * inShape[2] + src[2]) * inShape[3] + src[3]];
          }
        }
      }
    }
    return out;
  }
}
