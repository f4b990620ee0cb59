package dev.tenax.kernels;

import java.util.Set;

/**
 * Nearest-neighbour resize of an NHWC int8 tensor (n, inH, inW, c) to (n, outH, outW, c), the
 * specification of {@code tx_resize_nearest_s8}. Input and output share one quantization, so the
 * kernel only copies. Every coordinate decision (ONNX Resize's coordinate_transformation_mode and
 * nearest_mode) is made here, once per output row and column: the kernel receives the source row
 * of each output row and the source column of each output column.
 *
 * <p>Batch and channels are copied unchanged. ONNX transforms the coordinates of those axes too
 * (with scale 1), which is the identity in every mode except tf_half_pixel_for_nearest with
 * nearest_mode ceil or round_prefer_ceil: there (x + 0.5) rounds up and ONNX shifts N and C by
 * one (clamped). The compiler must reject that combination when N or C exceed 1.
 */
public final class ResizeNearestS8 {
  /** The ONNX coordinate transformation modes that nearest resizing supports here. */
  public static final Set<String> COORDINATE_MODES = Set.of("half_pixel", "half_pixel_symmetric",
      "pytorch_half_pixel", "align_corners", "asymmetric", "tf_half_pixel_for_nearest");
  public static final Set<String> NEAREST_MODES = Set.of("round_prefer_floor", "round_prefer_ceil",
      "floor", "ceil");

  private ResizeNearestS8() {}

  /**
   * Mirrors {@code tx_resize_nearest_s8_params}.
   *
   * @param srcY for each output row, the input row it copies, in [0, inH)
   * @param srcX for each output column, the input column it copies, in [0, inW)
   */
  public record Params(int[] srcY, int[] srcX) {
    public Params {
      if (srcY == null || srcX == null || srcY.length == 0 || srcX.length == 0) {
        throw new IllegalArgumentException("index tables must be non-empty");
      }
      srcY = srcY.clone();
      srcX = srcX.clone();
    }

    @Override
    public int[] srcY() {
      return srcY.clone();
    }

    @Override
    public int[] srcX() {
      return srcX.clone();
    }
  }

  /**
   * The tables for ONNX Resize with a scales input: the output length is floor(scale * in) and
   * align_corners and half_pixel_symmetric use the unrounded scale * in, as the ONNX reference.
   */
  public static Params forScales(int inH, int inW, double scaleH, double scaleW,
      String coordinateMode, String nearestMode) {
    int outH = (int) Math.floor(scaleH * inH);
    int outW = (int) Math.floor(scaleW * inW);
    return new Params(indices(coordinateMode, nearestMode, inH, outH, scaleH, scaleH * inH),
        indices(coordinateMode, nearestMode, inW, outW, scaleW, scaleW * inW));
  }

  /** The tables for ONNX Resize with a sizes input (keep_aspect_ratio_policy stretch). */
  public static Params forSizes(int inH, int inW, int outH, int outW, String coordinateMode,
      String nearestMode) {
    return new Params(
        indices(coordinateMode, nearestMode, inH, outH, (double) outH / inH, outH),
        indices(coordinateMode, nearestMode, inW, outW, (double) outW / inW, outW));
  }

  /**
   * Source indices of one axis: the ONNX position of each output coordinate, rounded by
   * {@code nearestMode}, clamped into the input.
   *
   * @param lengthResized scale * inLen, or the requested size when sizes were given
   */
  public static int[] indices(String coordinateMode, String nearestMode, int inLen, int outLen,
      double scale, double lengthResized) {
    if (!COORDINATE_MODES.contains(coordinateMode)) {
      throw new IllegalArgumentException("unsupported coordinate_transformation_mode " + coordinateMode);
    }
    if (!NEAREST_MODES.contains(nearestMode)) {
      throw new IllegalArgumentException("unsupported nearest_mode " + nearestMode);
    }
    if (inLen <= 0 || outLen <= 0 || !(scale > 0)) {
      throw new IllegalArgumentException("resize needs positive lengths and scale, got in " + inLen
          + ", out " + outLen + ", scale " + scale);
    }
    int[] idx = new int[outLen];
    for (int o = 0; o < outLen; o++) {
      double x = position(coordinateMode, o, inLen, outLen, scale, lengthResized);
      // Decide on the fraction x - floor(x), as the ONNX reference does: floor(x + 0.5) would
      // differ where x + 0.5 rounds up to an integer in double.
      double f = Math.floor(x);
      double ratio = x - f;
      boolean up = switch (nearestMode) {
        case "round_prefer_floor" -> ratio > 0.5;
        case "round_prefer_ceil" -> ratio >= 0.5;
        case "floor" -> false;
        default -> ratio > 0;
      };
      double rounded = up ? f + 1 : f;
      idx[o] = (int) Math.min(inLen - 1, Math.max(0, rounded));
    }
    return idx;
  }

  /** The ONNX formula of each coordinate_transformation_mode, in its spec's evaluation order. */
  private static double position(String mode, int o, int inLen, int outLen, double scale,
      double lengthResized) {
    switch (mode) {
      case "half_pixel":
        return (o + 0.5) / scale - 0.5;
      case "half_pixel_symmetric": {
        double offset = inLen / 2.0 * (1 - outLen / lengthResized);
        return offset + (o + 0.5) / scale - 0.5;
      }
      case "pytorch_half_pixel":
        return outLen > 1 ? (o + 0.5) / scale - 0.5 : 0;
      case "align_corners":
        return lengthResized == 1 ? 0 : o * (inLen - 1.0) / (lengthResized - 1);
      case "asymmetric":
        return o / scale;
      default: // tf_half_pixel_for_nearest
        return (o + 0.5) / scale;
    }
  }

  /**
   * @param inShape NHWC (n, inH, inW, c)
   * @return the output, shape (n, srcY.length, srcX.length, c)
   */
  public static byte[] run(Params p, int[] inShape, byte[] in) {
    int[] map = CopyMaps.resizeNearest(p.srcY, p.srcX, inShape);
    Shapes4.checkLength(in, Shapes4.size(inShape), "input");
    return CopyMaps.gather(map, in, 0);
  }
}
