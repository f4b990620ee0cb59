package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.quant.QuantizedMultiplier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Conv2dS8Test {
  /** A convolution with the given geometry and one real scale per output channel. */
  private static Conv2dS8.Params params(int stride, int dilation, int pad, int groups, int inZp,
      int outZp, int lo, int hi, double... scales) {
    int[] m = new int[scales.length];
    int[] s = new int[scales.length];
    for (int i = 0; i < scales.length; i++) {
      QuantizedMultiplier q = QuantizedMultiplier.of(scales[i]);
      m[i] = q.multiplier();
      s[i] = q.shift();
    }
    return new Conv2dS8.Params(stride, stride, dilation, dilation, pad, pad, groups, -inZp, outZp,
        lo, hi, m, s);
  }

  @Test
  void handComputed2x2OverA3x3WithZeroPoints() {
    // input - zp(1): [[0 1 2] [3 4 5] [6 7 8]]; kernel [[1 0] [0 -1]]: top-left minus bottom-right
    byte[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    byte[] f = {1, 0, 0, -1};
    byte[] out = Conv2dS8.run(params(1, 1, 0, 1, 1, -3, -128, 127, 1.0), new int[] {1, 3, 3, 1},
        in, new int[] {1, 2, 2, 1}, f, new int[] {2}, new int[] {1, 2, 2, 1});
    assertArrayEquals(new byte[] {-4 + 2 - 3, -4 + 2 - 3, -4 + 2 - 3, -4 + 2 - 3}, out);
  }

  @Test
  void strideDilationAndPaddingSkipPaddedPositions() {
    // 4x4 input 1..16 (zp 0), 2x2 kernel of ones dilated by 2, stride 2, pad 1 top/left:
    // output 2x2 (pad bottom/right 1). Window (0,0) covers rows/cols -1 and 1: only (1,1) = 6.
    byte[] in = new byte[16];
    for (int i = 0; i < 16; i++) {
      in[i] = (byte) (i + 1);
    }
    byte[] out = Conv2dS8.run(params(2, 2, 1, 1, 0, 0, -128, 127, 1.0), new int[] {1, 4, 4, 1},
        in, new int[] {1, 2, 2, 1}, new byte[] {1, 1, 1, 1}, null, new int[] {1, 2, 2, 1});
    // (0,1): rows -1,1 cols 1,3 -> 6 + 8; (1,0): rows 1,3 cols -1,1 -> 6 + 14; (1,1): 6+8+14+16
    assertArrayEquals(new byte[] {6, 14, 20, 44}, out);
  }

  @Test
  void paddingWithTheInputZeroPointContributesNothing() {
    // every input equals its zero point: each output is bias * scale + zp, whatever the padding
    byte[] in = new byte[3 * 3 * 2];
    Arrays.fill(in, (byte) -20);
    byte[] out = Conv2dS8.run(params(1, 1, 1, 1, -20, 5, -128, 127, 0.5, 0.25),
        new int[] {1, 3, 3, 2}, in, new int[] {2, 3, 3, 2}, new byte[36], new int[] {40, -40},
        new int[] {1, 3, 3, 2});
    for (int i = 0; i < out.length; i += 2) {
      assertEquals(25, out[i]);
      assertEquals(-5, out[i + 1]);
    }
  }

  @Test
  void groupsConvolveTheirOwnChannels() {
    // 2 groups of 2 input channels, one output channel each, 1x1 kernel of {1, 1}
    byte[] in = {1, 2, 10, 20};
    byte[] out = Conv2dS8.run(params(1, 1, 0, 2, 0, 0, -128, 127, 1.0, 1.0),
        new int[] {1, 1, 1, 4}, in, new int[] {2, 1, 1, 2}, new byte[] {1, 1, 1, -1}, null,
        new int[] {1, 1, 1, 2});
    assertArrayEquals(new byte[] {3, -10}, out);
  }

  @Test
  void saturatesAndClamps() {
    byte[] in = {127, -128};
    byte[] f = {127, 0, 0, 127};
    int[] inShape = {1, 1, 1, 2};
    int[] fShape = {2, 1, 1, 2};
    int[] outShape = {1, 1, 1, 2};
    assertArrayEquals(new byte[] {127, -128}, Conv2dS8.run(params(1, 1, 0, 1, 0, 0, -128, 127,
        1.0, 1.0), inShape, in, fShape, f, null, outShape));
    assertArrayEquals(new byte[] {6, 0}, Conv2dS8.run(params(1, 1, 0, 1, 0, 0, 0, 6, 1.0, 1.0),
        inShape, in, fShape, f, null, outShape));
  }

  @Test
  void agreesWithFloatRoundedTheTfliteWay() {
    Random r = new Random(3);
    float sx = 0.04f;
    float so = 0.09f;
    float[] sw = {0.011f, 0.0073f, 0.02f};
    int zx = 9;
    int zo = -6;
    int[] inShape = {1, 5, 4, 3};
    int[] fShape = {3, 3, 2, 3};
    int[] outShape = {1, 3, 3, 3}; // stride 2, dilation 1, pad 1: (5+1+1-3)/2+1, (4+1+1-2)/2+1
    byte[] in = RandomQuant.bytes(r, 60);
    byte[] f = RandomQuant.bytes(r, 54);
    int[] bias = {700, -1200, 31};
    double[] real = new double[3];
    for (int c = 0; c < 3; c++) {
      real[c] = (double) sx * sw[c] / so;
    }
    byte[] out = Conv2dS8.run(params(2, 1, 1, 1, zx, zo, -128, 127, real), inShape, in, fShape, f,
        bias, outShape);
    for (int oy = 0; oy < 3; oy++) {
      for (int ox = 0; ox < 3; ox++) {
        for (int oc = 0; oc < 3; oc++) {
          double acc = bias[oc] * (double) sx * sw[oc];
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 2; kx++) {
              int iy = oy * 2 - 1 + ky;
              int ix = ox * 2 - 1 + kx;
              for (int ic = 0; ic < 3; ic++) {
                double x = iy < 0 || iy >= 5 || ix < 0 || ix >= 4 ? 0
                    : (in[(iy * 4 + ix) * 3 + ic] - zx) * (double) sx;
                acc += x * f[((oc * 3 + ky) * 2 + kx) * 3 + ic] * sw[oc];
              }
            }
          }
          long q = Math.max(-128, Math.min(127, Math.round(acc / so) + zo));
          assertEquals(q, out[(oy * 3 + ox) * 3 + oc], "output " + oy + "," + ox + "," + oc);
        }
      }
    }
  }

  @Test
  void rejectsInconsistentShapes() {
    Conv2dS8.Params p = params(1, 1, 0, 1, 0, 0, -128, 127, 1.0);
    // a 3x3 input and 2x2 kernel give 2x2; 1x2 leaves a row uncovered
    assertThrows(IllegalArgumentException.class, () -> Conv2dS8.run(p, new int[] {1, 3, 3, 1},
        new byte[9], new int[] {1, 2, 2, 1}, new byte[4], null, new int[] {1, 1, 2, 1}));
    assertThrows(IllegalArgumentException.class, () -> Conv2dS8.run(p, new int[] {1, 3, 3, 2},
        new byte[18], new int[] {1, 2, 2, 1}, new byte[4], null, new int[] {1, 2, 2, 1}));
    assertThrows(IllegalArgumentException.class, () -> Conv2dS8.run(p, new int[] {1, 3, 3, 1},
        new byte[9], new int[] {1, 2, 2, 1}, new byte[4], null, new int[] {1, 2, 2, 2}));
    // 2^16 * 2^16 elements: the shape check refuses it before any array is looked at
    assertThrows(IllegalArgumentException.class, () -> Conv2dS8.run(p,
        new int[] {1, 65536, 65536, 1}, new byte[0], new int[] {1, 1, 1, 1}, new byte[1], null,
        new int[] {1, 65536, 65536, 1}));
  }
}
