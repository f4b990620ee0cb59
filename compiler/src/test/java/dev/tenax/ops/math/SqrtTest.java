package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SqrtTest {
  @Test
  void squareRootAndNanForNegatives() throws Exception {
    Tensor y = NodeRunner.op("Sqrt").input(NodeRunner.floats(new int[] {4}, 4f, 2f, 0f, -1f)).run().get(0);
    assertEquals(2f, y.floats()[0]);
    assertEquals((float) Math.sqrt(2), y.floats()[1]);
    assertEquals(0f, y.floats()[2]);
    assertTrue(Float.isNaN(y.floats()[3]));
  }
}
