package dev.tenax.ops.nn;

/**
 * GlobalMaxPool (opsets 1, 22): the maximum of each channel plane. A NaN anywhere in the
 * plane gives NaN, as numpy's max in the ONNX reference does.
 */
public final class GlobalMaxPool extends GlobalPool {
  @Override
  public String opType() {
    return "GlobalMaxPool";
  }

  @Override
  protected float reduce(float[] x, int from, int count) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = from; i < from + count; i++) {
      float v = x[i];
      if (v > max || Float.isNaN(v)) {
        max = v;
        if (Float.isNaN(v)) {
          break;
        }
      }
    }
    return max;
  }
}
