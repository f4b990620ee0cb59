package dev.tenax.lower.steps;

import dev.tenax.lower.CArg;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import java.util.ArrayList;
import java.util.List;

/**
 * A step that reads views {@code a} and {@code b} and writes {@code out}, element by element: its
 * tiles are ranges of elements.
 */
interface BinaryStep extends Step, Tileable {
  /** The same call on other views of the same sizes. */
  BinaryStep withViews(View a, View b, View out);

  @Override
  default int maxTiles() {
    return out().elements();
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
    for (int[] r : Tileable.ranges(out().elements(), parts)) {
      int n = r[1] - r[0];
      tiles.add(withViews(a().flat(r[0], n), b().flat(r[0], n), out().flat(r[0], n)));
    }
    return tiles;
  }

  View a();

  View b();

  View out();

  @Override
  default List<View> reads() {
    return List.of(a(), b());
  }

  @Override
  default View write() {
    return out();
  }

  /** The elementwise kernels' call: their params struct, the shape, a, b, then out. */
  default List<CArg> argsWith(CArg.Struct params) {
    return List.of(params, new CArg.Shape(out().shape4()), new CArg.Data(a(), false),
        new CArg.Data(b(), false), new CArg.Data(out(), true));
  }
}
