package dev.tenax.lower.steps;

import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.List;

/** A step that reads one view {@code in} and writes {@code out}; records get both by name. */
interface UnaryStep extends Step {
  View in();

  View out();

  @Override
  default List<View> reads() {
    return List.of(in());
  }

  @Override
  default View write() {
    return out();
  }
}
