package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxPoolS8Test {
  private static final byte[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  private static final int[] IN_3X3 = {1, 3, 3, 1};
  private static final int[] OUT_2X2 = {1, 2, 2, 1};

  @Test
  void takesTheMaximumOfEachWindow() {
    MaxPoolS8.Params p = new MaxPoolS8.Params(new PoolGeometry(2, 2, 1, 1, 0, 0), -128, 127);
    assertArrayEquals(new byte[] {5, 6, 8, 9}, MaxPoolS8.run(p, IN_3X3, ONE_TO_NINE, OUT_2X2));
  }

  @Test
  void skipsPaddingEvenWhenAllInputsAreNegative() {
    byte[] negative = {-9, -8, -7, -6, -5, -4, -3, -2, -1};
    MaxPoolS8.Params p = new MaxPoolS8.Params(new PoolGeometry(2, 2, 2, 2, 1, 1), -128, 127);
    // windows rows -1..0 / 1..2 and columns -1..0 / 1..2: padding never wins over -9
    assertArrayEquals(new byte[] {-9, -7, -3, -1}, MaxPoolS8.run(p, IN_3X3, negative, OUT_2X2));
  }

  @Test
  void clampsAndPerChannel() {
    byte[] twoChannels = {1, -1, 2, -2, 3, -3, 4, -4}; // 1x2x2x2
    MaxPoolS8.Params p = new MaxPoolS8.Params(new PoolGeometry(2, 2, 1, 1, 0, 0), -3, 3);
    assertArrayEquals(new byte[] {3, -1},
        MaxPoolS8.run(p, new int[] {1, 2, 2, 2}, twoChannels, new int[] {1, 1, 1, 2}));
  }

  @Test
  void aWindowOfPaddingOnlyGivesTheClampedMinimum() {
    // pad top 3 with a 2x2 filter: the first output row sees rows -3..-2 only
    MaxPoolS8.Params p = new MaxPoolS8.Params(new PoolGeometry(2, 2, 3, 1, 3, 0), -100, 127);
    assertArrayEquals(new byte[] {-100, -100, 5, 6},
        MaxPoolS8.run(p, IN_3X3, ONE_TO_NINE, OUT_2X2));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_3A01L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      PoolCases c = PoolCases.random(r, i % 4 == 0);
      byte[] in = RandomQuant.bytes(r, c.inputSize());
      check.add(c.line(in), MaxPoolS8.run(new MaxPoolS8.Params(c.geometry(), c.actMin(), c.actMax()),
          c.inShape(), in, c.outShape()));
    }
    check.check(dir, "max_pool_s8");
  }
}
