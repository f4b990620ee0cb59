package dev.tenax.lower;

import dev.tenax.ir.TensorType;
import java.util.List;

/**
 * A lowered model: buffers and the kernel calls that run it, in order. Inputs and outputs are in
 * the ONNX model's own shapes and layout; float32, so that a compiled model is a drop-in for the
 * float one (the first and last steps quantize and dequantize), or in a {@link ModelIo#QUANTIZED}
 * build int8/int16 where the model converts them at its boundary ({@link Io#type()} says which).
 *
 * @param floatNodes ONNX nodes computed by float32 fallback kernels
 */
public record Program(String name, List<Buffer> buffers, List<Step> steps, List<Io> inputs,
    List<Io> outputs, List<String> floatNodes) {
  /** A graph input or output and the caller-owned buffer that holds it. */
  public record Io(String name, TensorType type, Buffer buffer) {}

  public long macs() {
    return steps.stream().mapToLong(Step::macs).sum();
  }

  public long constantBytes() {
    return steps.stream().mapToLong(Step::constantBytes).sum();
  }
}
