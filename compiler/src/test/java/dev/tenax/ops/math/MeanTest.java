package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class MeanTest {
  @Test
  void averagesBroadcastInputs() throws Exception {
    Tensor y = NodeRunner.op("Mean").input(NodeRunner.floats(new int[] {2}, 1, 2))
        .input(NodeRunner.floats(new int[] {2}, 3, 5)).input(Tensor.scalar(2f)).run().get(0);
    assertArrayEquals(new float[] {2f, 3f}, y.floats());
  }

  @Test
  void divisionIsInFloat32() throws Exception {
    Tensor y = NodeRunner.op("Mean").input(Tensor.scalar(1f)).input(Tensor.scalar(0f))
        .input(Tensor.scalar(0f)).run().get(0);
    assertEquals(1f / 3f, y.floats()[0]);
  }

  @Test
  void oneInputIsItself() throws Exception {
    Tensor y = NodeRunner.op("Mean").input(NodeRunner.floats(new int[] {1}, 7)).run().get(0);
    assertArrayEquals(new float[] {7}, y.floats());
  }

  @Test
  void integersAreRejected() {
    var d = NodeRunner.op("Mean").input(Tensor.vector(DType.INT32, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
