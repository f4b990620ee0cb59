package dev.tenax.lower.steps;

import dev.tenax.kernels.Conv2dS16;
import dev.tenax.kernels.DepthwiseConv2dS16;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tx_conv2d_s16} or {@code tx_depthwise_conv2d_s16} (16x8: int16 activations, int8
 * weights, int64 bias, reduced Q15 multipliers). Exactly one of {@code conv} and
 * {@code depthwise} is set.
 */
public record ConvS16Step(String node, Conv2dS16.Params conv, DepthwiseConv2dS16.Params depthwise,
    View in, int[] filterShape, byte[] filter, long[] bias, View out) implements UnaryStep, Tileable {
  @Override
  public String kernel() {
    return conv != null ? "tx_conv2d_s16" : "tx_depthwise_conv2d_s16";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, conv != null
        ? Conv2dS16.run(conv, in.shape4(), m.shorts(in), filterShape, filter, bias, out.shape4())
        : DepthwiseConv2dS16.run(depthwise, in.shape4(), m.shorts(in), filterShape, filter, bias,
            out.shape4()));
  }

  @Override
  public List<CArg> args() {
    List<CArg.Field> f = conv != null
        ? CallArgs.concat(
            CallArgs.window(conv.strideH(), conv.strideW(), conv.dilationH(), conv.dilationW(),
                conv.padTop(), conv.padLeft()),
            List.of(new CArg.Field("groups", conv.groups()),
                new CArg.Field("act_min", conv.actMin()), new CArg.Field("act_max", conv.actMax())),
            CallArgs.requant(conv.multipliers(), conv.shifts()))
        : CallArgs.concat(
            CallArgs.window(depthwise.strideH(), depthwise.strideW(), depthwise.dilationH(),
                depthwise.dilationW(), depthwise.padTop(), depthwise.padLeft()),
            List.of(new CArg.Field("channel_multiplier", depthwise.channelMultiplier()),
                new CArg.Field("act_min", depthwise.actMin()),
                new CArg.Field("act_max", depthwise.actMax())),
            CallArgs.requant(depthwise.multipliers(), depthwise.shifts()));
    return CallArgs.conv(new CArg.Struct(kernel() + "_params", f), in, filterShape, filter,
        CallArgs.bias(bias), out);
  }

  @Override
  public long macs() {
    int[] o = out.shape4();
    return (long) o[0] * o[1] * o[2] * o[3] * filterShape[1] * filterShape[2]
        * (conv != null ? filterShape[3] : 1);
  }

  @Override
  public int maxTiles() {
    return WindowRows.maxTiles(in, out, strideH(), dilationH(), filterShape[1], padTop());
  }

  @Override
  public List<Step> tiles(int parts) {
    List<Step> tiles = new ArrayList<>();
    for (WindowRows r : WindowRows.split(in, out, strideH(), dilationH(), filterShape[1], padTop(), parts)) {
      tiles.add(new ConvS16Step(node, conv == null ? null : conv.withPadTop(r.padTop()),
          depthwise == null ? null : depthwise.withPadTop(r.padTop()), r.in(), filterShape, filter, bias, r.out()));
    }
    return tiles;
  }

  private int strideH() {
    return conv != null ? conv.strideH() : depthwise.strideH();
  }

  private int dilationH() {
    return conv != null ? conv.dilationH() : depthwise.dilationH();
  }

  private int padTop() {
    return conv != null ? conv.padTop() : depthwise.padTop();
  }
}
