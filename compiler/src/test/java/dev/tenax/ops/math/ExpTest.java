package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ExpTest {
  @Test
  void exponential() throws Exception {
    Tensor y = NodeRunner.op("Exp").input(NodeRunner.floats(new int[] {4}, -1f, 0f, 1f, 100f)).run().get(0);
    assertEquals((float) Math.E, y.floats()[2]);
    assertArrayEquals(new float[] {(float) (1 / Math.E), 1f}, new float[] {y.floats()[0], y.floats()[1]});
    assertEquals(Float.POSITIVE_INFINITY, y.floats()[3]);
  }
}
