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

class QuantizeF32S8Test {
  @Test
  void roundsHalfToEvenAndAddsTheZeroPoint() {
    QuantizeF32S8.Params p = new QuantizeF32S8.Params(0.5f, 3);
    // x / 0.5: 0.25 -> 0.5 -> 0; 0.75 -> 1.5 -> 2; 1.25 -> 2.5 -> 2; -0.25 -> -0; -0.75 -> -2;
    // 1.3 -> 2.6 -> 3; -1.3 -> -3
    float[] in = {0.25f, 0.75f, 1.25f, -0.25f, -0.75f, 1.3f, -1.3f};
    byte[] out = QuantizeF32S8.run(p, in);
    assertArrayEquals(new byte[] {3, 5, 5, 3, 1, 6, 0}, out);
  }

  @Test
  void divisionIsFloat32() {
    // 0.7f / 0.2f is 3.4999998882 in double, but the float32 quotient rounds to exactly 3.5,
    // which ties to even: 4 (a double division would give 3).
    QuantizeF32S8.Params p = new QuantizeF32S8.Params(0.2f, 0);
    assertArrayEquals(new byte[] {4}, QuantizeF32S8.run(p, new float[] {0.7f}));
    assertEquals(3, Math.rint(0.7f / (double) 0.2f));
  }

  @Test
  void saturatesAndMapsNanToTheZeroPoint() {
    QuantizeF32S8.Params p = new QuantizeF32S8.Params(0.01f, -7);
    float[] in = {1e9f, -1e9f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        127.4f * 0.01f};
    byte[] out = QuantizeF32S8.run(p, in);
    assertArrayEquals(new byte[] {127, -128, 127, -128, -7, 127 - 7}, out);
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new QuantizeF32S8.Params(0f, 0));
    assertThrows(IllegalArgumentException.class, () -> new QuantizeF32S8.Params(Float.NaN, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new QuantizeF32S8.Params(Float.POSITIVE_INFINITY, 0));
    assertThrows(IllegalArgumentException.class, () -> new QuantizeF32S8.Params(1f, 127 + 1));
  }

  @Test
  void agreesWithRoundingInDouble() {
    Random r = new Random(0x51AB_0000L + 8);
    for (int i = 0; i < 20_000; i++) {
      float scale = (float) Math.pow(10, -4 + 4 * r.nextDouble());
      int zp = -128 + r.nextInt(127 - (-128) + 1);
      float x = (float) ((r.nextDouble() - 0.5) * 2 * scale * (127 + 1) * 1.2);
      float q = x / scale;
      long want = Math.max(-128, Math.min(127, Math.round(Math.rint(q)) + zp));
      QuantizeF32S8.Params p = new QuantizeF32S8.Params(scale, zp);
      assertEquals(want, QuantizeF32S8.run(p, new float[] {x})[0]);
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_F300L + 8);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      float scale = r.nextInt(10) == 0 ? Float.MIN_VALUE * (1 + r.nextInt(100))
          : (float) Math.pow(10, -5 + 6 * r.nextDouble());
      int zp = r.nextInt(4) == 0 ? new int[] {-128, 127, 0}[r.nextInt(3)]
          : -128 + r.nextInt(127 - (-128) + 1);
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 17);
      int n = s[0] * s[1] * s[2] * s[3];
      float[] x = FloatCases.floats(r, n, scale * (127 + 1) * 1.5f);
      if (r.nextInt(4) == 0) {
        // exact ties k + 1/2 times the scale, where rounding direction matters
        for (int j = 0; j < n; j++) {
          x[j] = (r.nextInt(64) - 32 + 0.5f) * 0.25f;
        }
        scale = 0.25f;
      }
      if (r.nextInt(8) == 0) {
        float[] edge = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        x[r.nextInt(n)] = edge[r.nextInt(3)];
      }
      QuantizeF32S8.Params p = new QuantizeF32S8.Params(scale, zp);
      check.add(new Line().add(scale).add(zp).add(s).add(x), QuantizeF32S8.run(p, x));
    }
    check.addError(new Line().add(0f).add(0).add(1, 1, 1, 1).add(1f));
    check.addError(new Line().add(Float.NaN).add(0).add(1, 1, 1, 1).add(1f));
    check.addError(new Line().add(1f).add(127 + 1).add(1, 1, 1, 1).add(1f));
    check.check(dir, "quantize_f32_s8");
  }
}
