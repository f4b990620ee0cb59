package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class TanhTest {
  @Test
  void matchesDefinition() throws Exception {
    float[] x = {-3f, -0.25f, 0f, 1f, 20f};
    Tensor y = NodeRunner.op("Tanh").input(NodeRunner.floats(new int[] {5}, x)).run().get(0);
    for (int i = 0; i < x.length; i++) {
      double e2 = Math.exp(2.0 * x[i]);
      assertEquals((e2 - 1) / (e2 + 1), y.floats()[i], 1e-7);
    }
    assertEquals(1f, y.floats()[4]);
  }
}
