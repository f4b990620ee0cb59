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
    byte[] out = new byte[outShape[0] * outShape[1] * outShape[2] * inShape[3]];
    PoolLoops.max(g, Byte.MIN_VALUE, p.actMin(), p.actMax(), inShape, i -> in[i], outShape,
        (i, v) -> out[i] = (byte) v);
    return out;
  }
}
