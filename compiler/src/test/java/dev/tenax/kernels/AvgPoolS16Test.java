package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvgPoolS16Test {
  @Test
  void averagesLargeValuesAndRoundsHalfAwayFromZero() {
    AvgPoolS16.Params p = new AvgPoolS16.Params(new PoolGeometry(1, 2, 1, 2, 0, 0), -32768, 32767);
    // (32767 + 32766) / 2 = 32766.5 -> 32767; (-32768 - 32767) / 2 = -32767.5 -> -32768;
    // 1.5 -> 2; -1.5 -> -2
    short[] in = {32767, 32766, -32768, -32767, 1, 2, -1, -2};
    assertArrayEquals(new short[] {32767, -32768, 2, -2},
        AvgPoolS16.run(p, new int[] {1, 1, 8, 1}, in, new int[] {1, 1, 4, 1}));
  }

  @Test
  void dividesByTheNumberOfValidInputsAndClamps() {
    AvgPoolS16.Params p = new AvgPoolS16.Params(new PoolGeometry(3, 3, 1, 1, 1, 1), -32768, 32767);
    short[] in = {1000, 2000, 3000, 4100};
    int[] s = {1, 2, 2, 1};
    assertArrayEquals(new short[] {2525, 2525, 2525, 2525}, AvgPoolS16.run(p, s, in, s));
    AvgPoolS16.Params clamped = new AvgPoolS16.Params(new PoolGeometry(3, 3, 1, 1, 1, 1), -5, 2000);
    assertArrayEquals(new short[] {2000, 2000, 2000, 2000}, AvgPoolS16.run(clamped, s, in, s));
  }

  @Test
  void agreesWithTheRoundedFloatMean() {
    Random r = new Random(16);
    for (int i = 0; i < 2000; i++) {
      int n = 1 + r.nextInt(9);
      short[] in = RandomS16.shorts(r, n);
      double mean = 0;
      for (short v : in) {
        mean += v;
      }
      mean /= n;
      long expected = (long) Math.signum(mean) * (long) Math.floor(Math.abs(mean) + 0.5);
      AvgPoolS16.Params p = new AvgPoolS16.Params(new PoolGeometry(1, n, 1, 1, 0, 0), -32768,
          32767);
      assertEquals(expected, AvgPoolS16.run(p, new int[] {1, 1, n, 1}, in,
          new int[] {1, 1, 1, 1})[0], java.util.Arrays.toString(in));
    }
  }

  @Test
  void rejectsPaddingOnlyWindowsAndHugeFilters() {
    AvgPoolS16.Params p = new AvgPoolS16.Params(new PoolGeometry(2, 2, 3, 1, 3, 0), -32768, 32767);
    assertThrows(IllegalArgumentException.class, () -> AvgPoolS16.run(p, new int[] {1, 3, 3, 1},
        new short[9], new int[] {1, 2, 2, 1}));
    AvgPoolS16.Params huge = new AvgPoolS16.Params(new PoolGeometry(256, 256, 1, 1, 0, 0), -32768,
        32767);
    assertThrows(IllegalArgumentException.class, () -> AvgPoolS16.run(huge,
        new int[] {1, 256, 256, 1}, new short[65536], new int[] {1, 1, 1, 1}));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_A716L);
    KernelCrossCheck check = new KernelCrossCheck();
    int errors = 0;
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      // wide pads sometimes give windows of padding only, which both sides must reject
      PoolCases c = PoolCases.random(r, i % 10 == 0);
      short[] in = RandomS16.shorts(r, c.inputSize());
      int[] act = RandomS16.actRange(r);
      PoolGeometry g = c.geometry();
      AvgPoolS16.Params p = new AvgPoolS16.Params(g, act[0], act[1]);
      Line line = new Line().add(g.filterH(), g.filterW(), g.strideH(), g.strideW(), g.padTop(),
          g.padLeft(), act[0], act[1]).add(c.inShape()).add(c.outShape()).add(in);
      try {
        check.add(line, AvgPoolS16.run(p, c.inShape(), in, c.outShape()));
      } catch (IllegalArgumentException e) {
        check.addError(line);
        errors++;
      }
    }
    assertTrue(errors > 0 && errors < KernelCrossCheck.CASES / 10, errors + " rejected cases");
    check.check(dir, "avg_pool_s16");
  }
}
