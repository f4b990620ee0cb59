package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DequantizeS16F32Test {
  @Test
  void subtractsTheZeroPointThenScales() {
    DequantizeS16F32.Params p = new DequantizeS16F32.Params(0.5f, -3);
    float[] out = DequantizeS16F32.run(p, new short[] {-3, 0, 32767, -32768, 7});
    assertArrayEquals(new float[] {0f, 1.5f, (32767 + 3) * 0.5f, (-32768 + 3) * 0.5f, 5f}, out);
  }

  @Test
  void roundsOnceLikeTheFloatReference() {
    // (q - zp) is exact in float, so the result is the float product rounded once from double.
    Random r = new Random(0xDE0_0000L + 16);
    for (int i = 0; i < 20_000; i++) {
      float scale = (float) Math.pow(10, -6 + 6 * r.nextDouble());
      int zp = -32768 + r.nextInt(32767 - (-32768) + 1);
      short q = (short) (-32768 + r.nextInt(32767 - (-32768) + 1));
      float want = (float) ((double) (q - zp) * scale);
      DequantizeS16F32.Params p = new DequantizeS16F32.Params(scale, zp);
      assertEquals(want, DequantizeS16F32.run(p, new short[] {q})[0]);
    }
  }

  static short[] shorts(Random r, int n) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) r.nextInt(1 << 16);
    }
    return s;
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_DE00L + 16);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      float scale = r.nextInt(10) == 0 ? Float.MIN_VALUE * (1 + r.nextInt(100))
          : (float) Math.pow(10, -6 + 8 * r.nextDouble());
      int zp = r.nextInt(4) == 0 ? new int[] {-32768, 32767, 0}[r.nextInt(3)]
          : -32768 + r.nextInt(32767 - (-32768) + 1);
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 17);
      int n = s[0] * s[1] * s[2] * s[3];
      short[] q = shorts(r, n);
      DequantizeS16F32.Params p = new DequantizeS16F32.Params(scale, zp);
      check.add(new Line().add(scale).add(zp).add(s).add(q), DequantizeS16F32.run(p, q));
    }
    check.addError(new Line().add(1f).add(-32768 - 1).add(1, 1, 1, 1).add(1));
    check.check(dir, "dequantize_s16_f32");
  }
}
