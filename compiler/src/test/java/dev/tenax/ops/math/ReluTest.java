package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ReluTest {
  @Test
  void clampsNegativesToZero() throws Exception {
    Tensor y = NodeRunner.op("Relu").input(NodeRunner.floats(new int[] {4}, -2f, -0f, 0.5f, 3f)).run().get(0);
    assertArrayEquals(new float[] {0f, 0f, 0.5f, 3f}, y.floats());
  }

  @Test
  void rejectsIntegerInput() {
    var d = NodeRunner.op("Relu").input(Tensor.vector(DType.INT32, 1, -1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
