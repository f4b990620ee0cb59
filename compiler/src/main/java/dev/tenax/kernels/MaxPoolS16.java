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
    short[] out = new short[outShape[0] * outShape[1] * outShape[2] * inShape[3]];
    PoolLoops.max(g, Short.MIN_VALUE, p.actMin(), p.actMax(), inShape, i -> in[i], outShape,
        (i, v) -> out[i] = (short) v);
    return out;
  }
}
