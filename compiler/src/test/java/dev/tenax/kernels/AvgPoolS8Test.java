package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvgPoolS8Test {
  private static final int[] IN_3X3 = {1, 3, 3, 1};
  private static final int[] OUT_2X2 = {1, 2, 2, 1};

  @Test
  void averagesEachWindow() {
    AvgPoolS8.Params p = new AvgPoolS8.Params(new PoolGeometry(2, 2, 1, 1, 0, 0), -128, 127);
    byte[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertArrayEquals(new byte[] {3, 4, 6, 7}, AvgPoolS8.run(p, IN_3X3, in, OUT_2X2));
  }

  @Test
  void roundsHalfAwayFromZero() {
    AvgPoolS8.Params p = new AvgPoolS8.Params(new PoolGeometry(1, 2, 1, 2, 0, 0), -128, 127);
    int[] in = {1, 1, 4, 1};
    int[] out = {1, 1, 2, 1};
    assertArrayEquals(new byte[] {2, -2}, AvgPoolS8.run(p, in, new byte[] {1, 2, -1, -2}, out));
    // 1.5 -> 2, -1.5 -> -2; -4/3 -> -1, 127 + 127 + 126 = 126.67 -> 127
    AvgPoolS8.Params three = new AvgPoolS8.Params(new PoolGeometry(1, 3, 1, 3, 0, 0), -128, 127);
    assertArrayEquals(new byte[] {-1, 127}, AvgPoolS8.run(three, new int[] {1, 1, 6, 1},
        new byte[] {-1, -1, -2, 127, 127, 126}, new int[] {1, 1, 2, 1}));
  }

  @Test
  void dividesByTheNumberOfValidInputsAndClamps() {
    // 3x3 "same" pooling of a 2x2 input: every window holds the 4 inputs (not 9 with zeros)
    AvgPoolS8.Params p = new AvgPoolS8.Params(new PoolGeometry(3, 3, 1, 1, 1, 1), -128, 127);
    byte[] in = {10, 20, 30, 41};
    int[] s = {1, 2, 2, 1};
    assertArrayEquals(new byte[] {25, 25, 25, 25}, AvgPoolS8.run(p, s, in, s));
    AvgPoolS8.Params clamped = new AvgPoolS8.Params(new PoolGeometry(3, 3, 1, 1, 1, 1), -5, 20);
    assertArrayEquals(new byte[] {20, 20, 20, 20}, AvgPoolS8.run(clamped, s, in, s));
  }

  @Test
  void agreesWithTheRoundedFloatMean() {
    Random r = new Random(5);
    for (int i = 0; i < 2000; i++) {
      int n = 1 + r.nextInt(9);
      byte[] in = RandomQuant.bytes(r, n);
      double mean = 0;
      for (byte b : in) {
        mean += b;
      }
      mean /= n;
      long expected = (long) Math.signum(mean) * (long) Math.floor(Math.abs(mean) + 0.5);
      AvgPoolS8.Params p = new AvgPoolS8.Params(new PoolGeometry(1, n, 1, 1, 0, 0), -128, 127);
      byte got = AvgPoolS8.run(p, new int[] {1, 1, n, 1}, in, new int[] {1, 1, 1, 1})[0];
      assertEquals(expected, got, java.util.Arrays.toString(in));
    }
  }

  @Test
  void aWindowOfPaddingOnlyIsAnError() {
    AvgPoolS8.Params p = new AvgPoolS8.Params(new PoolGeometry(2, 2, 3, 1, 3, 0), -128, 127);
    assertThrows(IllegalArgumentException.class,
        () -> AvgPoolS8.run(p, IN_3X3, new byte[9], OUT_2X2));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_A1E0L);
    KernelCrossCheck check = new KernelCrossCheck();
    int errors = 0;
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      // wide pads sometimes give windows of padding only, which both sides must reject
      PoolCases c = PoolCases.random(r, i % 10 == 0);
      byte[] in = RandomQuant.bytes(r, c.inputSize());
      AvgPoolS8.Params p = new AvgPoolS8.Params(c.geometry(), c.actMin(), c.actMax());
      try {
        check.add(c.line(in), AvgPoolS8.run(p, c.inShape(), in, c.outShape()));
      } catch (IllegalArgumentException e) {
        check.addError(c.line(in));
        errors++;
      }
    }
    assertTrue(errors > 0 && errors < KernelCrossCheck.CASES / 10, errors + " rejected cases");
    check.check(dir, "avg_pool_s8");
  }
}
