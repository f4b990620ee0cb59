package dev.tenax.lower;

import dev.tenax.ir.Tensor;

/** What an ONNX value became during lowering. */
public sealed interface LoweredValue {
  /**
   * A run-time tensor. For an int8 buffer the ONNX value is its dequantization: lowering treats
   * {@code DequantizeLinear(q)} as {@code q} read with the buffer's scale and zero point.
   */
  record Activation(View view) implements LoweredValue {
    public QuantParams quant() {
      return view.buffer().quant();
    }

    public boolean quantized() {
      return view.buffer().quant() != null;
    }
  }

  /**
   * {@code DequantizeLinear} of an integer constant (weights, biases): the integers, one scale
   * and zero point per slice along {@code axis} (a single entry for per-tensor).
   */
  record QuantizedConstant(Tensor data, float[] scales, long[] zeroPoints, int axis)
      implements LoweredValue {
    /** The scale of slice {@code c} along the axis. */
    public float scale(int c) {
      return scales.length == 1 ? scales[0] : scales[c];
    }

    public long zeroPoint(int c) {
      return zeroPoints.length == 1 ? zeroPoints[0] : zeroPoints[c];
    }

    public boolean symmetric() {
      for (long z : zeroPoints) {
        if (z != 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** A compile-time constant (shapes, float parameters). */
  record Constant(Tensor value) implements LoweredValue {}
}
