package dev.tenax.kernels;

/**
 * Nearest-neighbour resize of an NHWC int16 tensor, the specification of
 * {@code tx_resize_nearest_s16}: {@link ResizeNearestS8} on int16 values, through the same index
 * tables ({@code tx_resize_nearest_s16_params} is {@code tx_resize_nearest_s8_params}), which
 * {@link ResizeNearestS8#forScales} and {@link ResizeNearestS8#forSizes} compute.
 */
public final class ResizeNearestS16 {
  private ResizeNearestS16() {}

  /**
   * @param inShape NHWC (n, inH, inW, c)
   * @return the output, shape (n, srcY.length, srcX.length, c)
   */
  public static short[] run(ResizeNearestS8.Params p, int[] inShape, short[] in) {
    int[] map = CopyMaps.resizeNearest(p.srcY(), p.srcX(), inShape);
    S16Args.checkLength(in, Shapes4.size(inShape), "input");
    return CopyMaps.gather(map, in, 0);
  }
}
