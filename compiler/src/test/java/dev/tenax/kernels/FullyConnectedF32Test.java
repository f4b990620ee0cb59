package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullyConnectedF32Test {
  private static final FullyConnectedF32.Params NONE = FullyConnectedF32.Params.NONE;

  @Test
  void multipliesAddsBiasAndClamps() {
    // 2 batches x 3 features -> 2 outputs
    float[] x = {1f, 2f, 3f, -1f, 0.5f, 0f};
    float[] w = {1f, 0f, -1f, 0.5f, 0.5f, 0.5f};
    float[] bias = {10f, -1f};
    int[] in = {2, 1, 1, 3};
    int[] out = {2, 1, 1, 2};
    assertArrayEquals(new float[] {8f, 2f, 9f, -1.25f},
        FullyConnectedF32.run(NONE, in, x, w, bias, out));
    assertArrayEquals(new float[] {-2f, 3f, -1f, -0.25f},
        FullyConnectedF32.run(NONE, in, x, w, null, out));
    assertArrayEquals(new float[] {0f, 3f, 0f, 0f},
        FullyConnectedF32.run(new FullyConnectedF32.Params(0f, 6f), in, x, w, null, out));
  }

  @Test
  void accumulatesInIndexOrderThenAddsTheBias() {
    // 1e8 + 1 - 1e8: in index order 1e8 + 1 rounds to 1e8, so the sum is 0, then + bias 1 = 1;
    // starting from the bias or summing in double would give 2 or 1 + 1.
    float[] got = FullyConnectedF32.run(NONE, new int[] {1, 1, 1, 3}, new float[] {1e8f, 1f, -1e8f},
        new float[] {1f, 1f, 1f}, new float[] {1f}, new int[] {1, 1, 1, 1});
    assertEquals(1f, got[0]);
  }

  @Test
  void rejectsBadShapesAndRanges() {
    assertThrows(IllegalArgumentException.class, () -> new FullyConnectedF32.Params(1f, 0f));
    assertThrows(IllegalArgumentException.class, () -> FullyConnectedF32.run(NONE,
        new int[] {1, 1, 1, 2}, new float[2], new float[3], null, new int[] {1, 1, 1, 2}));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_FCF3L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] in = KernelCrossCheck.shape(r, 3, 3, 3, 20);
      int[] out = {in[0], 1, 1, 1 + r.nextInt(16)};
      int features = in[1] * in[2] * in[3];
      float[] x = FloatCases.floats(r, in[0] * features, FloatCases.range(r));
      float[] w = FloatCases.floats(r, out[3] * features, FloatCases.range(r));
      float[] bias = r.nextInt(4) == 0 ? null : FloatCases.floats(r, out[3], FloatCases.range(r));
      FullyConnectedF32.Params p = NONE;
      if (r.nextBoolean()) {
        float a = (float) r.nextGaussian() * 100;
        float b = (float) r.nextGaussian() * 100;
        p = new FullyConnectedF32.Params(Math.min(a, b), Math.max(a, b));
      }
      Line line = new Line().add(p.actMin(), p.actMax()).add(in).add(out).add(x).add(w);
      line = bias == null ? line.add(0) : line.add(bias.length).add(bias);
      check.add(line, FullyConnectedF32.run(p, in, x, w, bias, out));
    }
    check.addError(new Line().add(1f, 0f).add(1, 1, 1, 1).add(1, 1, 1, 1).add(1f).add(1f).add(0));
    check.addError(new Line().add(0f, 1f).add(1, 1, 1, 1).add(2, 1, 1, 1).add(1f).add(1f).add(0));
    check.check(dir, "fully_connected_f32");
  }
}
