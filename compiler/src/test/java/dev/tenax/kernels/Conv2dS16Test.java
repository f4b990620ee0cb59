package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.quant.QuantizedMultiplier;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Conv2dS16Test {
  private static final QuantizedMultiplier HALF = QuantizedMultiplier.of(0.5);

  private static Conv2dS16.Params params(int outC, int stride, int pad, int groups,
      QuantizedMultiplier q, int min, int max) {
    int[] m = new int[outC];
    int[] s = new int[outC];
    java.util.Arrays.fill(m, q.reduced());
    java.util.Arrays.fill(s, q.shift());
    return new Conv2dS16.Params(stride, stride, 1, 1, pad, pad, groups, min, max, m, s);
  }

  @Test
  void sumsWindowsSkipsPaddingAndRoundsHalfUp() {
    // 3x3 input, one channel, 2x2 all-ones filter, pad 1 top/left, stride 2: 2x2 output
    short[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    byte[] w = {1, 1, 1, 1};
    Conv2dS16.Params p = params(1, 2, 1, 1, HALF, -32768, 32767);
    short[] out = Conv2dS16.run(p, new int[] {1, 3, 3, 1}, in, new int[] {1, 2, 2, 1}, w, null,
        new int[] {1, 2, 2, 1});
    // windows: {1} -> 0.5 -> 1; {2,3} -> 2.5 -> 3; {4,7} -> 5.5 -> 6; {5,6,8,9} -> 14
    assertArrayEquals(new short[] {1, 3, 6, 14}, out);
  }

  @Test
  void groupsReadTheirOwnChannelsAndSaturate() {
    // 1x1 input with 4 channels, 2 groups of 2 channels, one output channel per group
    short[] in = {30000, 30000, -100, 50};
    byte[] w = {2, 2, 1, -1}; // group 0: 2 * 60000 = 120000 -> 60000 saturates; group 1: -150
    long[] bias = {0, 10};
    Conv2dS16.Params p = params(2, 1, 0, 2, HALF, -32768, 32767);
    assertArrayEquals(new short[] {32767, -70}, Conv2dS16.run(p, new int[] {1, 1, 1, 4}, in,
        new int[] {2, 1, 1, 2}, w, bias, new int[] {1, 1, 1, 2}));
    Conv2dS16.Params clamped = params(2, 1, 0, 2, HALF, -50, 1000);
    assertArrayEquals(new short[] {1000, -50}, Conv2dS16.run(clamped, new int[] {1, 1, 1, 4}, in,
        new int[] {2, 1, 1, 2}, w, bias, new int[] {1, 1, 1, 2}));
  }

  @Test
  void agreesWithTheFloatSumOfAPlainConvolution() {
    Random r = new Random(1616);
    for (int i = 0; i < 100; i++) {
      int c = 1 + r.nextInt(5);
      short[] in = RandomS16.shorts(r, 9 * c);
      byte[] w = RandomQuant.bytes(r, 9 * c);
      double real = Math.pow(2, -20 + 12 * r.nextDouble());
      QuantizedMultiplier q = QuantizedMultiplier.of(real);
      double acc = 0;
      for (int k = 0; k < 9 * c; k++) {
        acc += (double) in[k] * w[k];
      }
      double scaled = acc * Math.scalb((double) q.reduced(), q.shift() - 15);
      long expected = Math.max(-32768, Math.min(32767, (long) Math.floor(scaled + 0.5)));
      short got = Conv2dS16.run(params(1, 1, 0, 1, q, -32768, 32767), new int[] {1, 3, 3, c}, in,
          new int[] {1, 3, 3, c}, w, null, new int[] {1, 1, 1, 1})[0];
      assertEquals(expected, got);
    }
  }

  @Test
  void rejectsInconsistentGroups() {
    Conv2dS16.Params p = params(3, 1, 0, 2, HALF, -32768, 32767);
    assertThrows(IllegalArgumentException.class, () -> Conv2dS16.run(p, new int[] {1, 1, 1, 4},
        new short[4], new int[] {3, 1, 1, 2}, new byte[6], null, new int[] {1, 1, 1, 3}));
  }
}
