package dev.tenax.lower.steps;

import dev.tenax.kernels.TransposeS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves int16 data between layouts with {@code tx_transpose_s8} on its bytes: axes that stay
 * together are merged, and each element's two bytes become an innermost axis that stays in
 * place, so any permutation that merges to at most three axes fits the byte kernel's four. The
 * Java side runs the same byte transpose, so it is the kernel's twin on any byte order.
 */
public record TransposeS16Step(String node, int[] byteShape, int[] bytePerm, View in, View out)
    implements Step {
  /**
   * The step moving {@code in} (physical shape {@code shape}) so that target axis k is source
   * axis {@code move[k]}, or null when the permutation does not merge to three axes.
   */
  public static TransposeS16Step of(String node, int[] move, View in, View out) {
    int[] shape = in.shape();
    // Groups of source axes that stay adjacent and in order in the target.
    List<List<Integer>> groups = new ArrayList<>();
    for (int k = 0; k < move.length; k++) {
      if (k > 0 && move[k] == move[k - 1] + 1) {
        groups.get(groups.size() - 1).add(move[k]);
      } else {
        groups.add(new ArrayList<>(List.of(move[k])));
      }
    }
    if (groups.size() > 3) {
      return null;
    }
    // Order groups by their first source axis: that is the merged source shape.
    List<List<Integer>> bySource = new ArrayList<>(groups);
    bySource.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    int n = bySource.size();
    int[] byteShape = new int[n + 1];
    int[] bytePerm = new int[n + 1];
    for (int i = 0; i < n; i++) {
      int size = 1;
      for (int axis : bySource.get(i)) {
        size *= shape[axis];
      }
      byteShape[i] = size;
    }
    byteShape[n] = 2;
    for (int k = 0; k < n; k++) {
      bytePerm[k] = bySource.indexOf(groups.get(k));
    }
    bytePerm[n] = n;
    return new TransposeS16Step(node, pad4(byteShape), pad4Perm(bytePerm), in, out);
  }

  private static int[] pad4(int[] s) {
    int[] p = {1, 1, 1, 1};
    System.arraycopy(s, 0, p, 4 - s.length, s.length);
    return p;
  }

  private static int[] pad4Perm(int[] perm) {
    int pad = 4 - perm.length;
    int[] p = new int[4];
    for (int k = 0; k < 4; k++) {
      p[k] = k < pad ? k : perm[k - pad] + pad;
    }
    return p;
  }

  @Override
  public String kernel() {
    return "tx_transpose_s8";
  }

  @Override
  public List<View> reads() {
    return List.of(in);
  }

  @Override
  public View write() {
    return out;
  }

  @Override
  public void execute(Memory m) {
    short[] x = m.shorts(in);
    byte[] bytes = new byte[x.length * 2];
    for (int i = 0; i < x.length; i++) {
      bytes[2 * i] = (byte) x[i];
      bytes[2 * i + 1] = (byte) (x[i] >> 8);
    }
    byte[] moved = TransposeS8.run(new TransposeS8.Params(bytePerm), byteShape, bytes);
    short[] y = new short[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (short) ((moved[2 * i] & 0xFF) | (moved[2 * i + 1] << 8));
    }
    m.put(out, y);
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct("tx_transpose_s8_params", List.of(new CArg.Field("perm", bytePerm))),
        new CArg.Shape(byteShape), new CArg.ByteData(in, false), new CArg.ByteData(out, true));
  }
}
