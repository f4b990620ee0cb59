package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.DType;
import dev.tenax.kernels.KernelCrossCheck.Line;
import dev.tenax.quant.ActivationRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddS16Test {
  private static final ActivationRange FULL = ActivationRange.none(DType.INT16);

  @Test
  void addsRealValuesAndSaturates() {
    // scales 0.5 and 0.25, output 0.25: out = 2 * a + b exactly
    AddS16.Params p = AddS16.forScales(0.5, 0.25, 0.25, FULL);
    assertEquals(15, p.leftShift());
    short[] out = AddS16.run(p, new short[] {3, -7, 30000, -32768, 0},
        new short[] {5, 1, 0, -32768, -32768});
    assertArrayEquals(new short[] {11, -13, 32767, -32768, -32768}, out);
  }

  @Test
  void clampsToTheActivationRange() {
    AddS16.Params p = AddS16.forScales(0.5, 0.25, 0.25, new ActivationRange(0, 100));
    assertArrayEquals(new short[] {0, 100, 42},
        AddS16.run(p, new short[] {-5, 60, 20}, new short[] {1, 0, 2}));
    AddS16.Params wide = new AddS16.Params(p.input1Multiplier(), p.input1Shift(),
        p.input2Multiplier(), p.input2Shift(), 15, p.outputMultiplier(), p.outputShift(), -1,
        32768);
    assertThrows(IllegalArgumentException.class,
        () -> AddS16.run(wide, new short[1], new short[1]));
  }

  @Test
  void agreesWithFloatAdditionRoundedToNearest() {
    double s1 = 0.000371, s2 = 0.000123, so = 0.000457;
    AddS16.Params p = AddS16.forScales(s1, s2, so, FULL);
    int checked = 0;
    for (int a = -32768; a < 32768; a += 97) {
      for (int b = -32768; b < 32768; b += 89) {
        double real = (s1 * a + s2 * b) / so;
        double frac = Math.abs(real - Math.floor(real) - 0.5);
        if (frac < 1e-3) {
          continue; // a tie within the fixed-point error: either neighbour is right
        }
        long expected = Math.max(-32768, Math.min(32767, Math.round(real)));
        short got = AddS16.run(p, new short[] {(short) a}, new short[] {(short) b})[0];
        assertEquals(expected, got, "a=" + a + " b=" + b);
        checked++;
      }
    }
    assertTrue(checked > 400_000, "checked " + checked);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_AD16L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] range = RandomS16.actRange(r);
      if (i % 60 == 17) {
        range = new int[] {range[0], 40000}; // outside int16: rejected
      }
      double s1 = KernelCrossCheck.scale(r) / 256;
      double s2 = KernelCrossCheck.scale(r) / 256;
      AddS16.Params p = AddS16.forScales(s1, s2, Math.max(s1, s2) * Math.pow(2, -2 + 5 * r.nextDouble()),
          new ActivationRange(range[0], range[1]));
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      int n = s[0] * s[1] * s[2] * s[3];
      short[] a = RandomS16.shorts(r, n);
      short[] b = RandomS16.shorts(r, n);
      Line line = new Line().add(p.input1Multiplier(), p.input1Shift(), p.input2Multiplier(),
          p.input2Shift(), p.leftShift(), p.outputMultiplier(), p.outputShift(), p.actMin(),
          p.actMax()).add(s).add(a).add(b);
      try {
        check.add(line, AddS16.run(p, a, b));
      } catch (IllegalArgumentException ex) {
        check.addError(line);
      }
    }
    check.check(dir, "add_s16");
  }
}
