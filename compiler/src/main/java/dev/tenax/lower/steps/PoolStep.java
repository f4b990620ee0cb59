package dev.tenax.lower.steps;

import dev.tenax.kernels.AvgPoolS16;
import dev.tenax.kernels.AvgPoolS8;
import dev.tenax.kernels.MaxPoolS16;
import dev.tenax.kernels.MaxPoolS8;
import dev.tenax.kernels.PoolGeometry;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Max or average pooling over NHWC views, int8 ({@code tx_max_pool_s8}, {@code tx_avg_pool_s8})
 * or int16 ({@code _s16}) by the input's type: all take the same parameters and keep the
 * input's quantization.
 */
public record PoolStep(String node, boolean max, PoolGeometry geometry, int actMin, int actMax,
    View in, View out) implements UnaryStep, Tileable {
  @Override
  public String kernel() {
    return (max ? "tx_max_pool_" : "tx_avg_pool_") + (int16() ? "s16" : "s8");
  }

  private boolean int16() {
    return in.buffer().dtype() == dev.tenax.ir.DType.INT16;
  }

  @Override
  public void execute(Memory m) {
    if (int16()) {
      m.put(out, max
          ? MaxPoolS16.run(new MaxPoolS16.Params(geometry, actMin, actMax), in.shape4(), m.shorts(in), out.shape4())
          : AvgPoolS16.run(new AvgPoolS16.Params(geometry, actMin, actMax), in.shape4(), m.shorts(in), out.shape4()));
      return;
    }
    byte[] result = max
        ? MaxPoolS8.run(new MaxPoolS8.Params(geometry, actMin, actMax), in.shape4(), m.bytes(in), out.shape4())
        : AvgPoolS8.run(new AvgPoolS8.Params(geometry, actMin, actMax), in.shape4(), m.bytes(in), out.shape4());
    m.put(out, result);
  }

  @Override
  public List<CArg> args() {
    return args(new CArg.Struct(kernel() + "_params", CallArgs.concat(geometryFields(geometry),
        List.of(new CArg.Field("act_min", actMin), new CArg.Field("act_max", actMax)))), in, out);
  }

  /** The window fields every pooling kernel's parameters start with. */
  static List<CArg.Field> geometryFields(PoolGeometry g) {
    return List.of(
        new CArg.Field("filter_h", g.filterH()), new CArg.Field("filter_w", g.filterW()),
        new CArg.Field("stride_h", g.strideH()), new CArg.Field("stride_w", g.strideW()),
        new CArg.Field("pad_top", g.padTop()), new CArg.Field("pad_left", g.padLeft()));
  }

  /** A pooling kernel's arguments: its parameters, then the input's and output's shapes and data. */
  static List<CArg> args(CArg.Struct params, View in, View out) {
    return List.of(params, new CArg.Shape(in.shape4()), new CArg.Data(in, false),
        new CArg.Shape(out.shape4()), new CArg.Data(out, true));
  }

  @Override
  public int maxTiles() {
    return WindowRows.maxTiles(in, out, geometry.strideH(), 1, geometry.filterH(), geometry.padTop());
  }

  @Override
  public List<Step> tiles(int parts) {
    List<Step> tiles = new ArrayList<>();
    for (WindowRows r : WindowRows.split(in, out, geometry.strideH(), 1, geometry.filterH(), geometry.padTop(),
        parts)) {
      tiles.add(new PoolStep(node, max, geometry.withPadTop(r.padTop()), actMin, actMax, r.in(), r.out()));
    }
    return tiles;
  }
}
