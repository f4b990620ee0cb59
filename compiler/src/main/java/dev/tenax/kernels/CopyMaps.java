package dev.tenax.kernels;

/**
 * Where each output element of the copying kernels (Pad, Concat, nearest Resize) comes from: a
 * flat index into the input, or {@link #FILL} for Pad's constant. The int8 and int16 kernels apply
 * the same map, since they move values without looking at them.
 */
final class CopyMaps {
  /** The output element holds the pad constant. */
  static final int FILL = -1;

  private CopyMaps() {}

  /** The pads of {@code tx_pad_s8_params} and {@code tx_pad_s16_params}: four NHWC entries each. */
  static void checkPads(int[] before, int[] after) {
    if (before == null || after == null || before.length != 4 || after.length != 4) {
      throw new IllegalArgumentException("pads are given for the four NHWC dimensions");
    }
  }

  /** {@code inShape + before + after}; every dimension must be positive before and after. */
  static int[] padShape(int[] before, int[] after, int[] inShape) {
    int[] out = new int[4];
    for (int d = 0; d < 4; d++) {
      out[d] = inShape[d] + before[d] + after[d];
      if (inShape[d] <= 0 || out[d] <= 0) {
        throw new IllegalArgumentException("dimension " + d + " is empty before or after padding");
      }
    }
    return out;
  }

  /** Negative pads crop: their output elements read from inside the input. */
  static int[] pad(int[] before, int[] after, int[] inShape) {
    int[] o = padShape(before, after, inShape);
    int[] map = new int[o[0] * o[1] * o[2] * o[3]];
    int i = 0;
    for (int n = 0; n < o[0]; n++) {
      for (int y = 0; y < o[1]; y++) {
        for (int x = 0; x < o[2]; x++) {
          for (int c = 0; c < o[3]; c++) {
            int sn = n - before[0], sy = y - before[1], sx = x - before[2], sc = c - before[3];
            boolean inside = sn >= 0 && sn < inShape[0] && sy >= 0 && sy < inShape[1]
                && sx >= 0 && sx < inShape[2] && sc >= 0 && sc < inShape[3];
            map[i++] = inside ? ((sn * inShape[1] + sy) * inShape[2] + sx) * inShape[3] + sc : FILL;
          }
        }
      }
    }
    return map;
  }

  /** Inputs that agree on every dimension except {@code axis}; the output's shape. */
  static int[] concatShape(int axis, int numInputs, int[][] inShapes) {
    if (inShapes.length != numInputs) {
      throw new IllegalArgumentException("expected " + numInputs + " input shapes");
    }
    int[] out = inShapes[0].clone();
    out[axis] = 0;
    for (int[] s : inShapes) {
      for (int d = 0; d < 4; d++) {
        if (s[d] <= 0 || (d != axis && s[d] != out[d])) {
          throw new IllegalArgumentException("input shapes disagree outside the concat axis");
        }
      }
      out[axis] += s[axis];
    }
    return out;
  }

  /** Indices into the inputs laid end to end (see {@link #join}). */
  static int[] concat(int axis, int numInputs, int[][] inShapes) {
    int[] o = concatShape(axis, numInputs, inShapes);
    int[] map = new int[o[0] * o[1] * o[2] * o[3]];
    int start = 0; // where the current input starts in the joined inputs
    int offset = 0; // where the current input starts along the axis
    for (int[] s : inShapes) {
      int k = start;
      for (int n = 0; n < s[0]; n++) {
        for (int y = 0; y < s[1]; y++) {
          for (int x = 0; x < s[2]; x++) {
            for (int c = 0; c < s[3]; c++) {
              int[] at = {n, y, x, c};
              at[axis] += offset;
              map[((at[0] * o[1] + at[1]) * o[2] + at[2]) * o[3] + at[3]] = k++;
            }
          }
        }
      }
      start = k;
      offset += s[axis];
    }
    return map;
  }

  /** The source pixel of each output pixel, through the row and column tables. */
  static int[] resizeNearest(int[] srcY, int[] srcX, int[] inShape) {
    Shapes4.checkPositive(inShape, "input");
    int n = inShape[0], inH = inShape[1], inW = inShape[2], c = inShape[3];
    for (int y : srcY) {
      if (y < 0 || y >= inH) {
        throw new IllegalArgumentException("source row " + y + " outside [0, " + inH + ")");
      }
    }
    for (int x : srcX) {
      if (x < 0 || x >= inW) {
        throw new IllegalArgumentException("source column " + x + " outside [0, " + inW + ")");
      }
    }
    int[] map = new int[n * srcY.length * srcX.length * c];
    int k = 0;
    for (int b = 0; b < n; b++) {
      for (int y : srcY) {
        for (int x : srcX) {
          for (int ch = 0; ch < c; ch++) {
            map[k++] = ((b * inH + y) * inW + x) * c + ch;
          }
        }
      }
    }
    return map;
  }

  static byte[] gather(int[] map, byte[] in, int fill) {
    byte[] out = new byte[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = map[i] == FILL ? (byte) fill : in[map[i]];
    }
    return out;
  }

  static short[] gather(int[] map, short[] in, int fill) {
    short[] out = new short[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = map[i] == FILL ? (short) fill : in[map[i]];
    }
    return out;
  }

  /** The inputs one after another, each holding the values its shape gives. */
  static byte[] join(int[][] shapes, byte[][] parts) {
    checkCount(shapes, parts.length);
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (int k = 0; k < parts.length; k++) {
      Shapes4.checkLength(parts[k], Shapes4.size(shapes[k]), "input " + k);
      all.write(parts[k], 0, parts[k].length);
    }
    return all.toByteArray();
  }

  static short[] join(int[][] shapes, short[][] parts) {
    checkCount(shapes, parts.length);
    short[] all = new short[0];
    for (int k = 0; k < parts.length; k++) {
      S16Args.checkLength(parts[k], Shapes4.size(shapes[k]), "input " + k);
      int at = all.length;
      all = java.util.Arrays.copyOf(all, at + parts[k].length);
      System.arraycopy(parts[k], 0, all, at, parts[k].length);
    }
    return all;
  }

  private static void checkCount(int[][] shapes, int parts) {
    if (shapes.length != parts) {
      throw new IllegalArgumentException(parts + " inputs for " + shapes.length + " shapes");
    }
  }
}
