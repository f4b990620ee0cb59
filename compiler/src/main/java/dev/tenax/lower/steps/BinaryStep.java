package dev.tenax.lower.steps;

import dev.tenax.lower.CArg;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.List;

/** A step that reads views {@code a} and {@code b} and writes {@code out}. */
interface BinaryStep extends Step {
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
