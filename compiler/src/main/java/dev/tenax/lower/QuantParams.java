package dev.tenax.lower;

import dev.tenax.ir.DType;

/**
 * Per-tensor quantization of an activation buffer: {@code real = (q - zeroPoint) * scale}, with
 * the scale kept as the float32 the ONNX model stores, so that every derived multiplier is
 * computed from exactly the number ONNX Runtime uses.
 */
public record QuantParams(float scale, int zeroPoint, DType type) {
  public QuantParams {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("quantization scale must be positive and finite, got " + scale);
    }
    if (type != DType.INT8 && type != DType.INT16) {
      throw new IllegalArgumentException("quantized activations are int8 or int16, got " + type);
    }
    if (zeroPoint < type.min() || zeroPoint > type.max()) {
      throw new IllegalArgumentException("zero point " + zeroPoint + " outside " + type);
    }
  }

  @Override
  public String toString() {
    return type + "(scale=" + scale + ", zp=" + zeroPoint + ")";
  }
}
