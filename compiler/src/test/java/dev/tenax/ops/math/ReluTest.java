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
  void rejectsIntegerInputBeforeOpset14() {
    var d = NodeRunner.op("Relu").opset(13).input(Tensor.vector(DType.INT32, 1, -1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void signedIntegersFromOpset14() throws Exception {
    Tensor y = NodeRunner.op("Relu").opset(14).input(Tensor.vector(DType.INT8, -128, 0, 127)).run().get(0);
    assertArrayEquals(new long[] {0, 0, 127}, y.longs());
    var d = NodeRunner.op("Relu").opset(14).input(Tensor.vector(DType.UINT8, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
