package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class AbsTest {
  @Test
  void floats() throws Exception {
    Tensor y = NodeRunner.op("Abs").input(NodeRunner.floats(new int[] {3}, -2.5f, 0f, 3f)).run().get(0);
    assertArrayEquals(new float[] {2.5f, 0f, 3f}, y.floats());
  }

  @Test
  void integersWrapAtTheMostNegativeValue() throws Exception {
    Tensor y = NodeRunner.op("Abs").input(Tensor.vector(DType.INT8, -128, -5, 7)).run().get(0);
    assertArrayEquals(new long[] {-128, 5, 7}, y.longs());
    Tensor u = NodeRunner.op("Abs").input(Tensor.vector(DType.UINT16, 65535)).run().get(0);
    assertArrayEquals(new long[] {65535}, u.longs());
  }

  @Test
  void rejectsBool() {
    assertEquals(Code.TX050, NodeRunner.op("Abs").input(Tensor.vector(DType.BOOL, 1)).diagnostics().get(0).code());
  }
}
