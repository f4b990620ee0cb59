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

class MulS8Test {
  private static final ActivationRange FULL = ActivationRange.none(DType.INT8);

  @Test
  void multipliesRealValuesAndSaturates() {
    // input 1: scale 0.5, zero point 1; input 2: scale 0.2, zero point -2; output 0.1, zp 3
    MulS8.Params p = MulS8.forScales(0.5, 1, 0.2, -2, 0.1, 3, FULL);
    byte[] out = MulS8.run(p, new byte[] {5, 1, 127, -128, -1}, new byte[] {8, 100, 127, 127, 3});
    // 2 * 2 = 4 -> 40 + 3; 0 -> 3; 63 * 25.8 saturates; -64.5 * 25.8 saturates; -1 * 1 -> -10 + 3
    assertArrayEquals(new byte[] {43, 3, 127, -128, -7}, out);
  }

  @Test
  void clampsToTheActivationRange() {
    MulS8.Params p = MulS8.forScales(0.5, 1, 0.2, -2, 0.1, 3, new ActivationRange(3, 20));
    assertArrayEquals(new byte[] {20, 3, 3}, MulS8.run(p, new byte[] {5, 1, -1}, new byte[] {8, 100, 3}));
  }

  @Test
  void agreesWithFloatMultiplicationRoundedToNearest() {
    double s1 = 0.0371, s2 = 0.0123, so = 0.0157;
    int z1 = -17, z2 = 88, zo = 11;
    MulS8.Params p = MulS8.forScales(s1, z1, s2, z2, so, zo, FULL);
    // The high multiply rounds before the rounding shift (CMSIS-NN's double rounding), which can
    // move a value within 2^shift of a tie to the other side.
    double tieZone = Math.scalb(1.0, p.outputShift());
    int checked = 0;
    for (int a = -128; a < 128; a++) {
      for (int b = -128; b < 128; b += 3) {
        double real = s1 * (a - z1) * s2 * (b - z2) / so;
        if (Math.abs(real - Math.floor(real) - 0.5) < tieZone) {
          continue; // near a tie the double rounding may pick either neighbour
        }
        long expected = Math.max(-128, Math.min(127, Math.round(real) + zo));
        assertEquals(expected, MulS8.run(p, new byte[] {(byte) a}, new byte[] {(byte) b})[0],
            "a=" + a + " b=" + b);
        checked++;
      }
    }
    assertTrue(checked > 15_000, "checked " + checked);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_3E18L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] range = KernelCrossCheck.actRange(r);
      double s1 = KernelCrossCheck.scale(r), s2 = KernelCrossCheck.scale(r);
      // the output scale within a few powers of two of s1 * s2 keeps results in range
      double so = s1 * s2 * Math.pow(2, 8 * r.nextDouble() - 2);
      MulS8.Params p = MulS8.forScales(s1, KernelCrossCheck.zeroPoint(r), s2,
          KernelCrossCheck.zeroPoint(r), so, KernelCrossCheck.zeroPoint(r),
          new ActivationRange(range[0], range[1]));
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      int n = s[0] * s[1] * s[2] * s[3];
      byte[] a = RandomQuant.bytes(r, n);
      byte[] b = RandomQuant.bytes(r, n);
      check.add(new Line().add(p.input1Offset(), p.input2Offset(), p.outputOffset(),
          p.outputMultiplier(), p.outputShift(), p.actMin(), p.actMax()).add(s).add(a).add(b),
          MulS8.run(p, a, b));
    }
    check.check(dir, "mul_s8");
  }
}
