package dev.tenax.lower.steps;

import dev.tenax.kernels.FullyConnectedS16;
import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/** {@code tx_fully_connected_s16}: rows of int16 {@code in} times int8 weights {@code [out][in]}. */
public record FullyConnectedS16Step(String node, FullyConnectedS16.Params params, View in, int rows,
    byte[] weights, long[] bias, View out) implements UnaryStep {
  @Override
  public String kernel() {
    return "tx_fully_connected_s16";
  }

  private int[] inShape() {
    return new int[] {rows, 1, 1, in.buffer().elements() / rows};
  }

  private int[] outShape() {
    return new int[] {rows, 1, 1, out.buffer().elements() / rows};
  }

  @Override
  public void execute(Memory m) {
    m.put(out, FullyConnectedS16.run(params, inShape(), m.shorts(in), weights, bias, outShape()));
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct("tx_fully_connected_s16_params", CallArgs.concat(
            List.of(new CArg.Field("act_min", params.actMin()),
                new CArg.Field("act_max", params.actMax())),
            CallArgs.requant(params.multipliers(), params.shifts()))),
        new CArg.Shape(inShape()), new CArg.Data(in, false),
        new CArg.Const(ConstArray.int8("weights", weights)), CallArgs.bias(bias),
        new CArg.Shape(outShape()), new CArg.Data(out, true));
  }

  @Override
  public long macs() {
    return (long) weights.length * rows;
  }
}
