package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class EluTest {
  @Test
  void negativeSideIsAlphaTimesExpMinusOne() throws Exception {
    Tensor y = NodeRunner.op("Elu").attr("alpha", Attribute.ofFloat(2f))
        .input(NodeRunner.floats(new int[] {4}, -1f, -1e-8f, 0f, 3f)).run().get(0);
    assertEquals((float) (2 * (Math.exp(-1) - 1)), y.floats()[0], 1e-7f);
    assertEquals(-2e-8f, y.floats()[1], 1e-15f);
    assertArrayEquals(new float[] {0f, 3f}, new float[] {y.floats()[2], y.floats()[3]});
  }

  @Test
  void defaultAlphaIsOne() throws Exception {
    Tensor y = NodeRunner.op("Elu").opset(1).input(NodeRunner.floats(new int[] {1}, -2f)).run().get(0);
    assertEquals((float) (Math.exp(-2) - 1), y.floats()[0], 1e-7f);
  }
}
