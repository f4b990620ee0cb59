package dev.tenax.lower.steps;

import dev.tenax.kernels.AddF32;
import dev.tenax.kernels.MulF32;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.List;

/** The float32 fallback {@code tx_add_f32} or {@code tx_mul_f32} over two equal-shaped views. */
public record FloatBinaryStep(String node, boolean add, View a, View b, View out) implements Step {
  @Override
  public String kernel() {
    return add ? "tx_add_f32" : "tx_mul_f32";
  }

  @Override
  public List<View> reads() {
    return List.of(a, b);
  }

  @Override
  public View write() {
    return out;
  }

  @Override
  public void execute(Memory m) {
    m.put(out, add ? AddF32.run(m.floats(a), m.floats(b)) : MulF32.run(m.floats(a), m.floats(b)));
  }

  @Override
  public List<CArg> args() {
    return List.of(new CArg.Shape(new int[] {out.buffer().elements()}), new CArg.Data(a, false),
        new CArg.Data(b, false), new CArg.Data(out, true));
  }
}
