package dev.tenax.lower.steps;

import dev.tenax.kernels.AddS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/** {@code tx_add_s8} over two equal-shaped views in the same layout. */
public record AddS8Step(String node, AddS8.Params params, View a, View b, View out)
    implements BinaryStep {
  @Override
  public String kernel() {
    return "tx_add_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, AddS8.run(params, m.bytes(a), m.bytes(b)));
  }

  @Override
  public List<CArg> args() {
    AddS8.Params p = params;
    return argsWith(new CArg.Struct("tx_add_s8_params", List.of(
        new CArg.Field("input1_offset", p.input1Offset()),
        new CArg.Field("input1_multiplier", p.input1Multiplier()),
        new CArg.Field("input1_shift", p.input1Shift()),
        new CArg.Field("input2_offset", p.input2Offset()),
        new CArg.Field("input2_multiplier", p.input2Multiplier()),
        new CArg.Field("input2_shift", p.input2Shift()),
        new CArg.Field("left_shift", p.leftShift()),
        new CArg.Field("output_offset", p.outputOffset()),
        new CArg.Field("output_multiplier", p.outputMultiplier()),
        new CArg.Field("output_shift", p.outputShift()),
        new CArg.Field("act_min", p.actMin()), new CArg.Field("act_max", p.actMax()))));
  }

  @Override
  public AddS8Step withViews(View a, View b, View out) {
    return new AddS8Step(node, params, a, b, out);
  }
}
