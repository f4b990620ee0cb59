package dev.tenax.kernels;

/**
 * Int8 max pooling over NHWC, the specification of {@code tx_max_pool_s8}: TFLite's reference
 * int8 MaxPool. Padded positions are skipped; the maximum starts at -128, so a window that covers
 * only padding gives the clamped -128.
 */
public final class MaxPoolS8 {
  private MaxPoolS8() {}

  /** Mirrors {@code tx_max_pool_s8_params}. */
  public record Params(PoolGeometry geometry, int actMin, int actMax) {}

  public static byte[] run(Params p, int[] inShape, byte[] in, int[] outShape) {
    PoolGeometry g = p.geometry();
    PoolGeometry.checkShapes(inShape, outShape);
    int h = inShape[1], w = inShape[2], c = inShape[3];
    int oh = outShape[1], ow = outShape[2];
    byte[] out = new byte[outShape[0] * oh * ow * c];
    for (int n = 0; n < inShape[0]; n++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int ch = 0; ch < c; ch++) {
            int max = Byte.MIN_VALUE;
            for (int ky = 0; ky < g.filterH(); ky++) {
              int y = oy * g.strideH() - g.padTop() + ky;
              for (int kx = 0; kx < g.filterW(); kx++) {
                int x = ox * g.strideW() - g.padLeft() + kx;
                if (y >= 0 && y < h && x >= 0 && x < w) {
                  max = Math.max(max, in[((n * h + y) * w + x) * c + ch]);
                }
              }
            }
            out[((n * oh + oy) * ow + ox) * c + ch] =
                (byte) Math.min(Math.max(max, p.actMin()), p.actMax());
          }
        }
      }
    }
    return out;
  }
}
