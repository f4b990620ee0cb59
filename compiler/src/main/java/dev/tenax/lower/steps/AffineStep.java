package dev.tenax.lower.steps;

import dev.tenax.lower.CArg;
import dev.tenax.lower.QuantParams;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * QuantizeLinear and DequantizeLinear calls: both kernels take the same {@code {scale,
 * zero_point}} struct and a flat element count.
 */
interface AffineStep extends UnaryStep, Tileable {
  QuantParams quant();

  /** The same call on other views of the same sizes. */
  AffineStep withViews(View in, View out);

  @Override
  default int maxTiles() {
    return in().elements();
  }

  @Override
  default List<Step> tiles(int parts) {
    if (parts == 1) {
      return List.of(this);
    }
    if (parts > maxTiles()) {
      throw new IllegalArgumentException(parts + " tiles of " + out());
    }
    List<Step> tiles = new ArrayList<>();
    for (int[] r : Tileable.ranges(in().elements(), parts)) {
      int n = r[1] - r[0];
      tiles.add(withViews(in().flat(r[0], n), out().flat(r[0], n)));
    }
    return tiles;
  }

  @Override
  default List<CArg> args() {
    return List.of(
        new CArg.Struct(kernel() + "_params", List.of(new CArg.Field("scale", quant().scale()),
            new CArg.Field("zero_point", quant().zeroPoint()))),
        new CArg.Shape(new int[] {in().elements()}), new CArg.Data(in(), false),
        new CArg.Data(out(), true));
  }
}
