package dev.tenax.kernels;

import java.util.function.IntUnaryOperator;

/**
 * The loops of the int8 and int16 pooling specifications, which differ only in element type: the
 * input is read through {@code in} (flat NHWC index to value) and each clamped result handed to
 * {@code out} with its flat NHWC index.
 */
final class PoolLoops {
  private PoolLoops() {}

  /** Receives one output element. */
  interface Store {
    void set(int index, int value);
  }

  /** The maximum of the valid inputs, starting from {@code lowest}, clamped. */
  static void max(PoolGeometry g, int lowest, int actMin, int actMax, int[] inShape,
      IntUnaryOperator in, int[] outShape, Store out) {
    int h = inShape[1], w = inShape[2], c = inShape[3];
    int oh = outShape[1], ow = outShape[2];
    for (int n = 0; n < inShape[0]; n++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int ch = 0; ch < c; ch++) {
            int max = lowest;
            for (int ky = 0; ky < g.filterH(); ky++) {
              int y = oy * g.strideH() - g.padTop() + ky;
              for (int kx = 0; kx < g.filterW(); kx++) {
                int x = ox * g.strideW() - g.padLeft() + kx;
                if (y >= 0 && y < h && x >= 0 && x < w) {
                  max = Math.max(max, in.applyAsInt(((n * h + y) * w + x) * c + ch));
                }
              }
            }
            out.set(((n * oh + oy) * ow + ox) * c + ch, Math.min(Math.max(max, actMin), actMax));
          }
        }
      }
    }
  }

  /** Receives one window's int32 sum of valid inputs and their count, with the output's flat NHWC index. */
  interface Window {
    void set(int index, int sum, int count);
  }

  /**
   * The int32 sum (wrapping) and count of the valid inputs of every window, in output order: what
   * both average pools reduce, one to a rounded quotient, one to a requantized sum.
   */
  static void sums(PoolGeometry g, int[] inShape, IntUnaryOperator in, int[] outShape, Window out) {
    int h = inShape[1], w = inShape[2], c = inShape[3];
    int oh = outShape[1], ow = outShape[2];
    for (int n = 0; n < inShape[0]; n++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int ch = 0; ch < c; ch++) {
            int sum = 0;
            int count = 0;
            for (int ky = 0; ky < g.filterH(); ky++) {
              int y = oy * g.strideH() - g.padTop() + ky;
              for (int kx = 0; kx < g.filterW(); kx++) {
                int x = ox * g.strideW() - g.padLeft() + kx;
                if (y >= 0 && y < h && x >= 0 && x < w) {
                  sum += in.applyAsInt(((n * h + y) * w + x) * c + ch);
                  count++;
                }
              }
            }
            out.set(((n * oh + oy) * ow + ox) * c + ch, sum, count);
          }
        }
      }
    }
  }

  /**
   * The int32 sum of the valid inputs divided by their count, rounding half away from zero, then
   * clamped; a window of padding only is an error.
   */
  static void average(PoolGeometry g, int actMin, int actMax, int[] inShape, IntUnaryOperator in,
      int[] outShape, Store out) {
    int ow = outShape[2], c = inShape[3];
    sums(g, inShape, in, outShape, (index, sum, count) -> {
      if (count == 0) {
        int pixel = index / c;
        throw new IllegalArgumentException("pooling window at (" + pixel / ow % outShape[1] + ", "
            + pixel % ow + ") covers only padding");
      }
      int avg = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
      out.set(index, Math.min(Math.max(avg, actMin), actMax));
    });
  }
}
