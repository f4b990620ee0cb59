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
    byte[] out = new byte[outShape[0] * outShape[1] * outShape[2] * inShape[3]];
    PoolLoops.average(g, p.actMin(), p.actMax(), inShape, i -> in[i], outShape,
        (i, v) -> out[i] = (byte) v);
    return out;
  }
}
