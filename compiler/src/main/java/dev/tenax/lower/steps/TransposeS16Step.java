package dev.tenax.lower.steps;

import dev.tenax.kernels.TransposeS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.TransposePlan;
import dev.tenax.lower.View;
import java.util.List;

/**
 * Moves int16 data between layouts with {@code tx_transpose_s8} on its bytes: axes that stay
 * together are merged, and each element's two bytes become an innermost axis that stays in
 * place, so any permutation that merges to at most three axes fits the byte kernel's four. The
 * Java side runs the same byte transpose, so it is the kernel's twin on any byte order.
 */
public record TransposeS16Step(String node, int[] byteShape, int[] bytePerm, View in, View out)
    implements UnaryStep {
  /**
   * The step moving {@code in} (physical shape {@code shape}) so that target axis k is source
   * axis {@code move[k]}, or null when the permutation does not merge to three axes.
   */
  public static TransposeS16Step of(String node, int[] move, View in, View out) {
    TransposePlan plan = TransposePlan.of(in.shape(), move);
    if (plan.rank() > 3) {
      return null;
    }
    TransposePlan bytes = plan.withInnerAxis(2);
    return new TransposeS16Step(node, bytes.shape4(), bytes.perm4(), in, out);
  }

  @Override
  public String kernel() {
    return "tx_transpose_s8";
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
