package dev.tenax.kernels;

import java.util.Random;

/**
 * A random 2-D convolution window for the conv and depthwise cross-checks: stride, dilation,
 * kernel size, input size and leading pads per axis (H, W), and the output size they give.
 */
record RandomWindow(int[] stride, int[] dilation, int[] k, int[] in, int[] padBegin, int[] out) {
  /** The next window, or null when the dilated kernel does not fit the padded input. */
  static RandomWindow next(Random r) {
    int[] stride = {1 + r.nextInt(3), 1 + r.nextInt(3)};
    int[] dilation = {1 + r.nextInt(2), 1 + r.nextInt(2)};
    int[] k = {1 + r.nextInt(4), 1 + r.nextInt(4)};
    int[] in = {1 + r.nextInt(9), 1 + r.nextInt(9)};
    int[] padBegin = {r.nextInt(3), r.nextInt(3)};
    int[] out = new int[2];
    boolean ok = true;
    for (int a = 0; a < 2; a++) {
      int padEnd = r.nextInt(3);
      int span = in[a] + padBegin[a] + padEnd - ((k[a] - 1) * dilation[a] + 1);
      ok &= span >= 0;
      out[a] = span / stride[a] + 1;
    }
    return ok ? new RandomWindow(stride, dilation, k, in, padBegin, out) : null;
  }
}
