package dev.tenax.lower.steps;

import dev.tenax.kernels.Conv2dS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/** {@code tx_conv2d_s8}: NHWC input, OHWI filter, per-channel requantization. */
public record ConvS8Step(String node, Conv2dS8.Params params, View in, int[] filterShape,
    byte[] filter, int[] bias, View out) implements UnaryStep, Tileable {
  @Override
  public String kernel() {
    return "tx_conv2d_s8";
  }

  @Override
  public void execute(Memory m) {
    m.put(out, Conv2dS8.run(params, in.shape4(), m.bytes(in), filterShape, filter, bias, out.shape4()));
  }

  @Override
  public List<CArg> args() {
    return args(filter, bias);
  }

  /**
   * The call with other operands in place of the filter and bias: a target whose kernel reads
   * them in another format (dev.tenax.codegen.Msp430FcOperands) passes them converted, while
   * {@link #execute} keeps the plain ones as the specification.
   */
  public List<CArg> args(byte[] filterOperands, int[] biasOperands) {
    Conv2dS8.Params p = params;
    return CallArgs.conv(
        new CArg.Struct("tx_conv2d_s8_params", CallArgs.concat(
            CallArgs.window(p.strideH(), p.strideW(), p.dilationH(), p.dilationW(), p.padTop(),
                p.padLeft()),
            List.of(new CArg.Field("groups", p.groups()),
                new CArg.Field("input_offset", p.inputOffset()),
                new CArg.Field("output_offset", p.outputOffset()),
                new CArg.Field("act_min", p.actMin()), new CArg.Field("act_max", p.actMax())),
            CallArgs.requant(p.multipliers(), p.shifts()))),
        in, filterShape, filterOperands, CallArgs.bias(biasOperands), out);
  }

  /** Values in one output channel's window: kh * kw * (in_c / groups). */
  public int windowSize() {
    return filterShape[1] * filterShape[2] * filterShape[3];
  }

  @Override
  public long macs() {
    int[] o = out.shape4();
    return (long) o[0] * o[1] * o[2] * o[3] * filterShape[1] * filterShape[2] * filterShape[3];
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
      tiles.add(new ConvS8Step(node, params.withPadTop(r.padTop()), r.in(), filterShape, filter, bias, r.out()));
    }
    return tiles;
  }
}
