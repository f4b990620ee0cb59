package dev.tenax.kernels;

/**
 * The window geometry shared by {@link MaxPoolS8} and {@link AvgPoolS8}: filter size, strides and
 * the top/left padding (bottom/right padding is implied by the output shape), as in
 * {@code tx_max_pool_s8_params} and {@code tx_avg_pool_s8_params}.
 */
public record PoolGeometry(int filterH, int filterW, int strideH, int strideW, int padTop,
    int padLeft) {
  public PoolGeometry {
    if (filterH <= 0 || filterW <= 0 || strideH <= 0 || strideW <= 0 || padTop < 0 || padLeft < 0) {
      throw new IllegalArgumentException("filter and strides must be > 0 and pads >= 0");
    }
  }

  /** The same window with another top padding (a row tile's). */
  public PoolGeometry withPadTop(int pad) {
    return new PoolGeometry(filterH, filterW, strideH, strideW, pad, padLeft);
  }

  static void checkShapes(int[] inShape, int[] outShape) {
    if (inShape.length != 4 || outShape.length != 4) {
      throw new IllegalArgumentException("pooling shapes are NHWC");
    }
    if (inShape[0] != outShape[0] || inShape[3] != outShape[3]) {
      throw new IllegalArgumentException("pooling keeps batch and channels");
    }
    for (int i = 0; i < 4; i++) {
      if (inShape[i] <= 0 || outShape[i] <= 0) {
        throw new IllegalArgumentException("shape dimensions must be > 0");
      }
    }
  }
}
