package dev.tenax.lower;

/**
 * What the compiled model's inputs and outputs hold. {@link #FLOAT}: float32 in the ONNX model's
 * own types, so that a compiled model is a drop-in for the float one; the model quantizes its
 * inputs first and dequantizes its outputs last. {@link #QUANTIZED}: an input that the model
 * quantizes first (every reader of it is a QuantizeLinear of one scale and zero point) is passed
 * already quantized, int8 (int16 in the 16x8 mode), and an output that the model dequantizes
 * last is returned before the dequantization; the steps and the float32 buffers at the boundary
 * are gone (TFLite Micro's usual int8 model I/O). An input or output that does not sit at such a
 * boundary stays float32.
 */
public enum ModelIo {
  FLOAT,
  QUANTIZED;

  /** The --io value: float or quantized; a usage error names both. */
  public static ModelIo parse(String text) throws dev.tenax.diag.UsageException {
    return switch (text) {
      case "float" -> FLOAT;
      case "quantized" -> QUANTIZED;
      default -> throw new dev.tenax.diag.UsageException("--io " + text + ": use float (float32 inputs and "
          + "outputs, the default) or quantized (int8 inputs and outputs where the model quantizes them)");
    };
  }
}
