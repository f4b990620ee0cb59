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

class SigmoidS8Test {
  private static final int[] ROW5 = {1, 1, 1, 5};

  @Test
  void mapsThroughTfliteOutputQuantization() {
    // input scale 0.1, zero point 0; TFLite's output 1/256, zero point -128
    SigmoidS8.Params p = SigmoidS8.forScales(0.1, 0, 1.0 / 256, -128);
    byte[] out = SigmoidS8.run(p, ROW5, new byte[] {0, 10, -10, 127, -128});
    // 0.5 * 256 = 128 -> 0; 0.7310586 * 256 = 187.15 -> 59; 0.2689414 * 256 = 68.85 -> -59;
    // 0.999997 * 256 rounds to 256 -> 128 saturates at 127; 2.8e-6 * 256 -> 0 -> -128
    assertArrayEquals(new byte[] {0, 59, -59, 127, -128}, out);
  }

  @Test
  void honoursAnyOutputQuantizationAndInputZeroPoint() {
    // input scale 0.25, zero point -20; output scale 0.01, zero point 40
    SigmoidS8.Params p = SigmoidS8.forScales(0.25, -20, 0.01, 40);
    byte[] out = SigmoidS8.run(p, ROW5, new byte[] {-20, -16, -24, 127, -128});
    // 0.5 / 0.01 = 50 -> 90 ; sigmoid(1) = 0.731 -> 73 -> 113; sigmoid(-1) = 0.269 -> 27 -> 67;
    // ~1 -> 100 + 40 = 140 saturates; sigmoid(-27) ~ 0 -> 40
    assertArrayEquals(new byte[] {90, 113, 67, 127, 40}, out);
  }

  @Test
  void tableRoundsHalfAwayFromZero() {
    byte[] t = LookupTableS8.table(0.5, 0, 1.0, 0, x -> x);
    assertEquals(1, t[128 + 1]);   // 0.5
    assertEquals(-1, t[128 - 1]);  // -0.5
    assertEquals(2, t[128 + 3]);   // 1.5
    assertEquals(-2, t[128 - 3]);  // -1.5
  }

  @Test
  void agreesWithFloatEverywhere() {
    double si = 0.0371, so = 1.0 / 256;
    int zi = 17, zo = -128;
    SigmoidS8.Params p = SigmoidS8.forScales(si, zi, so, zo);
    byte[] all = new byte[256];
    for (int q = -128; q < 128; q++) {
      all[q + 128] = (byte) q;
    }
    byte[] out = SigmoidS8.run(p, new int[] {1, 16, 16, 1}, all);
    for (int q = -128; q < 128; q++) {
      double real = 1 / (1 + Math.exp(-si * (q - zi))) / so;
      long expected = Math.max(-128, Math.min(127, Math.round(real) + zo));
      assertEquals(expected, out[q + 128], "q=" + q);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new SigmoidS8.Params(new byte[255]));
    assertThrows(IllegalArgumentException.class, () -> SigmoidS8.forScales(0, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> SigmoidS8.forScales(1, 0, 1, 128));
    SigmoidS8.Params p = SigmoidS8.forScales(0.1, 0, 1.0 / 256, -128);
    assertThrows(IllegalArgumentException.class, () -> SigmoidS8.run(p, new int[] {1, 1, 1, 2}, new byte[3]));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_5106L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      double inScale = Math.pow(10, -2.5 + 2 * r.nextDouble());
      boolean tflite = r.nextBoolean();
      SigmoidS8.Params p = SigmoidS8.forScales(inScale, KernelCrossCheck.zeroPoint(r),
          tflite ? 1.0 / 256 : KernelCrossCheck.scale(r), tflite ? -128 : KernelCrossCheck.zeroPoint(r));
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      byte[] in = RandomQuant.bytes(r, s[0] * s[1] * s[2] * s[3]);
      check.add(new Line().vector(p.table()).add(s).add(in), SigmoidS8.run(p, s, in));
    }
    check.check(dir, "sigmoid_s8");
  }
}
