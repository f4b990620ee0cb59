package dev.tenax.lower.steps;

import dev.tenax.ir.DType;
import dev.tenax.kernels.QuantizeF32S16;
import dev.tenax.kernels.QuantizeF32S8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.QuantParams;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.List;

/**
 * {@code tx_quantize_f32_s8} or {@code tx_quantize_f32_s16}: ONNX QuantizeLinear of a float32
 * view into int8 or int16, by {@code quant}'s type.
 */
public record QuantizeStep(String node, QuantParams quant, View in, View out) implements Step {
  @Override
  public String kernel() {
    return quant.type() == DType.INT16 ? "tx_quantize_f32_s16" : "tx_quantize_f32_s8";
  }

  @Override
  public List<View> reads() {
    return List.of(in);
  }

  @Override
  public View write() {
    return out;
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
  public List<CArg> args() {
    return List.of(
        new CArg.Struct(kernel() + "_params", List.of(new CArg.Field("scale", quant.scale()),
            new CArg.Field("zero_point", quant.zeroPoint()))),
        new CArg.Shape(new int[] {in.buffer().elements()}), new CArg.Data(in, false),
        new CArg.Data(out, true));
  }
}
