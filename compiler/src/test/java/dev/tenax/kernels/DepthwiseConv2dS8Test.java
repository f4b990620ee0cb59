package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.quant.QuantizedMultiplier;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DepthwiseConv2dS8Test {
  private static DepthwiseConv2dS8.Params params(int stride, int dilation, int pad, int mult,
      int inZp, int outZp, int lo, int hi, double... scales) {
    int[] m = new int[scales.length];
    int[] s = new int[scales.length];
    for (int i = 0; i < scales.length; i++) {
      QuantizedMultiplier q = QuantizedMultiplier.of(scales[i]);
      m[i] = q.multiplier();
      s[i] = q.shift();
    }
    return new DepthwiseConv2dS8.Params(stride, stride, dilation, dilation, pad, pad, mult, -inZp,
        outZp, lo, hi, m, s);
  }

  @Test
  void eachChannelUsesItsOwnFilter() {
    // 2x2 input, 2 channels, zp 2; 2x2 kernel: channel 0 sums, channel 1 takes top-left only
    byte[] in = {3, 12, 4, 22, 5, 32, 6, 42}; // ch0 - 2: 1 2 3 4; ch1 - 2: 10 20 30 40
    byte[] f = {1, 1, 1, 0, 1, 0, 1, 0}; // [ky][kx][oc]
    byte[] out = DepthwiseConv2dS8.run(params(1, 1, 0, 1, 2, 1, -128, 127, 1.0, 0.5),
        new int[] {1, 2, 2, 2}, in, new int[] {1, 2, 2, 2}, f, new int[] {0, 4},
        new int[] {1, 1, 1, 2});
    assertArrayEquals(new byte[] {(1 + 2 + 3 + 4) + 1, (10 + 4) / 2 + 1}, out);
  }

  @Test
  void channelMultiplierOrdersOutputsByInputChannel() {
    // 1x1 input, channels {5, -7}, multiplier 2, 1x1 kernel {1, 2, 3, 4}: {5, 10, -21, -28}
    byte[] out = DepthwiseConv2dS8.run(params(1, 1, 0, 2, 0, 0, -128, 127, 1, 1, 1, 1),
        new int[] {1, 1, 1, 2}, new byte[] {5, -7}, new int[] {1, 1, 1, 4},
        new byte[] {1, 2, 3, 4}, null, new int[] {1, 1, 1, 4});
    assertArrayEquals(new byte[] {5, 10, -21, -28}, out);
  }

  @Test
  void strideDilationAndPadding() {
    // 1 channel 4x4 input 1..16, 2x2 kernel of ones dilated 2, stride 2, pad 1: as the conv test
    byte[] in = new byte[16];
    for (int i = 0; i < 16; i++) {
      in[i] = (byte) (i + 1);
    }
    byte[] out = DepthwiseConv2dS8.run(params(2, 2, 1, 1, 0, 0, -128, 127, 1.0),
        new int[] {1, 4, 4, 1}, in, new int[] {1, 2, 2, 1}, new byte[] {1, 1, 1, 1}, null,
        new int[] {1, 2, 2, 1});
    assertArrayEquals(new byte[] {6, 14, 20, 44}, out);
  }

  @Test
  void saturatesAndClamps() {
    byte[] in = {127, -128};
    byte[] f = {127, 127};
    int[] shape = {1, 1, 1, 2};
    assertArrayEquals(new byte[] {127, -128}, DepthwiseConv2dS8.run(params(1, 1, 0, 1, 0, 0, -128,
        127, 1.0, 1.0), shape, in, shape, f, null, shape));
    assertArrayEquals(new byte[] {20, -20}, DepthwiseConv2dS8.run(params(1, 1, 0, 1, 0, 0, -20,
        20, 1.0, 1.0), shape, in, shape, f, null, shape));
  }

  @Test
  void agreesWithFloatRoundedTheTfliteWay() {
    Random r = new Random(5);
    float sx = 0.03f;
    float so = 0.05f;
    float[] sw = {0.012f, 0.009f, 0.017f, 0.004f};
    int zx = -11;
    int zo = 7;
    int mult = 2;
    int[] inShape = {1, 4, 5, 2};
    int[] fShape = {1, 3, 3, 4};
    int[] outShape = {1, 4, 5, 4}; // stride 1, dilation 1, pad 1 on every side
    byte[] in = RandomQuant.bytes(r, 40);
    byte[] f = RandomQuant.bytes(r, 36);
    int[] bias = {300, -800, 55, 0};
    double[] real = new double[4];
    for (int c = 0; c < 4; c++) {
      real[c] = (double) sx * sw[c] / so;
    }
    byte[] out = DepthwiseConv2dS8.run(params(1, 1, 1, mult, zx, zo, -128, 127, real), inShape,
        in, fShape, f, bias, outShape);
    for (int oy = 0; oy < 4; oy++) {
      for (int ox = 0; ox < 5; ox++) {
        for (int oc = 0; oc < 4; oc++) {
          double acc = bias[oc] * (double) sx * sw[oc];
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
              int iy = oy - 1 + ky;
              int ix = ox - 1 + kx;
              double x = iy < 0 || iy >= 4 || ix < 0 || ix >= 5 ? 0
                  : (in[(iy * 5 + ix) * 2 + oc / mult] - zx) * (double) sx;
              acc += x * f[(ky * 3 + kx) * 4 + oc] * sw[oc];
            }
          }
          long q = Math.max(-128, Math.min(127, Math.round(acc / so) + zo));
          assertEquals(q, out[(oy * 5 + ox) * 4 + oc], "output " + oy + "," + ox + "," + oc);
        }
      }
    }
  }

  @Test
  void rejectsInconsistentShapes() {
    DepthwiseConv2dS8.Params p = params(1, 1, 0, 1, 0, 0, -128, 127, 1.0);
    assertThrows(IllegalArgumentException.class, () -> DepthwiseConv2dS8.run(p,
        new int[] {1, 3, 3, 1}, new byte[9], new int[] {1, 2, 2, 1}, new byte[4], null,
        new int[] {1, 2, 1, 1}));
    assertThrows(IllegalArgumentException.class, () -> DepthwiseConv2dS8.run(p,
        new int[] {1, 3, 3, 1}, new byte[9], new int[] {1, 2, 2, 2}, new byte[8], null,
        new int[] {1, 2, 2, 2}));
    assertThrows(IllegalArgumentException.class, () -> DepthwiseConv2dS8.run(p,
        new int[] {1, 3, 3, 1}, new byte[9], new int[] {2, 2, 2, 1}, new byte[8], null,
        new int[] {1, 2, 2, 1}));
  }
}
