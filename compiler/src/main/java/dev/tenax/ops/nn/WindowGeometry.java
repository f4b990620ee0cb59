package dev.tenax.ops.nn;

import dev.tenax.ir.Shapes;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.OpException;
import dev.tenax.diag.Code;
import java.util.Set;

/**
 * Sliding-window geometry shared by Conv, pooling and their quantized variants: kernel,
 * strides, dilations and explicit begin/end pads per spatial axis (auto_pad resolved), and
 * the output size. Spatial axes are the trailing {@code kernel.length} axes of NC... input.
 */
public record WindowGeometry(int[] kernel, int[] strides, int[] dilations, int[] padBegin,
    int[] padEnd, int[] inSize, int[] outSize) {

  private static final Set<String> AUTO_PAD = Set.of("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID");

  /**
   * Reads strides, dilations, pads, auto_pad and (when {@code allowCeil}) ceil_mode.
   *
   * @param kernel kernel size per spatial axis (from kernel_shape or the weight shape)
   * @param inSize input size per spatial axis
   */
  public static WindowGeometry resolve(Attrs attrs, int[] kernel, int[] inSize, boolean allowCeil) {
    int n = kernel.length;
    if (inSize.length != n) {
      throw new OpException(Code.TX050, "kernel has " + n + " spatial axes but the input has "
          + inSize.length);
    }
    int[] strides = attrs.getIntArray("strides", ones(n));
    int[] dilations = attrs.getIntArray("dilations", ones(n));
    int[] pads = attrs.getIntArray("pads", new int[2 * n]);
    if (strides.length != n || dilations.length != n || pads.length != 2 * n) {
      throw new OpException(Code.TX050, "strides, dilations and pads must have " + n + ", " + n
          + " and " + 2 * n + " entries for a " + n + "-D window");
    }
    for (int i = 0; i < n; i++) {
      if (strides[i] < 1 || dilations[i] < 1 || kernel[i] < 1 || pads[i] < 0 || pads[i + n] < 0) {
        throw new OpException(Code.TX040, "kernel, strides and dilations must be positive and pads "
            + "non-negative", null);
      }
    }
    String autoPad = attrs.getChoice("auto_pad", "NOTSET", AUTO_PAD);
    boolean ceil = allowCeil && attrs.getInt("ceil_mode", 0) != 0;
    int[] begin = new int[n];
    int[] end = new int[n];
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int effective = (kernel[i] - 1) * dilations[i] + 1;
      switch (autoPad) {
        case "SAME_UPPER":
        case "SAME_LOWER": {
          out[i] = ceilDiv(inSize[i], strides[i]);
          int total = Math.max(0, (out[i] - 1) * strides[i] + effective - inSize[i]);
          int small = total / 2;
          begin[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
          end[i] = total - begin[i];
          break;
        }
        case "VALID":
          out[i] = inSize[i] >= effective ? (inSize[i] - effective) / strides[i] + 1 : 0;
          break;
        default: {
          begin[i] = pads[i];
          end[i] = pads[i + n];
          int span = inSize[i] + begin[i] + end[i] - effective;
          if (span < 0) {
            throw new OpException(Code.TX050, "window of size " + effective + " does not fit input size "
                + inSize[i] + " with pads " + begin[i] + "+" + end[i]);
          }
          out[i] = (ceil ? ceilDiv(span, strides[i]) : span / strides[i]) + 1;
          // A window may not start inside the end padding (ONNX and PyTorch ceil_mode rule).
          if (ceil && (out[i] - 1) * strides[i] >= inSize[i] + begin[i]) {
            out[i]--;
          }
        }
      }
    }
    return new WindowGeometry(kernel, strides, dilations, begin, end, inSize, out);
  }

  public int rank() {
    return kernel.length;
  }

  /** Number of window positions (product of output sizes). */
  public int outputPositions() {
    return Shapes.size(outSize);
  }

  /** Number of taps per window (product of kernel sizes). */
  public int windowSize() {
    return Shapes.size(kernel);
  }

  /**
   * Advances a row-major multi-index over the first {@code index.length} axes of {@code bounds},
   * wrapping to all zeros after the last position.
   */
  public static void increment(int[] index, int[] bounds) {
    for (int a = index.length - 1; a >= 0; a--) {
      if (++index[a] < bounds[a]) {
        return;
      }
      index[a] = 0;
    }
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
