package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.quant.QuantizedMultiplier;
import org.junit.jupiter.api.Test;

class DepthwiseConv2dS16Test {
  private static DepthwiseConv2dS16.Params params(int outC, int mult, QuantizedMultiplier q,
      int min, int max) {
    int[] m = new int[outC];
    int[] s = new int[outC];
    java.util.Arrays.fill(m, q.reduced());
    java.util.Arrays.fill(s, q.shift());
    return new DepthwiseConv2dS16.Params(1, 1, 1, 1, 1, 1, mult, min, max, m, s);
  }

  @Test
  void eachOutputChannelReadsItsInputChannel() {
    // 2x2 input, 2 channels, multiplier 2: out channel 2c + m reads channel c; 3x3 "same" window,
    // filter taps all 1 for m = 0 and centre-only 3 for m = 1; scale 1 (reduced 2^14, shift 1)
    QuantizedMultiplier one = QuantizedMultiplier.of(1.0);
    short[] in = {1, 100, 2, 200, 3, 300, 4, 400};
    byte[] w = new byte[9 * 4];
    for (int t = 0; t < 9; t++) {
      w[t * 4] = 1;
      w[t * 4 + 2] = 1;
    }
    w[4 * 4 + 1] = 3;
    w[4 * 4 + 3] = 3;
    long[] bias = {0, 0, 0, 1L << 20};
    short[] out = DepthwiseConv2dS16.run(params(4, 2, one, -32768, 32767),
        new int[] {1, 2, 2, 2}, in, new int[] {1, 3, 3, 4}, w, bias, new int[] {1, 2, 2, 4});
    // channel 0 sums: 10 everywhere; channel 1 sums: 1000; centre taps * 3; bias 2^20 saturates
    assertArrayEquals(new short[] {10, 3, 1000, 32767, 10, 6, 1000, 32767, 10, 9, 1000, 32767,
        10, 12, 1000, 32767}, out);
  }

  @Test
  void clampsAndSaturatesNegative() {
    QuantizedMultiplier one = QuantizedMultiplier.of(1.0);
    short[] in = {-32768, 5};
    byte[] w = new byte[9 * 2];
    w[4 * 2] = 2;
    w[4 * 2 + 1] = 2;
    DepthwiseConv2dS16.Params p = params(2, 1, one, -32768, 32767);
    assertArrayEquals(new short[] {-32768, 10}, DepthwiseConv2dS16.run(p,
        new int[] {1, 1, 1, 2}, in, new int[] {1, 3, 3, 2}, w, null, new int[] {1, 1, 1, 2}));
    DepthwiseConv2dS16.Params clamp = params(2, 1, one, -7, 8);
    assertArrayEquals(new short[] {-7, 8}, DepthwiseConv2dS16.run(clamp,
        new int[] {1, 1, 1, 2}, in, new int[] {1, 3, 3, 2}, w, null, new int[] {1, 1, 1, 2}));
  }

  @Test
  void rejectsAWrongChannelMultiplier() {
    DepthwiseConv2dS16.Params p = params(2, 2, QuantizedMultiplier.of(1.0), -32768, 32767);
    assertThrows(IllegalArgumentException.class, () -> DepthwiseConv2dS16.run(p,
        new int[] {1, 1, 1, 2}, new short[2], new int[] {1, 3, 3, 2}, new byte[18], null,
        new int[] {1, 1, 1, 2}));
  }
}
