package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.quant.QuantizedMultiplier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvgPoolRequantS8Test {

  @Test
  void requantizesEachWindowsOffsetSumOnce() {
    // sums of (x + 3): 1+2+4+5 + 12 = 24, 2+3+5+6 + 12 = 28, ...; multiplier 0.5 / 4 = 1/8
    QuantizedMultiplier m = QuantizedMultiplier.of(0.125);
    AvgPoolRequantS8.Params p = new AvgPoolRequantS8.Params(new PoolGeometry(2, 2, 1, 1, 0, 0), 3,
        -10, -128, 127, m.multiplier(), m.shift());
    byte[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    // 24/8 = 3, 28/8 = 3.5 -> 4 (ties up), 36/8 = 4.5 -> 5, 40/8 = 5; then -10
    assertArrayEquals(new byte[] {-7, -6, -5, -5},
        AvgPoolRequantS8.run(p, new int[] {1, 3, 3, 1}, in, new int[] {1, 2, 2, 1}));
    AvgPoolRequantS8.Params clamped = new AvgPoolRequantS8.Params(p.geometry(), 3, -10, -6, -5,
        m.multiplier(), m.shift());
    assertArrayEquals(new byte[] {-6, -6, -5, -5},
        AvgPoolRequantS8.run(clamped, new int[] {1, 3, 3, 1}, in, new int[] {1, 2, 2, 1}));
  }

  @Test
  void rejectsWhatTheCKernelRejects() {
    QuantizedMultiplier m = QuantizedMultiplier.of(0.1);
    int[] s = {1, 2, 2, 1};
    byte[] in = new byte[4];
    PoolGeometry g = new PoolGeometry(2, 2, 1, 1, 0, 0);
    int[] out = {1, 1, 1, 1};
    assertThrows(IllegalArgumentException.class, () -> AvgPoolRequantS8.run(
        new AvgPoolRequantS8.Params(g, 129, 0, -128, 127, m.multiplier(), m.shift()), s, in, out));
    assertThrows(IllegalArgumentException.class, () -> AvgPoolRequantS8.run(
        new AvgPoolRequantS8.Params(g, 0, 128, -128, 127, m.multiplier(), m.shift()), s, in, out));
    assertThrows(IllegalArgumentException.class, () -> AvgPoolRequantS8.run(
        new AvgPoolRequantS8.Params(g, 0, 0, -128, 127, -1, m.shift()), s, in, out));
    assertThrows(IllegalArgumentException.class, () -> AvgPoolRequantS8.run(
        new AvgPoolRequantS8.Params(g, 0, 0, -128, 127, m.multiplier(), 31), s, in, out));
    assertThrows(IllegalArgumentException.class, () -> AvgPoolRequantS8.run(
        new AvgPoolRequantS8.Params(new PoolGeometry(4096, 2049, 1, 1, 0, 0), 0, 0, -128, 127,
            m.multiplier(), m.shift()), s, in, out));
  }

  /**
   * The bits of what the compiler lowered a requantizing int8 average to before this kernel: a
   * depthwise convolution with weights 2^e and the shift e lower, on random windows (pads,
   * strides, global pools of more than 256 taps), zero points and scales.
   */
  @Test
  void givesTheBitsOfTheDepthwiseLoweringItReplaced() {
    Random r = new Random(0x7E4A_A1E1L);
    int compared = 0;
    for (int i = 0; i < 3000; i++) {
      Case c = Case.random(r, i);
      byte[] in = RandomQuant.bytes(r, (int) Shapes4.size(c.inShape));
      byte[] want;
      try {
        want = asDepthwise(c.params, c.inShape, in, c.outShape);
      } catch (IllegalArgumentException e) {
        continue; // a padded geometry the convolution's shape check does not take
      }
      assertArrayEquals(want, AvgPoolRequantS8.run(c.params, c.inShape, in, c.outShape), c.toString());
      compared++;
    }
    assertTrue(compared > 2500, compared + " cases compared");
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_A1E2L);
    KernelCrossCheck check = new KernelCrossCheck();
    int errors = 0;
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      Case c = Case.random(r, i);
      AvgPoolRequantS8.Params p = c.params;
      if (i % 50 == 7) {
        p = new AvgPoolRequantS8.Params(p.geometry(), 129, p.outputOffset(), p.actMin(), p.actMax(),
            p.multiplier(), p.shift());
      } else if (i % 50 == 21) {
        p = new AvgPoolRequantS8.Params(p.geometry(), p.inputOffset(), p.outputOffset(), p.actMin(),
            p.actMax(), p.multiplier(), -32);
      }
      byte[] in = RandomQuant.bytes(r, (int) Shapes4.size(c.inShape));
      PoolGeometry g = p.geometry();
      KernelCrossCheck.Line line = new KernelCrossCheck.Line().add(g.filterH(), g.filterW(),
          g.strideH(), g.strideW(), g.padTop(), g.padLeft(), p.inputOffset(), p.outputOffset(),
          p.actMin(), p.actMax(), p.multiplier(), p.shift()).add(c.inShape).add(c.outShape).add(in);
      try {
        check.add(line, AvgPoolRequantS8.run(p, c.inShape, in, c.outShape));
      } catch (IllegalArgumentException e) {
        check.addError(line);
        errors++;
      }
    }
    assertTrue(errors >= 20, errors + " rejected cases");
    check.check(dir, "avg_pool_requant_s8");
  }

  /** One random call: pools of PoolCases (pads, some windows of padding only) or global pools. */
  record Case(AvgPoolRequantS8.Params params, int[] inShape, int[] outShape) {
    static Case random(Random r, int i) {
      PoolGeometry g;
      int[] in;
      int[] out;
      int[] act = KernelCrossCheck.actRange(r);
      if (i % 3 == 0) {
        // global: up to 20x20 (lanes flushed after 256 taps), or one row of up to 300 taps
        in = r.nextInt(4) == 0 ? new int[] {1, 1, 200 + r.nextInt(101), 1 + r.nextInt(5)}
            : new int[] {1 + r.nextInt(2), 1 + r.nextInt(20), 1 + r.nextInt(20), 1 + r.nextInt(20)};
        g = new PoolGeometry(in[1], in[2], 1, 1, 0, 0);
        out = new int[] {in[0], 1, 1, in[3]};
      } else {
        PoolCases p = PoolCases.random(r, i % 10 == 1);
        g = p.geometry();
        in = p.inShape();
        out = p.outShape();
        act = new int[] {p.actMin(), p.actMax()};
      }
      int window = g.filterH() * g.filterW();
      // output scales from 1/16 to 64 input scales: shifts in and outside [-23, -2]
      double real = Math.pow(2, -4 + 10 * r.nextDouble()) / window;
      if (r.nextInt(8) == 0) {
        real = Math.pow(2, -30 + 40 * r.nextDouble());
      }
      QuantizedMultiplier m = QuantizedMultiplier.of(real);
      int inOffset = -KernelCrossCheck.zeroPoint(r);
      return new Case(new AvgPoolRequantS8.Params(g, inOffset, KernelCrossCheck.zeroPoint(r), act[0],
          act[1], m.multiplier(), m.shift()), in, out);
    }

    @Override
    public String toString() {
      return params + " in " + Arrays.toString(inShape) + " out " + Arrays.toString(outShape);
    }
  }

  /** The int8 depthwise form PoolLowering emitted before tx_avg_pool_requant_s8. */
  static byte[] asDepthwise(AvgPoolRequantS8.Params p, int[] inShape, byte[] in, int[] outShape) {
    PoolGeometry g = p.geometry();
    int c = inShape[3];
    int window = g.filterH() * g.filterW();
    int e = unitWeightExponent(p.shift(), window);
    int[] multipliers = new int[c];
    int[] shifts = new int[c];
    Arrays.fill(multipliers, p.multiplier());
    Arrays.fill(shifts, p.shift() - e);
    byte[] weights = new byte[window * c];
    Arrays.fill(weights, (byte) (1 << e));
    var dw = new DepthwiseConv2dS8.Params(g.strideH(), g.strideW(), 1, 1, g.padTop(), g.padLeft(), 1,
        p.inputOffset(), p.outputOffset(), p.actMin(), p.actMax(), multipliers, shifts);
    return DepthwiseConv2dS8.run(dw, inShape, in, new int[] {1, g.filterH(), g.filterW(), c}, weights,
        null, outShape);
  }

  /** The exponent of that lowering's unit weight: the shift brought to -2 within an int8 weight
   * and an accumulator below 2^30. */
  static int unitWeightExponent(int shift, int window) {
    int e = Math.max(0, Math.min(6, shift + 2));
    while (e > 0 && (long) window * 255 << e >= 1L << 30) {
      e--;
    }
    return e;
  }
}
