package dev.tenax.lower;

import java.util.ArrayList;
import java.util.List;

/**
 * A transpose in its smallest form: axes of size 1 dropped and runs of source axes that stay
 * together merged, so that, e.g., a 6-axis depth-to-space permutation fits the 4-axis kernels.
 *
 * @param shape the merged source shape
 * @param perm target axis k is merged source axis perm[k]
 */
public record TransposePlan(int[] shape, int[] perm) {
  /**
   * The plan moving a tensor of physical {@code shape} so that target axis k is source axis
   * {@code move[k]}.
   */
  public static TransposePlan of(int[] shape, int[] move) {
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < move.length; k++) {
      if (shape[move[k]] != 1) {
        kept.add(move[k]);
      }
    }
    List<List<Integer>> groups = new ArrayList<>();
    for (int k = 0; k < kept.size(); k++) {
      if (k > 0 && kept.get(k) == nextKept(shape, kept.get(k - 1))) {
        groups.get(groups.size() - 1).add(kept.get(k));
      } else {
        groups.add(new ArrayList<>(List.of(kept.get(k))));
      }
    }
    List<List<Integer>> bySource = new ArrayList<>(groups);
    bySource.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    int[] merged = new int[groups.size()];
    int[] perm = new int[groups.size()];
    for (int i = 0; i < merged.length; i++) {
      int size = 1;
      for (int axis : bySource.get(i)) {
        size *= shape[axis];
      }
      merged[i] = size;
    }
    for (int k = 0; k < perm.length; k++) {
      perm[k] = bySource.indexOf(groups.get(k));
    }
    return new TransposePlan(merged, perm);
  }

  /** The next source axis after {@code axis} that is not of size 1 (or past the end). */
  private static int nextKept(int[] shape, int axis) {
    int a = axis + 1;
    while (a < shape.length && shape[a] == 1) {
      a++;
    }
    return a;
  }

  public int rank() {
    return shape.length;
  }

  /** The plan with an extra innermost axis of {@code size} that stays in place. */
  public TransposePlan withInnerAxis(int size) {
    int[] s = java.util.Arrays.copyOf(shape, shape.length + 1);
    int[] p = java.util.Arrays.copyOf(perm, perm.length + 1);
    s[shape.length] = size;
    p[perm.length] = perm.length;
    return new TransposePlan(s, p);
  }

  /** Shape and perm left-padded to four axes, for {@code tx_transpose_s8}. */
  public int[] shape4() {
    return Layouts.pad4(shape);
  }

  public int[] perm4() {
    int pad = 4 - perm.length;
    int[] p = new int[4];
    for (int k = 0; k < 4; k++) {
      p[k] = k < pad ? k : perm[k - pad] + pad;
    }
    return p;
  }
}
