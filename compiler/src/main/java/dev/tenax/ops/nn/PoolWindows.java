package dev.tenax.ops.nn;

import dev.tenax.ir.Shapes;
import java.util.Arrays;

/**
 * The taps of every pooling window, resolved once per evaluation so that pooling loops over
 * channels need no index arithmetic: for output position {@code p} (row-major over the output
 * spatial axes), {@code offsets[start[p] .. start[p+1])} are the row-major offsets, within one
 * input channel plane, of the taps that fall inside the input, in window scan order.
 * {@code inPadded[p]} counts the taps inside the input or its pads, which is AveragePool's
 * divisor with count_include_pad=1: a ceil_mode window that runs past the end padding is
 * clipped there, as in the ONNX reference.
 */
record PoolWindows(int[] start, int[] offsets, int[] inPadded) {

  static PoolWindows of(WindowGeometry g) {
    int r = g.rank();
    int positions = g.outputPositions();
    int window = g.windowSize();
    int[] start = new int[positions + 1];
    int[] offsets = new int[positions * window];
    int[] inPadded = new int[positions];
    int[] out = new int[r];
    int[] tap = new int[r];
    int k = 0;
    for (int p = 0; p < positions; p++) {
      start[p] = k;
      Arrays.fill(tap, 0);
      for (int t = 0; t < window; t++) {
        int off = 0;
        boolean inside = true;
        boolean padded = true;
        for (int a = 0; a < r; a++) {
          int q = out[a] * g.strides()[a] - g.padBegin()[a] + tap[a] * g.dilations()[a];
          inside &= q >= 0 && q < g.inSize()[a];
          padded &= q >= -g.padBegin()[a] && q < g.inSize()[a] + g.padEnd()[a];
          off = off * g.inSize()[a] + q;
        }
        if (inside) {
          offsets[k++] = off;
        }
        if (padded) {
          inPadded[p]++;
        }
        WindowGeometry.increment(tap, g.kernel());
      }
      WindowGeometry.increment(out, g.outSize());
    }
    start[positions] = k;
    return new PoolWindows(start, Arrays.copyOf(offsets, k), inPadded);
  }

  int positions() {
    return inPadded.length;
  }

  /** Elements in one input channel plane. */
  static int plane(WindowGeometry g) {
    return Shapes.size(g.inSize());
  }
}
