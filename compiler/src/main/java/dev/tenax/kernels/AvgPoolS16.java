package dev.tenax.kernels;

/**
 * Int16 average pooling over NHWC, the specification of {@code tx_avg_pool_s16} (CMSIS-NN's
 * {@code arm_avgpool_s16}, TFLite's int16 AveragePool). Input and output share one quantization:
 * the int32 sum of the valid (non-padded) inputs is divided by their count, rounding half away
 * from zero ({@code (sum +- count/2) / count} with truncating division), then clamped. A window
 * of padding only is an error, as in TFLite. The filter covers at most {@link #MAX_FILTER_AREA}
 * positions so that the int32 sum and its rounding cannot overflow.
 */
public final class AvgPoolS16 {
  private AvgPoolS16() {}

  /** 65535 * -32768 - 32767 is the most negative rounded sum, still inside int32. */
  public static final int MAX_FILTER_AREA = 65535;

  /** Mirrors {@code tx_avg_pool_s16_params}. */
  public record Params(PoolGeometry geometry, int actMin, int actMax) {}

  /** @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT} */
  public static short[] run(Params p, int[] inShape, short[] in, int[] outShape) {
    PoolGeometry g = p.geometry();
    PoolGeometry.checkShapes(inShape, outShape);
    S16Args.checkOutput(p.actMin(), p.actMax());
    S16Args.checkLength(in, Shapes4.size(inShape), "input");
    if ((long) g.filterH() * g.filterW() > MAX_FILTER_AREA) {
      throw new IllegalArgumentException("filter area " + (long) g.filterH() * g.filterW()
          + " exceeds " + MAX_FILTER_AREA + ": the int32 sum could overflow");
    }
    short[] out = new short[outShape[0] * outShape[1] * outShape[2] * inShape[3]];
    PoolLoops.average(g, p.actMin(), p.actMax(), inShape, i -> in[i], outShape,
        (i, v) -> out[i] = (short) v);
    return out;
  }
}
