package dev.tenax.kernels;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.util.Random;

/** Random pooling configurations for the cross-checks of {@link MaxPoolS8} and {@link AvgPoolS8}. */
record PoolCases(PoolGeometry geometry, int[] inShape, int[] outShape, int actMin, int actMax) {
  /**
   * Pads are below the filter size unless {@code widePads}, so that every window holds at least
   * one input (average pooling requires it); wide pads give windows of padding only.
   */
  static PoolCases random(Random r, boolean widePads) {
    while (true) {
      int[] in = KernelCrossCheck.shape(r, 2, 9, 9, 13);
      int kh = 1 + r.nextInt(4), kw = 1 + r.nextInt(4);
      int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3);
      int padLimitH = widePads ? kh + 2 : kh, padLimitW = widePads ? kw + 2 : kw;
      int pt = r.nextInt(padLimitH), pb = r.nextInt(padLimitH);
      int pl = r.nextInt(padLimitW), pr = r.nextInt(padLimitW);
      int oh = Math.floorDiv(in[1] + pt + pb - kh, sh) + 1;
      int ow = Math.floorDiv(in[2] + pl + pr - kw, sw) + 1;
      if (oh <= 0 || ow <= 0) {
        continue;
      }
      int[] range = KernelCrossCheck.actRange(r);
      return new PoolCases(new PoolGeometry(kh, kw, sh, sw, pt, pl), in,
          new int[] {in[0], oh, ow, in[3]}, range[0], range[1]);
    }
  }

  Line line(byte[] input) {
    PoolGeometry g = geometry;
    return new Line().add(g.filterH(), g.filterW(), g.strideH(), g.strideW(), g.padTop(),
        g.padLeft(), actMin, actMax).add(inShape).add(outShape).add(input);
  }

  int inputSize() {
    return inShape[0] * inShape[1] * inShape[2] * inShape[3];
  }
}
