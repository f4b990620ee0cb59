package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SeluTest {
  @Test
  void defaultsAreTheFloat32SeluConstants() throws Exception {
    Tensor y = NodeRunner.op("Selu").input(NodeRunner.floats(new int[] {2}, -1f, 2f)).run().get(0);
    double alpha = 1.6732632423543772;
    double gamma = 1.0507009873554805;
    assertEquals(gamma * alpha * (Math.exp(-1) - 1), y.floats()[0], 1e-6);
    assertEquals(2 * gamma, y.floats()[1], 1e-6);
  }

  @Test
  void opset1UsesRoundedDefaults() throws Exception {
    Tensor y = NodeRunner.op("Selu").opset(1).input(NodeRunner.floats(new int[] {1}, 1f)).run().get(0);
    assertEquals(1.0507f, y.floats()[0]);
  }

  @Test
  void attributes() throws Exception {
    Tensor y = NodeRunner.op("Selu").attr("alpha", Attribute.ofFloat(2f)).attr("gamma", Attribute.ofFloat(3f))
        .input(NodeRunner.floats(new int[] {3}, -1f, 0f, 1f)).run().get(0);
    assertEquals((float) (3 * 2 * (Math.exp(-1) - 1)), y.floats()[0], 1e-6f);
    assertEquals(0f, y.floats()[1]);
    assertEquals(3f, y.floats()[2]);
  }
}
