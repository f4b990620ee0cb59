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

class AddS8Test {
  private static final ActivationRange FULL = ActivationRange.none(DType.INT8);

  @Test
  void addsRealValuesAndSaturates() {
    // input 1: scale 0.5, zero point -3; input 2: scale 0.25, zero point 10; output 0.25, zp 5
    AddS8.Params p = AddS8.forScales(0.5, -3, 0.25, 10, 0.25, 5, FULL);
    assertEquals(20, p.leftShift());
    byte[] out = AddS8.run(p, new byte[] {13, -3, 127, -128, 1}, new byte[] {30, 10, 127, -128, 10});
    // 8 + 5 = 13 -> 52 + 5; 0 + 0 -> 5; 65 + 29.25 -> 382 saturates; -62.5 - 34.5 -> -383 saturates;
    // 2 + 0 = 2 -> 8 + 5
    assertArrayEquals(new byte[] {57, 5, 127, -128, 13}, out);
  }

  @Test
  void clampsToTheActivationRange() {
    AddS8.Params p = AddS8.forScales(0.5, -3, 0.25, 10, 1.0, 5, new ActivationRange(10, 15));
    byte[] out = AddS8.run(p, new byte[] {13, -3, 5}, new byte[] {30, 10, 10});
    assertArrayEquals(new byte[] {15, 10, 9 + 1}, out); // 18 -> 15; 5 -> 10; 4 + 5 = 9 -> 10
  }

  @Test
  void agreesWithFloatAdditionRoundedToNearest() {
    double s1 = 0.0371, s2 = 0.0123, so = 0.0457;
    int z1 = -17, z2 = 88, zo = -9;
    AddS8.Params p = AddS8.forScales(s1, z1, s2, z2, so, zo, FULL);
    int checked = 0;
    for (int a = -128; a < 128; a++) {
      for (int b = -128; b < 128; b += 3) {
        double real = (s1 * (a - z1) + s2 * (b - z2)) / so;
        double frac = Math.abs(real - Math.floor(real) - 0.5);
        if (frac < 1e-3) {
          continue; // a tie within the fixed-point error: either neighbour is right
        }
        long expected = Math.max(-128, Math.min(127, Math.round(real) + zo));
        byte got = AddS8.run(p, new byte[] {(byte) a}, new byte[] {(byte) b})[0];
        assertEquals(expected, got, "a=" + a + " b=" + b);
        checked++;
      }
    }
    assertTrue(checked > 20_000);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_AD08L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] range = KernelCrossCheck.actRange(r);
      AddS8.Params p = AddS8.forScales(KernelCrossCheck.scale(r), KernelCrossCheck.zeroPoint(r),
          KernelCrossCheck.scale(r), KernelCrossCheck.zeroPoint(r), KernelCrossCheck.scale(r),
          KernelCrossCheck.zeroPoint(r), new ActivationRange(range[0], range[1]));
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      int n = s[0] * s[1] * s[2] * s[3];
      byte[] a = RandomQuant.bytes(r, n);
      byte[] b = RandomQuant.bytes(r, n);
      check.add(new Line().add(p.input1Offset(), p.input1Multiplier(), p.input1Shift(),
          p.input2Offset(), p.input2Multiplier(), p.input2Shift(), p.leftShift(), p.outputOffset(),
          p.outputMultiplier(), p.outputShift(), p.actMin(), p.actMax()).add(s).add(a).add(b),
          AddS8.run(p, a, b));
    }
    check.check(dir, "add_s8");
  }
}
