package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class NegTest {
  @Test
  void floatsAndSignedIntegers() throws Exception {
    Tensor y = NodeRunner.op("Neg").input(NodeRunner.floats(new int[] {2}, -2f, 3f)).run().get(0);
    assertArrayEquals(new float[] {2f, -3f}, y.floats());
    Tensor i = NodeRunner.op("Neg").input(Tensor.vector(DType.INT16, -32768, 5)).run().get(0);
    assertArrayEquals(new long[] {-32768, -5}, i.longs());
  }

  @Test
  void unsignedIsRejected() {
    assertEquals(Code.TX050, NodeRunner.op("Neg").input(Tensor.vector(DType.UINT8, 1)).diagnostics().get(0).code());
  }
}
