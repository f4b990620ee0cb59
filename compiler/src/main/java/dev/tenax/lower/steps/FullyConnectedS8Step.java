package dev.tenax.lower.steps;

import dev.tenax.kernels.FullyConnectedS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tx_fully_connected_s8}: rows of {@code in} times weights {@code [out][in]}. The kernel
 * sees the input as {@code (rows, 1, 1, features)} and the output as {@code (rows, 1, 1, out)}.
 */
public record FullyConnectedS8Step(String node, FullyConnectedS8.Params params, View in,
    int rows, byte[] weights, int[] bias, View out) implements UnaryStep, Tileable {
  @Override
  public String kernel() {
    return "tx_fully_connected_s8";
  }

  /** Inputs a row, the length of each row of the weights. */
  public int inFeatures() {
    return in.elements() / rows;
  }

  private int[] inShape() {
    return new int[] {rows, 1, 1, in.elements() / rows};
  }

  private int[] outShape() {
    return new int[] {rows, 1, 1, out.elements() / rows};
  }

  @Override
  public void execute(Memory m) {
    m.put(out, FullyConnectedS8.run(params, inShape(), m.bytes(in), weights, bias, outShape()));
  }

  @Override
  public List<CArg> args() {
    return args(weights, bias);
  }

  /**
   * The call with other operands in place of the weights and bias: a target whose kernel reads
   * them in another format (dev.tenax.codegen.Msp430FcOperands) passes them converted, while
   * {@link #execute} keeps the plain ones as the specification.
   */
  public List<CArg> args(byte[] weightOperands, int[] biasOperands) {
    FullyConnectedS8.Params p = params;
    return List.of(
        new CArg.Struct("tx_fully_connected_s8_params", CallArgs.concat(
            List.of(new CArg.Field("input_offset", p.inputOffset()),
                new CArg.Field("output_offset", p.outputOffset()),
                new CArg.Field("act_min", p.actMin()), new CArg.Field("act_max", p.actMax())),
            CallArgs.requant(p.multipliers(), p.shifts()))),
        new CArg.Shape(inShape()), new CArg.Data(in, false),
        new CArg.Const(ConstArray.int8("weights", weightOperands)), CallArgs.bias(biasOperands),
        new CArg.Shape(outShape()), new CArg.Data(out, true));
  }

  @Override
  public long macs() {
    return (long) weights.length * rows;
  }

  /** One image: tiles are ranges of output features, each with its rows of the weights. */
  @Override
  public int maxTiles() {
    return rows == 1 ? out.elements() : 1;
  }

  @Override
  public List<Step> tiles(int parts) {
    if (parts == 1) {
      return List.of(this);
    }
    if (parts > maxTiles()) {
      throw new IllegalArgumentException(parts + " tiles of " + out);
    }
    int features = in.elements();
    List<Step> tiles = new ArrayList<>();
    for (int[] r : Tileable.ranges(out.elements(), parts)) {
      FullyConnectedS8.Params p = new FullyConnectedS8.Params(params.inputOffset(), params.outputOffset(),
          params.actMin(), params.actMax(), Arrays.copyOfRange(params.multipliers(), r[0], r[1]),
          Arrays.copyOfRange(params.shifts(), r[0], r[1]));
      tiles.add(new FullyConnectedS8Step(node, p, in, 1, Arrays.copyOfRange(weights, r[0] * features, r[1] * features),
          bias == null ? null : Arrays.copyOfRange(bias, r[0], r[1]), out.flat(r[0], r[1] - r[0])));
    }
    return tiles;
  }
}
