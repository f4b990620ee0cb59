package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TanhS8Test {
  @Test
  void mapsThroughTfliteOutputQuantization() {
    // input scale 0.05, zero point 3; TFLite's output 1/128, zero point 0
    TanhS8.Params p = TanhS8.forScales(0.05, 3, 1.0 / 128, 0);
    byte[] out = TanhS8.run(p, new int[] {1, 1, 5, 1}, new byte[] {3, 23, -17, 127, -128});
    // 0; tanh(1) * 128 = 97.48 -> 97; -97; tanh(6.2) * 128 = 127.9995 -> 128 saturates; -128
    assertArrayEquals(new byte[] {0, 97, -97, 127, -128}, out);
  }

  @Test
  void honoursAnyOutputQuantization() {
    TanhS8.Params p = TanhS8.forScales(0.5, 0, 0.02, -30);
    byte[] out = TanhS8.run(p, new int[] {1, 1, 1, 3}, new byte[] {0, 1, -1});
    // 0 -> -30; tanh(0.5) / 0.02 = 23.106 -> 23 - 30 = -7; -23 - 30 = -53
    assertArrayEquals(new byte[] {-30, -7, -53}, out);
  }

  @Test
  void agreesWithFloatEverywhere() {
    double si = 0.0213, so = 0.0077;
    int zi = -40, zo = 5;
    TanhS8.Params p = TanhS8.forScales(si, zi, so, zo);
    byte[] all = new byte[256];
    for (int q = -128; q < 128; q++) {
      all[q + 128] = (byte) q;
    }
    byte[] out = TanhS8.run(p, new int[] {2, 2, 2, 32}, all);
    for (int q = -128; q < 128; q++) {
      double real = Math.tanh(si * (q - zi)) / so;
      long expected = Math.max(-128, Math.min(127, Math.round(real) + zo));
      assertEquals(expected, out[q + 128], "q=" + q);
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_7A17L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      double inScale = Math.pow(10, -2.5 + 2 * r.nextDouble());
      boolean tflite = r.nextBoolean();
      TanhS8.Params p = TanhS8.forScales(inScale, KernelCrossCheck.zeroPoint(r),
          tflite ? 1.0 / 128 : KernelCrossCheck.scale(r), tflite ? 0 : KernelCrossCheck.zeroPoint(r));
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      byte[] in = RandomQuant.bytes(r, s[0] * s[1] * s[2] * s[3]);
      check.add(new Line().vector(p.table()).add(s).add(in), TanhS8.run(p, s, in));
    }
    check.check(dir, "tanh_s8");
  }
}
