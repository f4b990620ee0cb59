package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.quant.QuantizedMultiplier;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FullyConnectedS16Test {
  /** Scale 1/2: Q31 2^30, reduced to 2^14, shift 0. */
  private static final QuantizedMultiplier HALF = QuantizedMultiplier.of(0.5);

  private static FullyConnectedS16.Params params(int n, QuantizedMultiplier q, int min, int max) {
    int[] m = new int[n];
    int[] s = new int[n];
    java.util.Arrays.fill(m, q.reduced());
    java.util.Arrays.fill(s, q.shift());
    return new FullyConnectedS16.Params(min, max, m, s);
  }

  @Test
  void halfScaleRoundsTiesUp() {
    assertEquals(1 << 14, HALF.reduced());
    FullyConnectedS16.Params p = params(3, HALF, -32768, 32767);
    short[] in = {1000, -3, 7};
    byte[] w = {1, 0, 0, 0, 1, 0, 1, 1, 1}; // rows: x0; x1; x0 + x1 + x2
    // 1000 / 2 = 500; -3 / 2 = -1.5 -> -1 (ties toward +infinity); 1004 / 2 + bias 5 / 2 -> 505
    long[] bias = {0, 0, 5};
    assertArrayEquals(new short[] {500, -1, 505},
        FullyConnectedS16.run(p, new int[] {1, 1, 1, 3}, in, w, bias, new int[] {1, 1, 1, 3}));
  }

  @Test
  void saturatesClampsAndTakesAnInt64Bias() {
    FullyConnectedS16.Params p = params(3, HALF, -32768, 32767);
    short[] in = {-32768, -32768};
    byte[] w = {127, 127, -128, -128, 0, 0};
    long[] bias = {0, 0, -(1L << 20)}; // only the bias: -2^19 saturates to -32768
    assertArrayEquals(new short[] {-32768, 32767, -32768},
        FullyConnectedS16.run(p, new int[] {1, 1, 1, 2}, in, w, bias, new int[] {1, 1, 1, 3}));
    // a bias beyond int32 is kept whole: -2^34 * 2^-20 = -16384 (truncated to int32 it would be 0)
    assertArrayEquals(new short[] {-16384}, FullyConnectedS16.run(
        params(1, QuantizedMultiplier.of(Math.scalb(1.0, -20)), -32768, 32767),
        new int[] {1, 1, 1, 1}, new short[] {0}, new byte[] {1}, new long[] {-(1L << 34)},
        new int[] {1, 1, 1, 1}));
    FullyConnectedS16.Params relu = params(1, HALF, 0, 100);
    assertArrayEquals(new short[] {0, 100, 7}, FullyConnectedS16.run(relu,
        new int[] {3, 1, 1, 1}, new short[] {-50, 300, 14}, new byte[] {1}, null,
        new int[] {3, 1, 1, 1}));
  }

  @Test
  void agreesWithTheFloatProductOfTheQ15Multiplier() {
    Random r = new Random(16);
    int checked = 0;
    for (int i = 0; i < 300; i++) {
      int inF = 1 + r.nextInt(40);
      short[] in = RandomS16.shorts(r, inF);
      byte[] w = RandomQuant.bytes(r, inF);
      long bias = r.nextInt(1 << 20) - (1 << 19);
      double real = Math.pow(2, -20 + 14 * r.nextDouble());
      QuantizedMultiplier q = QuantizedMultiplier.of(real);
      long acc = bias;
      for (int k = 0; k < inF; k++) {
        acc += in[k] * w[k];
      }
      // the kernel scales by the Q15 multiplier exactly and rounds half up
      double scaled = acc * Math.scalb((double) q.reduced(), q.shift() - 15);
      long expected = Math.max(-32768, Math.min(32767, (long) Math.floor(scaled + 0.5)));
      short got = FullyConnectedS16.run(params(1, q, -32768, 32767), new int[] {1, 1, 1, inF}, in,
          w, new long[] {bias}, new int[] {1, 1, 1, 1})[0];
      assertEquals(expected, got, "acc=" + acc + " real=" + real);
      // and the Q15 multiplier is within 2^-15 (relative) of the real scale
      assertTrue(Math.abs(got - Math.max(-32768, Math.min(32767, acc * real)))
          <= 1 + Math.abs(acc * real) / (1 << 14));
      checked++;
    }
    assertEquals(300, checked);
  }

  @Test
  void rejectsInconsistentArguments() {
    FullyConnectedS16.Params p = params(2, HALF, -32768, 32767);
    assertThrows(IllegalArgumentException.class, () -> FullyConnectedS16.run(p,
        new int[] {1, 1, 1, 2}, new short[2], new byte[4], null, new int[] {1, 1, 1, 3}));
    FullyConnectedS16.Params wide = params(2, HALF, -32769, 32767);
    assertThrows(IllegalArgumentException.class, () -> FullyConnectedS16.run(wide,
        new int[] {1, 1, 1, 2}, new short[2], new byte[4], null, new int[] {1, 1, 1, 2}));
  }
}
