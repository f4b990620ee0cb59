package dev.tenax.lower.steps;

import dev.tenax.kernels.QuantizeTransposeF32S8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.QuantParams;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tx_quantize_transpose_f32_s8}: a float32 {@code [rows][cols]} matrix quantized to int8
 * and written as its {@code [cols][rows]} transpose, output rows {@code [first, first + count)}
 * into {@code out} (lowering's QuantizeTransposeFusion puts it in place of a quantize followed by
 * that transpose). Tiles split the output rows; each reads the whole input.
 */
public record QuantizeTransposeStep(String node, QuantParams quant, int rows, int cols, int first,
    int count, View in, View out) implements UnaryStep, Tileable {
  public QuantizeTransposeStep {
    if (in.elements() != rows * cols || out.elements() != count * rows || first < 0 || first + count > cols) {
      throw new IllegalArgumentException("a " + rows + " x " + cols + " transpose, output rows [" + first
          + ", " + (first + count) + "), does not fit " + in.elements() + " -> " + out.elements() + " values");
    }
  }

  @Override
  public String kernel() {
    return "tx_quantize_transpose_f32_s8";
  }

  private QuantizeTransposeF32S8.Params params() {
    return new QuantizeTransposeF32S8.Params(quant.scale(), quant.zeroPoint(), first, count);
  }

  @Override
  public void execute(Memory m) {
    m.put(out, QuantizeTransposeF32S8.run(params(), rows, cols, m.floats(in)));
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct(kernel() + "_params", List.of(new CArg.Field("scale", quant.scale()),
            new CArg.Field("zero_point", quant.zeroPoint()), new CArg.Field("first", first),
            new CArg.Field("count", count))),
        new CArg.Shape(new int[] {rows, cols}), new CArg.Data(in, false), new CArg.Data(out, true));
  }

  @Override
  public int maxTiles() {
    return count;
  }

  @Override
  public List<Step> tiles(int parts) {
    if (parts == 1) {
      return List.of(this);
    }
    List<Step> tiles = new ArrayList<>();
    for (int[] r : Tileable.ranges(count, parts)) {
      int n = r[1] - r[0];
      tiles.add(new QuantizeTransposeStep(node, quant, rows, cols, first + r[0], n, in,
          out.flat(r[0] * rows, n * rows)));
    }
    return tiles;
  }
}
