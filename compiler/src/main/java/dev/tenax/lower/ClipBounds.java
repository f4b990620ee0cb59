package dev.tenax.lower;

import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.Attrs;
import java.util.Map;

/** Clip's bounds, from attributes before opset 11 and constant inputs after. */
final class ClipBounds {
  private ClipBounds() {}

  /** {@code {lo, hi}}, or null when a bound is computed at run time. */
  static float[] of(Node clip, Map<String, LoweredValue> values) {
    if (clip.opset() < 11) {
      Attrs a = new Attrs(clip);
      return new float[] {a.getFloat("min", Float.NEGATIVE_INFINITY), a.getFloat("max", Float.POSITIVE_INFINITY)};
    }
    float[] b = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
    for (int i = 1; i <= 2; i++) {
      if (clip.hasInput(i)) {
        Tensor t = Lowering.constantInput(clip, i, values);
        if (t == null || t.dtype() != dev.tenax.ir.DType.FLOAT32) {
          return null;
        }
        b[i - 1] = t.getFloat(0);
      }
    }
    return b;
  }
}
