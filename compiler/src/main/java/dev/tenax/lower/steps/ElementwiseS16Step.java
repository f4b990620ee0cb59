package dev.tenax.lower.steps;

import dev.tenax.kernels.AddS16;
import dev.tenax.kernels.MulS16;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/** {@code tx_add_s16} or {@code tx_mul_s16}; exactly one of {@code add} and {@code mul} is set. */
public record ElementwiseS16Step(String node, AddS16.Params add, MulS16.Params mul, View a, View b,
    View out) implements BinaryStep {
  @Override
  public String kernel() {
    return add != null ? "tx_add_s16" : "tx_mul_s16";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, add != null ? AddS16.run(add, m.shorts(a), m.shorts(b)) : MulS16.run(mul, m.shorts(a), m.shorts(b)));
  }

  @Override
  public List<CArg> args() {
    List<CArg.Field> f = add != null
        ? List.of(new CArg.Field("input1_multiplier", add.input1Multiplier()),
            new CArg.Field("input1_shift", add.input1Shift()),
            new CArg.Field("input2_multiplier", add.input2Multiplier()),
            new CArg.Field("input2_shift", add.input2Shift()),
            new CArg.Field("left_shift", add.leftShift()),
            new CArg.Field("output_multiplier", add.outputMultiplier()),
            new CArg.Field("output_shift", add.outputShift()),
            new CArg.Field("act_min", add.actMin()), new CArg.Field("act_max", add.actMax()))
        : List.of(new CArg.Field("output_multiplier", mul.outputMultiplier()),
            new CArg.Field("output_shift", mul.outputShift()),
            new CArg.Field("act_min", mul.actMin()), new CArg.Field("act_max", mul.actMax()));
    return argsWith(new CArg.Struct(kernel() + "_params", f));
  }

  @Override
  public ElementwiseS16Step withViews(View a, View b, View out) {
    return new ElementwiseS16Step(node, add, mul, a, b, out);
  }
}
