package dev.tenax.lower.steps;

import dev.tenax.kernels.AvgPoolRequantS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tx_avg_pool_requant_s8}: an int8 average pool over NHWC views whose output has another
 * quantization than its input, requantized in one rounding.
 */
public record AvgPoolRequantS8Step(String node, AvgPoolRequantS8.Params params, View in, View out)
    implements UnaryStep, Tileable {
  @Override
  public String kernel() {
    return "tx_avg_pool_requant_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, AvgPoolRequantS8.run(params, in.shape4(), m.bytes(in), out.shape4()));
  }

  @Override
  public List<CArg> args() {
    AvgPoolRequantS8.Params p = params;
    return PoolStep.args(new CArg.Struct(kernel() + "_params", CallArgs.concat(
        PoolStep.geometryFields(p.geometry()),
        List.of(new CArg.Field("input_offset", p.inputOffset()),
            new CArg.Field("output_offset", p.outputOffset()),
            new CArg.Field("act_min", p.actMin()), new CArg.Field("act_max", p.actMax()),
            new CArg.Field("multiplier", p.multiplier()), new CArg.Field("shift", p.shift())))),
        in, out);
  }

  /**
   * A window's taps per output, each an accumulate (with weight 1, as in the depthwise form this
   * kernel replaced): the intermittent power model prices a call by them (Tiling.work), and its
   * output count alone (64 for DS-CNN's global pool of 125 taps each) would underestimate it.
   */
  @Override
  public long macs() {
    int[] o = out.shape4();
    return (long) o[0] * o[1] * o[2] * o[3] * params.geometry().filterH() * params.geometry().filterW();
  }

  @Override
  public int maxTiles() {
    return WindowRows.maxTiles(in, out, params.geometry().strideH(), 1, params.geometry().filterH(),
        params.geometry().padTop());
  }

  @Override
  public List<Step> tiles(int parts) {
    List<Step> tiles = new ArrayList<>();
    for (WindowRows r : WindowRows.split(in, out, params.geometry().strideH(), 1,
        params.geometry().filterH(), params.geometry().padTop(), parts)) {
      tiles.add(new AvgPoolRequantS8Step(node, params.withPadTop(r.padTop()), r.in(), r.out()));
    }
    return tiles;
  }
}
