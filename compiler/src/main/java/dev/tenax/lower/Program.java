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
  /**
   * A graph input or output and the caller-owned buffer that holds it. {@code type} is what the
   * caller passes: the model's shape, or for an input passed channels last ({@link InputLayout#NHWC})
   * that shape permuted by {@code perm} (type's axis k is the model's axis perm[k]).
   */
  public record Io(String name, TensorType type, Buffer buffer, int[] perm) {
    /** In the model's own layout. */
    public Io(String name, TensorType type, Buffer buffer) {
      this(name, type, buffer, Layouts.identity(type.rank()));
    }

    /** Whether the caller passes it in another axis order than the model declares. */
    public boolean permuted() {
      return !java.util.Arrays.equals(perm, Layouts.identity(perm.length));
    }

    /** The shape the ONNX model declares. */
    public int[] modelShape() {
      return Layouts.permute(type.shape(), Layouts.inverse(perm));
    }
  }

  public long macs() {
    return steps.stream().mapToLong(Step::macs).sum();
  }

  public long constantBytes() {
    return steps.stream().mapToLong(Step::constantBytes).sum();
  }
}
