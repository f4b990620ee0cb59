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
      CopyMaps.checkPads(before, after);
      if (padValue < Byte.MIN_VALUE || padValue > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("pad value " + padValue + " does not fit int8");
      }
      before = before.clone();
      after = after.clone();
    }
  }

  public static int[] outputShape(Params p, int[] inShape) {
    return CopyMaps.padShape(p.before(), p.after(), inShape);
  }

  public static byte[] run(Params p, int[] inShape, byte[] in) {
    int[] map = CopyMaps.pad(p.before(), p.after(), inShape);
    Shapes4.checkLength(in, Shapes4.size(inShape), "input");
    return CopyMaps.gather(map, in, p.padValue());
  }
}
