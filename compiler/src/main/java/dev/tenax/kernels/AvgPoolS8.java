package dev.tenax.kernels;

/**
 * Int8 average pooling over NHWC, the specification of {@code tx_avg_pool_s8}: TFLite's reference
 * int8 AveragePool (and CMSIS-NN's {@code arm_avgpool_s8}). Input and output share one
 * quantization, so no zero point enters: the sum of the valid (non-padded) inputs is divided by
 * their count, rounding half away from zero ({@code (sum +- count/2) / count} with truncating
 * division), then clamped. A window of padding only is an error, as in TFLite.
 */
public final class AvgPoolS8 {
  private AvgPoolS8() {}

  /** Mirrors {@code tx_avg_pool_s8_params}. */
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
            int sum = 0;
            int count = 0;
            for (int ky = 0; ky < g.filterH(); ky++) {
              int y = oy * g.strideH() - g.padTop() + ky;
              for (int kx = 0; kx < g.filterW(); kx++) {
                int x = ox * g.strideW() - g.padLeft() + kx;
                if (y >= 0 && y < h && x >= 0 && x < w) {
                  sum += in[((n * h + y) * w + x) * c + ch];
                  count++;
                }
              }
            }
            if (count == 0) {
              throw new IllegalArgumentException("pooling window at (" + oy + ", " + ox
                  + ") covers only padding");
            }
            int avg = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
            out[((n * oh + oy) * ow + ox) * c + ch] =
                (byte) Math.min(Math.max(avg, p.actMin()), p.actMax());
          }
        }
      }
    }
    return out;
  }
}
