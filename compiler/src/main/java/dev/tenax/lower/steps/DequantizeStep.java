package dev.tenax.lower.steps;

import dev.tenax.ir.DType;
import dev.tenax.kernels.DequantizeS16F32;
import dev.tenax.kernels.DequantizeS8F32;
import dev.tenax.lower.Memory;
import dev.tenax.lower.QuantParams;
import dev.tenax.lower.View;

/**
 * {@code tx_dequantize_s8_f32} or {@code tx_dequantize_s16_f32}: ONNX DequantizeLinear of an
 * int8 or int16 view into float32, by {@code quant}'s type.
 */
public record DequantizeStep(String node, QuantParams quant, View in, View out)
    implements AffineStep {
  @Override
  public String kernel() {
    return quant.type() == DType.INT16 ? "tx_dequantize_s16_f32" : "tx_dequantize_s8_f32";
  }

  @Override
  public void execute(Memory m) {
    if (quant.type() == DType.INT16) {
      m.put(out, DequantizeS16F32.run(new DequantizeS16F32.Params(quant.scale(), quant.zeroPoint()), m.shorts(in)));
    } else {
      m.put(out, DequantizeS8F32.run(new DequantizeS8F32.Params(quant.scale(), quant.zeroPoint()), m.bytes(in)));
    }
  }

  @Override
  public DequantizeStep withViews(View in, View out) {
    return new DequantizeStep(node, quant, in, out);
  }
}
