package dev.tenax.kernels;

/**
 * float32 to int8 quantization into the transposed layout, the specification of {@code
 * tx_quantize_transpose_f32_s8}: {@link QuantizeF32S8} of a {@code [rows][cols]} float32 matrix
 * written as its {@code [cols][rows]} transpose ({@link TransposeS8}), output rows {@code [first,
 * first + count)} only (an intermittent build's tile writes some of them). An NCHW image (rows:
 * channels, cols: pixels) goes straight to the NHWC layout the int8 kernels take.
 */
public final class QuantizeTransposeF32S8 {
  private QuantizeTransposeF32S8() {}

  /** Mirrors {@code tx_quantize_transpose_f32_s8_params}. */
  public record Params(float scale, int zeroPoint, int first, int count) {
    public Params {
      new QuantizeF32S8.Params(scale, zeroPoint); // the same checks
      if (first < 0 || count < 1) {
        throw new IllegalArgumentException("output rows [" + first + ", " + first + " + " + count + ")");
      }
    }
  }

  /** {@code out[(j - first) * rows + r] = quantize(in[r * cols + j])}. */
  public static byte[] run(Params p, int rows, int cols, float[] in) {
    if (in.length != rows * cols || p.first() + p.count() > cols) {
      throw new IllegalArgumentException(in.length + " values, " + rows + " x " + cols + ", output rows ["
          + p.first() + ", " + (p.first() + p.count()) + ")");
    }
    byte[] out = new byte[p.count() * rows];
    for (int j = 0; j < p.count(); j++) {
      for (int r = 0; r < rows; r++) {
        out[j * rows + r] = (byte) QuantizeF32S8.quantize(in[r * cols + p.first() + j], p.scale(),
            p.zeroPoint(), -128, 127);
      }
    }
    return out;
  }
}
