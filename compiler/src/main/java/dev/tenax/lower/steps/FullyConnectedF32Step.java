package dev.tenax.lower.steps;

import dev.tenax.kernels.FullyConnectedF32;
import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.List;

/**
 * The float32 fallback {@code tx_fully_connected_f32}: rows of {@code in} times weights
 * {@code [out][in]} plus bias, with no clamp (the bounds are +-FLT_MAX, which C spells exactly).
 */
public record FullyConnectedF32Step(String node, View in, int rows, float[] weights, float[] bias,
    View out) implements Step {
  static final FullyConnectedF32.Params NO_CLAMP = new FullyConnectedF32.Params(-Float.MAX_VALUE, Float.MAX_VALUE);

  @Override
  public String kernel() {
    return "tx_fully_connected_f32";
  }

  @Override
  public List<View> reads() {
    return List.of(in);
  }

  @Override
  public View write() {
    return out;
  }

  private int[] inShape() {
    return new int[] {rows, 1, 1, in.buffer().elements() / rows};
  }

  private int[] outShape() {
    return new int[] {rows, 1, 1, out.buffer().elements() / rows};
  }

  @Override
  public void execute(Memory m) {
    m.put(out, FullyConnectedF32.run(NO_CLAMP, inShape(), m.floats(in), weights, bias, outShape()));
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct("tx_fully_connected_f32_params", List.of(
            new CArg.Field("act_min", NO_CLAMP.actMin()), new CArg.Field("act_max", NO_CLAMP.actMax()))),
        new CArg.Shape(inShape()), new CArg.Data(in, false),
        new CArg.Const(ConstArray.float32("weights", weights)),
        bias == null ? new CArg.Null() : new CArg.Const(ConstArray.float32("bias", bias)),
        new CArg.Shape(outShape()), new CArg.Data(out, true));
  }

  @Override
  public long macs() {
    return (long) weights.length * rows;
  }
}
