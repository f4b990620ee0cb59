package dev.tenax.lower.steps;

import dev.tenax.ir.DType;
import dev.tenax.kernels.QuantizeF32S16;
import dev.tenax.kernels.QuantizeF32S8;
import dev.tenax.lower.Memory;
import dev.tenax.lower.QuantParams;
import dev.tenax.lower.View;

/**
 * {@code tx_quantize_f32_s8} or {@code tx_quantize_f32_s16}: ONNX QuantizeLinear of a float32
 * view into int8 or int16, by {@code quant}'s type.
 */
public record QuantizeStep(String node, QuantParams quant, View in, View out)
    implements AffineStep {
  @Override
  public String kernel() {
    return quant.type() == DType.INT16 ? "tx_quantize_f32_s16" : "tx_quantize_f32_s8";
  }

  @Override
  public void execute(Memory m) {
    if (quant.type() == DType.INT16) {
      m.put(out, QuantizeF32S16.run(new QuantizeF32S16.Params(quant.scale(), quant.zeroPoint()), m.floats(in)));
    } else {
      m.put(out, QuantizeF32S8.run(new QuantizeF32S8.Params(quant.scale(), quant.zeroPoint()), m.floats(in)));
    }
  }

  @Override
  public QuantizeStep withViews(View in, View out) {
    return new QuantizeStep(node, quant, in, out);
  }
}
