package dev.tenax.lower.steps;

import dev.tenax.kernels.ResizeNearestS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/** {@code tx_resize_nearest_s8}: NHWC gather through precomputed row and column tables. */
public record ResizeNearestS8Step(String node, ResizeNearestS8.Params params, View in, View out)
    implements UnaryStep {
  @Override
  public String kernel() {
    return "tx_resize_nearest_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, ResizeNearestS8.run(params, in.shape4(), m.bytes(in)));
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct("tx_resize_nearest_s8_params", List.of(
            new CArg.Field("src_y", ConstArray.int32("src_y", params.srcY())),
            new CArg.Field("src_x", ConstArray.int32("src_x", params.srcX())))),
        new CArg.Shape(in.shape4()), new CArg.Data(in, false), new CArg.Shape(out.shape4()),
        new CArg.Data(out, true));
  }
}
