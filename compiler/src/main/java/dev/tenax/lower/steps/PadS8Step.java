package dev.tenax.lower.steps;

import dev.tenax.kernels.PadS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/** {@code tx_pad_s8}: constant padding (negative pads crop) of up to four physical axes. */
public record PadS8Step(String node, PadS8.Params params, View in, View out) implements UnaryStep {
  @Override
  public String kernel() {
    return "tx_pad_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, PadS8.run(params, in.shape4(), m.bytes(in)));
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct("tx_pad_s8_params", List.of(new CArg.Field("before", params.before()),
            new CArg.Field("after", params.after()), new CArg.Field("pad_value", params.padValue()))),
        new CArg.Shape(in.shape4()), new CArg.Data(in, false), new CArg.Data(out, true));
  }
}
