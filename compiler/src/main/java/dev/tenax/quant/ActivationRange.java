package dev.tenax.quant;

import dev.tenax.ir.DType;

/**
 * The clamp {@code [min, max]} that a kernel applies to its quantized outputs: the whole output
 * type, or a fused activation (Relu, Relu6, Clip) expressed in the output's quantized domain.
 *
 * <p>Bounds are quantized the way QuantizeLinear quantizes a value (float32 division, round half
 * to even, add the zero point, saturate), so a fused clamp gives exactly the bits of the unfused
 * activation followed by quantization: rounding is monotonic, so it commutes with min and max.
 */
public record ActivationRange(int min, int max) {
  public ActivationRange {
    if (min > max) {
      throw new IllegalArgumentException("empty activation range [" + min + ", " + max + "]");
    }
  }

  /** No activation: the whole range of {@code type} (INT8 or INT16). */
  public static ActivationRange none(DType type) {
    checkType(type);
    return new ActivationRange((int) type.min(), (int) type.max());
  }

  /** Relu: the quantized zero and up. */
  public static ActivationRange relu(float scale, int zeroPoint, DType type) {
    return clip(0f, Float.POSITIVE_INFINITY, scale, zeroPoint, type);
  }

  /** Relu6: the quantized zero to the quantized six. */
  public static ActivationRange relu6(float scale, int zeroPoint, DType type) {
    return clip(0f, 6f, scale, zeroPoint, type);
  }

  /**
   * ONNX Clip {@code min(max(x, lo), hi)} in the quantized domain; infinite bounds mean "no
   * bound". When {@code lo > hi} every output is {@code hi}, as ONNX defines it.
   */
  public static ActivationRange clip(float lo, float hi, float scale, int zeroPoint, DType type) {
    checkType(type);
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("output scale must be finite and > 0, got " + scale);
    }
    if (zeroPoint < type.min() || zeroPoint > type.max()) {
      throw new IllegalArgumentException("zero point " + zeroPoint + " does not fit " + type);
    }
    if (Float.isNaN(lo) || Float.isNaN(hi)) {
      throw new IllegalArgumentException("Clip bounds must not be NaN");
    }
    int qhi = quantize(hi, scale, zeroPoint, type);
    int qlo = Math.min(quantize(lo, scale, zeroPoint, type), qhi);
    return new ActivationRange(qlo, qhi);
  }

  private static int quantize(float v, float scale, int zeroPoint, DType type) {
    double q = Math.rint(v / scale) + zeroPoint; // v / scale in float32, as QuantizeLinear
    return (int) Math.max(type.min(), Math.min(type.max(), q));
  }

  private static void checkType(DType type) {
    if (type != DType.INT8 && type != DType.INT16) {
      throw new IllegalArgumentException("quantized kernel outputs are int8 or int16, not " + type);
    }
  }
}
