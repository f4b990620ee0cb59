package dev.tenax.kernels;

/**
 * Concatenation of int16 NHWC tensors along one axis, the specification of
 * {@code tx_concat_s16}: {@link ConcatS8} on int16 values, with its parameters
 * ({@code tx_concat_s16_params} is {@code tx_concat_s8_params}).
 */
public final class ConcatS16 {
  private ConcatS16() {}

  public static short[] run(ConcatS8.Params p, int[][] inShapes, short[][] ins) {
    int[] map = CopyMaps.concat(p.axis(), p.numInputs(), inShapes);
    return CopyMaps.gather(map, CopyMaps.join(inShapes, ins), 0);
  }
}
