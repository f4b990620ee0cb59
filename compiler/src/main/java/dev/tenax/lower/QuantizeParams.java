package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import java.util.Map;

/** The per-tensor scale and zero point of a QuantizeLinear or DequantizeLinear node. */
final class QuantizeParams {
  private QuantizeParams() {}

  /**
   * The node's quantization, or null when the scale or zero point is computed at run time or is
   * per-axis. Without a zero point, ONNX means uint8 with zero point 0, which lowering does not
   * take (uint8 models are shifted to int8 by the NormalizeQuantized pass).
   */
  static QuantParams of(Node node, Map<String, LoweredValue> values) {
    Tensor scale = Lowering.constantInput(node, 1, values);
    Tensor zp = Lowering.constantInput(node, 2, values);
    if (scale == null || scale.size() != 1 || zp == null || zp.size() != 1) {
      return null;
    }
    DType type = zp.dtype();
    if (type != DType.INT8 && type != DType.INT16) {
      return null;
    }
    return new QuantParams(scale.getFloat(0), (int) zp.getLong(0), type);
  }
}
