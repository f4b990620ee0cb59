package dev.tenax.lower.steps;

import dev.tenax.kernels.TransposeS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.TransposePlan;
import dev.tenax.lower.View;
import java.util.List;

/** {@code tx_transpose_s8}: moves int8 data between two layouts of the same value. */
public record TransposeS8Step(String node, TransposePlan plan, View in, View out)
    implements UnaryStep {
  @Override
  public String kernel() {
    return "tx_transpose_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, TransposeS8.run(new TransposeS8.Params(plan.perm4()), plan.shape4(), m.bytes(in)));
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct("tx_transpose_s8_params", List.of(new CArg.Field("perm", plan.perm4()))),
        new CArg.Shape(plan.shape4()), new CArg.Data(in, false), new CArg.Data(out, true));
  }
}
