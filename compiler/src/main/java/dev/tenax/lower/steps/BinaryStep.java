package dev.tenax.lower.steps;

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
}
