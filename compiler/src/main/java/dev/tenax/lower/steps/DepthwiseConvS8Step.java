package dev.tenax.lower.steps;

import dev.tenax.kernels.DepthwiseConv2dS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/** {@code tx_depthwise_conv2d_s8}: NHWC input, filter (1, kh, kw, out_c). */
public record DepthwiseConvS8Step(String node, DepthwiseConv2dS8.Params params, View in,
    int[] filterShape, byte[] filter, int[] bias, View out) implements UnaryStep, Tileable {
  @Override
  public String kernel() {
    return "tx_depthwise_conv2d_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, DepthwiseConv2dS8.run(params, in.shape4(), m.bytes(in), filterShape, filter, bias,
        out.shape4()));
  }

  @Override
  public List<CArg> args() {
    DepthwiseConv2dS8.Params p = params;
    return CallArgs.conv(
        new CArg.Struct("tx_depthwise_conv2d_s8_params", CallArgs.concat(
            CallArgs.window(p.strideH(), p.strideW(), p.dilationH(), p.dilationW(), p.padTop(),
                p.padLeft()),
            List.of(new CArg.Field("channel_multiplier", p.channelMultiplier()),
                new CArg.Field("input_offset", p.inputOffset()),
                new CArg.Field("output_offset", p.outputOffset()),
                new CArg.Field("act_min", p.actMin()), new CArg.Field("act_max", p.actMax())),
            CallArgs.requant(p.multipliers(), p.shifts()))),
        in, filterShape, filter, CallArgs.bias(bias), out);
  }

  /** The layer's uniform shifts ({@link DepthwiseUniformShift}). */
  public DepthwiseUniformShift uniformShift() {
    return DepthwiseUniformShift.of(params, filterShape, bias);
  }

  @Override
  public long macs() {
    int[] o = out.shape4();
    return (long) o[0] * o[1] * o[2] * o[3] * filterShape[1] * filterShape[2];
  }

  @Override
  public int maxTiles() {
    return WindowRows.maxTiles(in, out, params.strideH(), params.dilationH(), filterShape[1], params.padTop());
  }

  @Override
  public List<Step> tiles(int parts) {
    List<Step> tiles = new ArrayList<>();
    for (WindowRows r : WindowRows.split(in, out, params.strideH(), params.dilationH(), filterShape[1],
        params.padTop(), parts)) {
      tiles.add(new DepthwiseConvS8Step(node, params.withPadTop(r.padTop()), r.in(), filterShape, filter, bias,
          r.out()));
    }
    return tiles;
  }
}
