package dev.tenax.lower.steps;

import dev.tenax.ir.DType;
import dev.tenax.kernels.ResizeNearestS16;
import dev.tenax.kernels.ResizeNearestS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/**
 * {@code tx_resize_nearest_s8} or {@code tx_resize_nearest_s16} by the input's type: NHWC gather
 * through precomputed row and column tables.
 */
public record ResizeNearestStep(String node, ResizeNearestS8.Params params, View in, View out)
    implements UnaryStep {
  private boolean int16() {
    return in.buffer().dtype() == DType.INT16;
  }

  @Override
  public String kernel() {
    return int16() ? "tx_resize_nearest_s16" : "tx_resize_nearest_s8";
  }

  @Override
  public void execute(Memory m) {
    if (int16()) {
      m.put(out, ResizeNearestS16.run(params, in.shape4(), m.shorts(in)));
    } else {
      m.put(out, ResizeNearestS8.run(params, in.shape4(), m.bytes(in)));
    }
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct(kernel() + "_params", List.of(
            new CArg.Field("src_y", ConstArray.int32("src_y", params.srcY())),
            new CArg.Field("src_x", ConstArray.int32("src_x", params.srcX())))),
        new CArg.Shape(in.shape4()), new CArg.Data(in, false), new CArg.Shape(out.shape4()),
        new CArg.Data(out, true));
  }
}
