package dev.tenax.lower.steps;

import dev.tenax.kernels.MulS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/** {@code tx_mul_s8} over two equal-shaped views in the same layout. */
public record MulS8Step(String node, MulS8.Params params, View a, View b, View out)
    implements BinaryStep {
  @Override
  public String kernel() {
    return "tx_mul_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, MulS8.run(params, m.bytes(a), m.bytes(b)));
  }

  @Override
  public List<CArg> args() {
    MulS8.Params p = params;
    return argsWith(new CArg.Struct("tx_mul_s8_params", List.of(
        new CArg.Field("input1_offset", p.input1Offset()),
        new CArg.Field("input2_offset", p.input2Offset()),
        new CArg.Field("output_offset", p.outputOffset()),
        new CArg.Field("output_multiplier", p.outputMultiplier()),
        new CArg.Field("output_shift", p.outputShift()),
        new CArg.Field("act_min", p.actMin()), new CArg.Field("act_max", p.actMax()))));
  }

  @Override
  public long macs() {
    return out.buffer().elements();
  }

  @Override
  public MulS8Step withViews(View a, View b, View out) {
    return new MulS8Step(node, params, a, b, out);
  }
}
