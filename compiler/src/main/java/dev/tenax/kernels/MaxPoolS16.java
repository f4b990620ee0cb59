package dev.tenax.kernels;

/**
 * Int16 max pooling over NHWC, the specification of {@code tx_max_pool_s16} (CMSIS-NN's
 * {@code arm_max_pool_s16}). Padded positions are skipped; the maximum starts at -32768, so a
 * window that covers only padding gives the clamped -32768.
 */
public final class MaxPoolS16 {
  private MaxPoolS16() {}

  /** Mirrors {@code tx_max_pool_s16_params}. */
  public record Params(PoolGeometry geometry, int actMin, int actMax) {}

  /** @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT} */
  public static short[] run(Params p, int[] inShape, short[] in, int[] outShape) {
    PoolGeometry g = p.geometry();
    PoolGeometry.checkShapes(inShape, outShape);
    S16Args.checkOutput(p.actMin(), p.actMax());
    S16Args.checkLength(in, Shapes4.size(inShape), "input");
    int h = inShape[1], w = inShape[2], c = inShape[3];
    int oh = outShape[1], ow = outShape[2];
    short[] out = new short[outShape[0] * oh * ow * c];
    for (int n = 0; n < inShape[0]; n++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int ch = 0; ch < c; ch++) {
            int max = Short.MIN_VALUE;
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
                (short) Math.min(Math.max(max, p.actMin()), p.actMax());
          }
        }
      }
    }
    return out;
  }
}
