package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxPoolS16Test {
  @Test
  void takesTheMaximumOfEachWindowPerChannel() {
    MaxPoolS16.Params p = new MaxPoolS16.Params(new PoolGeometry(2, 2, 1, 1, 0, 0), -32768, 32767);
    // 2x3 input, 2 channels: channel 0 = 1..6, channel 1 = -1000 * (1..6)
    short[] in = {1, -1000, 2, -2000, 3, -3000, 4, -4000, 5, -5000, 6, -6000};
    assertArrayEquals(new short[] {5, -1000, 6, -2000}, MaxPoolS16.run(p,
        new int[] {1, 2, 3, 2}, in, new int[] {1, 1, 2, 2}));
  }

  @Test
  void skipsPaddingAndClamps() {
    // pad 1 top/left, 2x2 windows, stride 2 over 2x2 of negatives: padding is not a zero
    MaxPoolS16.Params p = new MaxPoolS16.Params(new PoolGeometry(2, 2, 2, 2, 1, 1), -32768, 32767);
    short[] in = {-32768, -300, -200, -100};
    assertArrayEquals(new short[] {-32768, -300, -200, -100},
        MaxPoolS16.run(p, new int[] {1, 2, 2, 1}, in, new int[] {1, 2, 2, 1}));
    MaxPoolS16.Params clamp = new MaxPoolS16.Params(new PoolGeometry(2, 2, 2, 2, 1, 1), -250, -150);
    assertArrayEquals(new short[] {-250, -250, -200, -150},
        MaxPoolS16.run(clamp, new int[] {1, 2, 2, 1}, in, new int[] {1, 2, 2, 1}));
    // a window of padding only: -32768, clamped
    MaxPoolS16.Params wide = new MaxPoolS16.Params(new PoolGeometry(1, 1, 1, 1, 1, 0), -7, 7);
    assertArrayEquals(new short[] {-7, 7}, MaxPoolS16.run(wide, new int[] {1, 1, 1, 1},
        new short[] {9}, new int[] {1, 2, 1, 1}));
  }

  @Test
  void rejectsARangeOutsideInt16() {
    MaxPoolS16.Params p = new MaxPoolS16.Params(new PoolGeometry(1, 1, 1, 1, 0, 0), -32769, 0);
    assertThrows(IllegalArgumentException.class, () -> MaxPoolS16.run(p, new int[] {1, 1, 1, 1},
        new short[1], new int[] {1, 1, 1, 1}));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_3A16L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      PoolCases c = PoolCases.random(r, i % 10 == 0);
      short[] in = RandomS16.shorts(r, c.inputSize());
      int[] act = i % 50 == 21 ? new int[] {3, 2} : RandomS16.actRange(r);
      PoolGeometry g = c.geometry();
      MaxPoolS16.Params p = new MaxPoolS16.Params(g, act[0], act[1]);
      Line line = new Line().add(g.filterH(), g.filterW(), g.strideH(), g.strideW(), g.padTop(),
          g.padLeft(), act[0], act[1]).add(c.inShape()).add(c.outShape()).add(in);
      try {
        check.add(line, MaxPoolS16.run(p, c.inShape(), in, c.outShape()));
      } catch (IllegalArgumentException e) {
        check.addError(line);
      }
    }
    check.check(dir, "max_pool_s16");
  }
}
