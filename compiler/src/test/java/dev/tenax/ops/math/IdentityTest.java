package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class IdentityTest {
  @Test
  void passesAnyTypeThrough() throws Exception {
    Tensor f = NodeRunner.floats(new int[] {1, 2}, 1.5f, -2f);
    assertEquals(f, NodeRunner.op("Identity").input(f).run().get(0));
    Tensor b = Tensor.vector(DType.BOOL, 1, 0, 1);
    assertEquals(b, NodeRunner.op("Identity").opset(1).input(b).run().get(0));
  }
}
