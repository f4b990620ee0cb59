package dev.tenax.kernels;

/**
 * Constant padding of an int8 NHWC tensor, the specification of {@code tx_pad_s8}. Each of the
 * four dimensions gets {@code before[d]} and {@code after[d]} extra elements holding
 * {@code padValue} (the quantized pad constant, usually the zero point). Negative pads crop, as
 * ONNX Pad allows; every output dimension must stay positive.
 */
public final class PadS8 {
  private PadS8() {}

  /** Mirrors {@code tx_pad_s8_params}: pads in NHWC order. */
  public record Params(int[] before, int[] after, int padValue) {
    public Params {
      if (before.length != 4 || after.length != 4) {
        throw new IllegalArgumentException("pads are given for the four NHWC dimensions");
      }
      if (padValue < Byte.MIN_VALUE || padValue > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("pad value " + padValue + " does not fit int8");
      }
      before = before.clone();
      after = after.clone();
    }
  }

  public static int[] outputShape(Params p, int[] inShape) {
    int[] out = new int[4];
    for (int d = 0; d < 4; d++) {
      out[d] = inShape[d] + p.before()[d] + p.after()[d];
      if (inShape[d] <= 0 || out[d] <= 0) {
        throw new IllegalArgumentException("dimension " + d + " is empty before or after padding");
      }
    }
    return out;
  }

  public static byte[] run(Params p, int[] inShape, byte[] in) {
    int[] o = outputShape(p, inShape);
    byte[] out = new byte[o[0] * o[1] * o[2] * o[3]];
    int i = 0;
    for (int n = 0; n < o[0]; n++) {
      for (int y = 0; y < o[1]; y++) {
        for (int x = 0; x < o[2]; x++) {
          for (int c = 0; c < o[3]; c++) {
            int sn = n - p.before()[0], sy = y - p.before()[1];
            int sx = x - p.before()[2], sc = c - p.before()[3];
            boolean inside = sn >= 0 && sn < inShape[0] && sy >= 0 && sy < inShape[1]
                && sx >= 0 && sx < inShape[2] && sc >= 0 && sc < inShape[3];
            out[i++] = inside
                ? in[((sn * inShape[1] + sy) * inShape[2] + sx) * inShape[3] + sc]
                : (byte) p.padValue();
          }
        }
      }
    }
    return out;
  }
}
