package dev.tenax.lower.steps;

import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Row tiles of a sliding-window call (convolution, depthwise convolution, pooling) over NHWC
 * views of one image: each tile computes a band of output rows from the band of input rows its
 * windows touch. The tile's top padding is what remains of the call's above its first input row;
 * its bottom padding follows from its output height, as for every call (the kernels imply it), and
 * is never more than the call's, so the tile's windows skip exactly the rows the call's skip.
 */
record WindowRows(View in, View out, int padTop) {
  /**
   * Output rows a call can be split into: 1 unless both views are single-image NHWC views (a
   * tile's bands split again the same way) and every output row's window touches an input row
   * (the first and the last do).
   */
  static int maxTiles(View in, View out, int strideH, int dilationH, int kernelH, int padTop) {
    boolean nhwc = in.rank() == 4 && out.rank() == 4 && in.shape()[0] == 1 && out.shape()[0] == 1;
    int extent = (kernelH - 1) * dilationH + 1;
    int rows = nhwc ? out.shape()[1] : 1;
    boolean touching = extent - padTop > 0 && (long) (rows - 1) * strideH - padTop < in.shape()[nhwc ? 1 : 0];
    return nhwc && touching ? rows : 1;
  }

  /** The bands of {@code parts} tiles. */
  static List<WindowRows> split(View in, View out, int strideH, int dilationH, int kernelH, int padTop, int parts) {
    if (parts == 1) {
      return List.of(new WindowRows(in, out, padTop));
    }
    if (parts > maxTiles(in, out, strideH, dilationH, kernelH, padTop)) {
      throw new IllegalArgumentException(parts + " row tiles of " + out);
    }
    int[] is = in.shape();
    int[] os = out.shape();
    int inRow = is[2] * is[3];
    int outRow = os[2] * os[3];
    int extent = (kernelH - 1) * dilationH + 1;
    List<WindowRows> bands = new ArrayList<>();
    for (int[] r : Tileable.ranges(os[1], parts)) {
      int first = r[0] * strideH - padTop;
      int end = (r[1] - 1) * strideH - padTop + extent;
      int lo = Math.max(0, first);
      int hi = Math.min(is[1], end);
      bands.add(new WindowRows(in.part(new int[] {1, hi - lo, is[2], is[3]}, lo * inRow),
          out.part(new int[] {1, r[1] - r[0], os[2], os[3]}, r[0] * outRow), lo - first));
    }
    return bands;
  }
}
