package dev.tenax.kernels;

/**
 * Constant padding of an int16 NHWC tensor, the specification of {@code tx_pad_s16}: {@link PadS8}
 * on int16 values (negative pads crop), the pad constant inside int16.
 */
public final class PadS16 {
  private PadS16() {}

  /** Mirrors {@code tx_pad_s16_params}: pads in NHWC order. */
  public record Params(int[] before, int[] after, int padValue) {
    public Params {
      CopyMaps.checkPads(before, after);
      if (padValue < Short.MIN_VALUE || padValue > Short.MAX_VALUE) {
        throw new IllegalArgumentException("pad value " + padValue + " does not fit int16");
      }
      before = before.clone();
      after = after.clone();
    }
  }

  public static short[] run(Params p, int[] inShape, short[] in) {
    int[] map = CopyMaps.pad(p.before(), p.after(), inShape);
    S16Args.checkLength(in, Shapes4.size(inShape), "input");
    return CopyMaps.gather(map, in, p.padValue());
  }
}
