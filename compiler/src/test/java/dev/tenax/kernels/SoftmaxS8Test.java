package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.KernelCrossCheck.Line;
import dev.tenax.quant.FixedPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftmaxS8Test {
  @Test
  void preparesTfliteParameters() {
    // 0.1 * 2^26 = 6710886.4 = 0.8 * 2^23; round(0.8 * 2^31) = 1717986918; radius 31 * 2^26 / 2^23
    SoftmaxS8.Params p = SoftmaxS8.forScale(0.1, 1.0);
    assertEquals(new SoftmaxS8.Params(1717986918, 23, -248), p);
    // beta * scale capped at 2^31 - 1: shift 31, only the maximum itself counts
    SoftmaxS8.Params big = SoftmaxS8.forScale(100, 1.0);
    assertEquals(new SoftmaxS8.Params(Integer.MAX_VALUE, 31, 0), big);
    assertThrows(IllegalArgumentException.class, () -> SoftmaxS8.forScale(1e-9, 1.0));
  }

  @Test
  void equalValuesShareTheProbability() {
    SoftmaxS8.Params p = SoftmaxS8.forScale(0.05, 1.0);
    // 1/4 * 256 = 64 -> -64; 1/2 -> 0; a single value has probability 1 -> 256 saturates at 127
    byte[] out = concat(SoftmaxS8.run(p, new int[] {1, 1, 1, 4}, new byte[] {9, 9, 9, 9}),
        SoftmaxS8.run(p, new int[] {1, 1, 1, 2}, new byte[] {-128, -128}),
        SoftmaxS8.run(p, new int[] {1, 1, 1, 1}, new byte[] {55}));
    assertArrayEquals(new byte[] {-64, -64, -64, -64, 0, 0, 127}, out);
  }

  @Test
  void differencesBelowDiffMinGiveMinus128() {
    SoftmaxS8.Params p = SoftmaxS8.forScale(0.1, 1.0); // diff_min -248
    byte[] out = SoftmaxS8.run(p, new int[] {2, 1, 1, 2}, new byte[] {127, -128, 100, -120});
    // row 1: diff -255 is ignored, the maximum gets everything; row 2: diff -220 counts, e^-22 ~ 0
    assertArrayEquals(new byte[] {127, -128, 127, -128}, out);
  }

  @Test
  void agreesWithFloatSoftmaxWithinOneStep() {
    Random r = new Random(0x7E4A_50F7L);
    int exact = 0;
    int total = 0;
    for (int t = 0; t < 300; t++) {
      double scale = Math.pow(10, -2.5 + 2 * r.nextDouble());
      double beta = r.nextBoolean() ? 1.0 : 0.5 + r.nextDouble();
      SoftmaxS8.Params p = SoftmaxS8.forScale(scale, beta);
      int n = 1 + r.nextInt(20);
      byte[] in = RandomQuant.bytes(r, n);
      byte[] out = SoftmaxS8.run(p, new int[] {1, 1, 1, n}, in);
      int max = -128;
      for (byte b : in) {
        max = Math.max(max, b);
      }
      double sum = 0;
      for (byte b : in) {
        sum += Math.exp(beta * scale * (b - max));
      }
      for (int i = 0; i < n; i++) {
        double prob = Math.exp(beta * scale * (in[i] - max)) / sum;
        long expected = Math.max(-128, Math.min(127, Math.round(prob * 256) - 128));
        assertTrue(Math.abs(expected - out[i]) <= 1, "expected " + expected + " got " + out[i]);
        exact += expected == out[i] ? 1 : 0;
        total++;
      }
    }
    assertTrue(exact > total * 0.95, exact + " of " + total + " exact");
  }

  @Test
  void wideRoundingMatchesGemmlowpUpTo31() {
    Random r = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      int x = r.nextInt();
      int e = r.nextInt(32);
      assertEquals(FixedPoint.roundingDivideByPot(x, e), SoftmaxS8.roundingDivideByPotWide(x, e));
    }
    assertEquals(0, SoftmaxS8.roundingDivideByPotWide(Integer.MAX_VALUE, 33));
    assertEquals(1, SoftmaxS8.roundingDivideByPotWide(Integer.MAX_VALUE, 31));
    assertEquals(-1, SoftmaxS8.roundingDivideByPotWide(Integer.MIN_VALUE, 32));
  }

  @Test
  void rejectsRowsTooLongForTheSum() {
    SoftmaxS8.Params p = SoftmaxS8.forScale(0.1, 1.0);
    int n = SoftmaxS8.MAX_ROW_SIZE + 1;
    assertThrows(IllegalArgumentException.class,
        () -> SoftmaxS8.run(p, new int[] {1, 1, 1, n}, new byte[n]));
    // the longest row of equal values: 4095 * 2^19 fits, each gets about 1/4095 -> -128
    byte[] out = SoftmaxS8.run(p, new int[] {1, 1, 1, n - 1}, new byte[n - 1]);
    assertEquals(-128, out[0]);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_50F8L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      double scale = switch (r.nextInt(8)) {
        case 0 -> Math.pow(2, -24 + 3 * r.nextDouble()); // smallest left shifts
        case 1 -> 1 + 100 * r.nextDouble(); // capped multiplier, diff_min near 0
        default -> Math.pow(10, -3 + 3 * r.nextDouble());
      };
      SoftmaxS8.Params p = SoftmaxS8.forScale(scale, r.nextBoolean() ? 1.0 : 0.25 + 2 * r.nextDouble());
      int[] s;
      if (i % 20 == 0) {
        s = new int[] {1, 1, 1, 500 + r.nextInt(SoftmaxS8.MAX_ROW_SIZE - 499)}; // sums beyond 2^28
      } else {
        s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      }
      int count = s[0] * s[1] * s[2] * s[3];
      byte[] in = RandomQuant.bytes(r, count);
      if (r.nextBoolean()) {
        int base = r.nextInt(256) - 128;
        int spread = 1 + r.nextInt(8);
        for (int k = 0; k < count; k++) {
          in[k] = (byte) Math.max(-128, Math.min(127, base + r.nextInt(spread)));
        }
      }
      check.add(new Line().add(p.inputMultiplier(), p.inputLeftShift(), p.diffMin()).add(s).add(in),
          SoftmaxS8.run(p, s, in));
    }
    check.addError(new Line().add(1 << 30, 5, 0).add(1, 1, 1, SoftmaxS8.MAX_ROW_SIZE + 1)
        .add(new byte[SoftmaxS8.MAX_ROW_SIZE + 1]));
    check.addError(new Line().add(1 << 30, 32, 0).add(1, 1, 1, 1).add(0));
    check.check(dir, "softmax_s8");
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int k = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, k, p.length);
      k += p.length;
    }
    return all;
  }
}
