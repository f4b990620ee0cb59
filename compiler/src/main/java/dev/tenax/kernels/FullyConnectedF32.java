package dev.tenax.kernels;

/**
 * float32 fully-connected layer, the specification of {@code tx_fully_connected_f32}:
 * {@code out[b][o] = clamp((sum_i in[b][i] * w[o][i]) + bias[o])}, the sum accumulated in float32
 * in index order from 0 and the bias added after it (as TFLite's reference and ONNX Gemm do).
 */
public final class FullyConnectedF32 {
  private FullyConnectedF32() {}

  /** Mirrors {@code tx_fully_connected_f32_params}; infinities for no clamp. */
  public record Params(float actMin, float actMax) {
    public static final Params NONE = new Params(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);

    public Params {
      if (!(actMin <= actMax)) {
        throw new IllegalArgumentException("empty clamp range [" + actMin + ", " + actMax + "]");
      }
    }
  }

  /**
   * @param inShape NHWC; n = batches, h * w * c = in features
   * @param weights [out features][in features]
   * @param bias [out features] or null
   * @param outShape {batches, 1, 1, out features}
   */
  public static float[] run(Params p, int[] inShape, float[] input, float[] weights, float[] bias,
      int[] outShape) {
    Shapes4.checkElementCount(inShape, "input");
    Shapes4.checkElementCount(outShape, "output");
    if (outShape[0] != inShape[0] || outShape[1] != 1 || outShape[2] != 1) {
      throw new IllegalArgumentException("output shape must be {batches, 1, 1, out features}");
    }
    int batches = inShape[0];
    int inFeatures = inShape[1] * inShape[2] * inShape[3];
    int outFeatures = outShape[3];
    if (input.length != batches * inFeatures || weights.length != (long) outFeatures * inFeatures
        || (bias != null && bias.length != outFeatures)) {
      throw new IllegalArgumentException("input, weights or bias do not match the shapes");
    }
    float[] out = new float[batches * outFeatures];
    for (int b = 0; b < batches; b++) {
      for (int o = 0; o < outFeatures; o++) {
        float acc = 0f;
        for (int i = 0; i < inFeatures; i++) {
          acc += input[b * inFeatures + i] * weights[o * inFeatures + i];
        }
        if (bias != null) {
          acc += bias[o];
        }
        if (acc < p.actMin()) {
          acc = p.actMin();
        }
        if (acc > p.actMax()) {
          acc = p.actMax();
        }
        out[b * outFeatures + o] = acc;
      }
    }
    return out;
  }
}
