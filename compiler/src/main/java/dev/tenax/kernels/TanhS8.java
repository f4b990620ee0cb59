package dev.tenax.kernels;

/**
 * Elementwise int8 tanh, the specification of {@code tx_tanh_s8}: TFLite's int8 Tanh. A TFLite
 * model quantizes its output with scale 1/128 and zero point 0, but the table is exact for any
 * output quantization, so the compiler accepts any.
 */
public final class TanhS8 {
  private TanhS8() {}

  /**
   * Mirrors {@code tx_tanh_s8_params}.
   *
   * @param table 256 entries, the output for input q at index {@code q + 128}
   */
  public record Params(byte[] table) {
    public Params {
      LookupTableS8.checkTable(table);
      table = table.clone();
    }

    @Override
    public byte[] table() {
      return table.clone();
    }
  }

  /** The table TFLite's Prepare computes for these quantizations. */
  public static Params forScales(double inScale, int inZeroPoint, double outScale, int outZeroPoint) {
    return new Params(LookupTableS8.table(inScale, inZeroPoint, outScale, outZeroPoint,
        Math::tanh));
  }

  /** @param shape NHWC, all dimensions positive; {@code in} holds its element count */
  public static byte[] run(Params p, int[] shape, byte[] in) {
    return LookupTableS8.run(p.table, shape, in);
  }
}
