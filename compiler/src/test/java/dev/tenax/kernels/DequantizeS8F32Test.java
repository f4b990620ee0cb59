package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DequantizeS8F32Test {
  @Test
  void subtractsTheZeroPointThenScales() {
    DequantizeS8F32.Params p = new DequantizeS8F32.Params(0.5f, -3);
    float[] out = DequantizeS8F32.run(p, new byte[] {-3, 0, 127, -128, 7});
    assertArrayEquals(new float[] {0f, 1.5f, (127 + 3) * 0.5f, (-128 + 3) * 0.5f, 5f}, out);
  }

  @Test
  void roundsOnceLikeTheFloatReference() {
    // (q - zp) is exact in float, so the result is the float product rounded once from double.
    Random r = new Random(0xDE0_0000L + 8);
    for (int i = 0; i < 20_000; i++) {
      float scale = (float) Math.pow(10, -6 + 6 * r.nextDouble());
      int zp = -128 + r.nextInt(127 - (-128) + 1);
      byte q = (byte) (-128 + r.nextInt(127 - (-128) + 1));
      float want = (float) ((double) (q - zp) * scale);
      DequantizeS8F32.Params p = new DequantizeS8F32.Params(scale, zp);
      assertEquals(want, DequantizeS8F32.run(p, new byte[] {q})[0]);
    }
  }


  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_DE00L + 8);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      float scale = r.nextInt(10) == 0 ? Float.MIN_VALUE * (1 + r.nextInt(100))
          : (float) Math.pow(10, -6 + 8 * r.nextDouble());
      int zp = r.nextInt(4) == 0 ? new int[] {-128, 127, 0}[r.nextInt(3)]
          : -128 + r.nextInt(127 - (-128) + 1);
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 17);
      int n = s[0] * s[1] * s[2] * s[3];
      byte[] q = RandomQuant.bytes(r, n);
      DequantizeS8F32.Params p = new DequantizeS8F32.Params(scale, zp);
      check.add(new Line().add(scale).add(zp).add(s).add(q), DequantizeS8F32.run(p, q));
    }
    check.addError(new Line().add(1f).add(-128 - 1).add(1, 1, 1, 1).add(1));
    check.check(dir, "dequantize_s8_f32");
  }
}
