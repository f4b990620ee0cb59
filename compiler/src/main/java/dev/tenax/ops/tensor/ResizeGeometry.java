package dev.tenax.ops.tensor;

/**
 * Where each output coordinate of one resized axis samples the input, for the coordinate
 * transformation modes Tenax supports, and how nearest mode rounds such a position. The
 * formulas follow the ONNX Resize specification and its reference implementation, which
 * for align_corners and half_pixel_symmetric uses the unrounded resized length scale * in.
 */
final class ResizeGeometry {
  private ResizeGeometry() {}

  /**
   * Input positions (fractional) sampled by output coordinates 0..outLen-1.
   *
   * @param lengthResized scale * inLen, or the exact requested size when sizes were given
   */
  static double[] positions(String mode, int inLen, int outLen, double scale, double lengthResized) {
    double[] x = new double[outLen];
    for (int o = 0; o < outLen; o++) {
      x[o] = switch (mode) {
        case "half_pixel" -> (o + 0.5) / scale - 0.5;
        case "half_pixel_symmetric" -> {
          double adjustment = outLen / lengthResized;
          double offset = inLen / 2.0 * (1 - adjustment);
          yield offset + (o + 0.5) / scale - 0.5;
        }
        case "pytorch_half_pixel" -> outLen > 1 ? (o + 0.5) / scale - 0.5 : 0;
        case "align_corners" -> lengthResized == 1 ? 0 : o * (inLen - 1.0) / (lengthResized - 1);
        case "asymmetric" -> o / scale;
        case "tf_half_pixel_for_nearest" -> (o + 0.5) / scale;
        default -> throw new IllegalArgumentException("coordinate_transformation_mode " + mode);
      };
    }
    return x;
  }

  /** Nearest input index for position {@code x}, clamped into [0, inLen). */
  static int nearest(double x, String nearestMode, int inLen) {
    double f = Math.floor(x);
    double ratio = x - f;
    boolean up = ratio != 0 && switch (nearestMode) {
      case "round_prefer_floor" -> ratio > 0.5;
      case "round_prefer_ceil" -> ratio >= 0.5;
      case "floor" -> false;
      case "ceil" -> true;
      default -> throw new IllegalArgumentException("nearest_mode " + nearestMode);
    };
    double i = up ? f + 1 : f;
    return (int) Math.max(0, Math.min(inLen - 1, i));
  }

  /**
   * One linear pass along {@code axis}: {@code in} has shape {@code shape}; the result has
   * that shape with the axis resampled at {@code x}. Positions outside the input take the
   * edge value, as the reference implementation's edge padding does.
   */
  static double[] linear(double[] in, int[] shape, int axis, double[] x) {
    int inLen = shape[axis];
    int outLen = x.length;
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int outer = inLen == 0 ? 0 : in.length / (inLen * inner);
    int[] lo = new int[outLen];
    int[] hi = new int[outLen];
    double[] w = new double[outLen];
    for (int o = 0; o < outLen; o++) {
      if (x[o] <= 0) {
        lo[o] = hi[o] = 0;
      } else if (x[o] >= inLen - 1) {
        lo[o] = hi[o] = inLen - 1;
      } else {
        lo[o] = (int) Math.floor(x[o]);
        hi[o] = lo[o] + 1;
        w[o] = x[o] - lo[o];
      }
    }
    double[] out = new double[outer * outLen * inner];
    int k = 0;
    for (int a = 0; a < outer; a++) {
      int base = a * inLen * inner;
      for (int o = 0; o < outLen; o++) {
        int p = base + lo[o] * inner;
        int q = base + hi[o] * inner;
        for (int i = 0; i < inner; i++) {
          out[k++] = (1 - w[o]) * in[p + i] + w[o] * in[q + i];
        }
      }
    }
    return out;
  }
}
