package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.DType;
import dev.tenax.kernels.KernelCrossCheck.Line;
import dev.tenax.quant.ActivationRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MulS16Test {
  private static final ActivationRange FULL = ActivationRange.none(DType.INT16);

  @Test
  void multipliesAndSaturates() {
    MulS16.Params p = MulS16.forScales(0.5, 0.25, 0.125, FULL); // scale 1: out = a * b
    assertArrayEquals(new short[] {20000, 32767, -21, 32767, -32768},
        MulS16.run(p, new short[] {100, 300, -3, -32768, -32768},
            new short[] {200, 300, 7, -32768, 32767}));
  }

  @Test
  void roundsTiesUpAndClamps() {
    MulS16.Params half = MulS16.forScales(0.5, 0.25, 0.25, FULL); // scale 1/2
    assertArrayEquals(new short[] {2, -1, 3},
        MulS16.run(half, new short[] {3, -3, 5}, new short[] {1, 1, 1})); // 1.5, -1.5, 2.5
    MulS16.Params relu = MulS16.forScales(0.5, 0.25, 0.125, new ActivationRange(0, 50));
    assertArrayEquals(new short[] {0, 50, 12},
        MulS16.run(relu, new short[] {-3, 10, 3}, new short[] {4, 6, 4}));
  }

  @Test
  void agreesWithFloatMultiplicationRoundedToNearest() {
    double s1 = 0.000371, s2 = 0.000123, so = 0.0000457;
    MulS16.Params p = MulS16.forScales(s1, s2, so, FULL);
    int checked = 0;
    for (int a = -32768; a < 32768; a += 97) {
      for (int b = -32768; b < 32768; b += 89) {
        double real = s1 * a * s2 * b / so;
        double frac = Math.abs(real - Math.floor(real) - 0.5);
        if (frac < 1e-3) {
          continue;
        }
        long expected = Math.max(-32768, Math.min(32767, Math.round(real)));
        assertEquals(expected, MulS16.run(p, new short[] {(short) a}, new short[] {(short) b})[0],
            "a=" + a + " b=" + b);
        checked++;
      }
    }
    assertTrue(checked > 400_000, "checked " + checked);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_A016L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] range = RandomS16.actRange(r);
      if (i % 60 == 17) {
        range = new int[] {range[1], range[0] - 1}; // empty: rejected
      }
      double s1 = KernelCrossCheck.scale(r) / 256;
      double s2 = KernelCrossCheck.scale(r) / 256;
      double so = s1 * s2 * Math.pow(2, -5 + 20 * r.nextDouble());
      MulS16.Params p = new MulS16.Params(0, 0, range[0], range[1]);
      Line line;
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      int n = s[0] * s[1] * s[2] * s[3];
      short[] a = RandomS16.shorts(r, n);
      short[] b = RandomS16.shorts(r, n);
      try {
        p = MulS16.forScales(s1, s2, so, new ActivationRange(range[0], range[1]));
      } catch (IllegalArgumentException ex) {
        // an empty range: keep the raw parameters, which the kernels must reject
      }
      line = new Line().add(p.outputMultiplier(), p.outputShift(), p.actMin(), p.actMax()).add(s)
          .add(a).add(b);
      try {
        check.add(line, MulS16.run(p, a, b));
      } catch (IllegalArgumentException ex) {
        check.addError(line);
      }
    }
    check.check(dir, "mul_s16");
  }
}
