package dev.tenax.lower.steps;

import dev.tenax.ir.DType;
import dev.tenax.kernels.PadS16;
import dev.tenax.kernels.PadS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/**
 * {@code tx_pad_s8} or {@code tx_pad_s16} by the input's type: constant padding (negative pads
 * crop) of up to four physical axes; both take the same parameters, {@code padValue} in the
 * data's type.
 */
public record PadStep(String node, int[] before, int[] after, int padValue, View in, View out)
    implements UnaryStep {
  private boolean int16() {
    return in.buffer().dtype() == DType.INT16;
  }

  @Override
  public String kernel() {
    return int16() ? "tx_pad_s16" : "tx_pad_s8";
  }



  @Override
  public void execute(Memory m) {
    if (int16()) {
      m.put(out, PadS16.run(new PadS16.Params(before, after, padValue), in.shape4(), m.shorts(in)));
    } else {
      m.put(out, PadS8.run(new PadS8.Params(before, after, padValue), in.shape4(), m.bytes(in)));
    }
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct(kernel() + "_params", List.of(new CArg.Field("before", before),
            new CArg.Field("after", after), new CArg.Field("pad_value", padValue))),
        new CArg.Shape(in.shape4()), new CArg.Data(in, false), new CArg.Data(out, true));
  }
}
