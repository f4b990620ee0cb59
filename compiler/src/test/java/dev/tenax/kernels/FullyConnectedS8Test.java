package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.quant.QuantizedMultiplier;
import org.junit.jupiter.api.Test;

class FullyConnectedS8Test {
  private static FullyConnectedS8.Params params(int inZp, int outZp, int lo, int hi,
      double... scales) {
    int[] m = new int[scales.length];
    int[] s = new int[scales.length];
    for (int i = 0; i < scales.length; i++) {
      QuantizedMultiplier q = QuantizedMultiplier.of(scales[i]);
      m[i] = q.multiplier();
      s[i] = q.shift();
    }
    return new FullyConnectedS8.Params(-inZp, outZp, lo, hi, m, s);
  }

  @Test
  void handComputedWithZeroPointsAndPerChannelScales() {
    // in zp 3: x - 3 = {2, -1, 4}; row 0: 2*1 + -1*2 + 4*3 = 12, + bias 4 = 16, * 0.5 = 8, + 10
    // row 1: 2*-1 + -1*0 + 4*2 = 6, + bias -2 = 4, * 0.25 = 1, + 10
    byte[] out = FullyConnectedS8.run(params(3, 10, -128, 127, 0.5, 0.25), new int[] {1, 1, 1, 3},
        new byte[] {5, 2, 7}, new byte[] {1, 2, 3, -1, 0, 2}, new int[] {4, -2},
        new int[] {1, 1, 1, 2});
    assertArrayEquals(new byte[] {18, 11}, out);
  }

  @Test
  void batchesFlattenedInputAndNoBias() {
    // two batches of a (1, 2, 1) input flattened to 2 features; weights {1, 1}; scale 1
    byte[] out = FullyConnectedS8.run(params(0, 0, -128, 127, 1.0), new int[] {2, 1, 2, 1},
        new byte[] {3, 4, -5, -6}, new byte[] {1, 1}, null, new int[] {2, 1, 1, 1});
    assertArrayEquals(new byte[] {7, -11}, out);
  }

  @Test
  void saturatesAndClampsToTheActivationRange() {
    // 127*127 far beyond int8 saturates at 127, -128*127 at -128; the range [5, 100] clamps all
    byte[] in = {127, -128};
    byte[] w = {127, 0, 0, 127, 1, 1};
    assertArrayEquals(new byte[] {127, -128, -1},
        FullyConnectedS8.run(params(0, 0, -128, 127, 1, 1, 1), new int[] {1, 1, 1, 2}, in, w, null,
            new int[] {1, 1, 1, 3}));
    assertArrayEquals(new byte[] {100, 5, 5},
        FullyConnectedS8.run(params(0, 0, 5, 100, 1, 1, 1), new int[] {1, 1, 1, 2}, in, w, null,
            new int[] {1, 1, 1, 3}));
  }

  @Test
  void agreesWithFloatRoundedTheTfliteWay() {
    float sx = 0.05f;
    float sw = 0.02f;
    float so = 0.013f;
    int zx = -7;
    int zo = 4;
    byte[] in = {12, -90, 33, 101, -128};
    byte[] w = {-17, 45, 99, -128, 3, 127, -60, 8, 21, -1};
    int[] bias = {1500, -320};
    double real = (double) sx * sw / so;
    byte[] out = FullyConnectedS8.run(params(zx, zo, -128, 127, real, real),
        new int[] {1, 1, 1, 5}, in, w, bias, new int[] {1, 1, 1, 2});
    for (int o = 0; o < 2; o++) {
      double acc = bias[o] * (double) sx * sw;
      for (int i = 0; i < 5; i++) {
        acc += (in[i] - zx) * (double) sx * (w[o * 5 + i] * (double) sw);
      }
      long q = Math.max(-128, Math.min(127, Math.round(acc / so) + zo));
      assertArrayEquals(new byte[] {(byte) q}, new byte[] {out[o]}, "output " + o);
    }
  }

  @Test
  void rejectsInconsistentShapes() {
    FullyConnectedS8.Params p = params(0, 0, -128, 127, 1.0);
    assertThrows(IllegalArgumentException.class, () -> FullyConnectedS8.run(p,
        new int[] {1, 1, 1, 2}, new byte[2], new byte[2], null, new int[] {2, 1, 1, 1}));
    assertThrows(IllegalArgumentException.class, () -> FullyConnectedS8.run(p,
        new int[] {1, 1, 1, 2}, new byte[2], new byte[3], null, new int[] {1, 1, 1, 1}));
    assertThrows(IllegalArgumentException.class, () -> FullyConnectedS8.run(p,
        new int[] {1, 0, 1, 2}, new byte[0], new byte[0], null, new int[] {1, 1, 1, 1}));
  }
}
