package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class AddTest {
  @Test
  void broadcastsRowAgainstMatrix() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor b = NodeRunner.floats(new int[] {3}, 10, 20, 30);
    Tensor y = NodeRunner.op("Add").input(a).input(b).run().get(0);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, y.floats());
  }

  @Test
  void int8WrapsAround() throws Exception {
    Tensor y = NodeRunner.op("Add").input(Tensor.vector(DType.INT8, 127, -128))
        .input(Tensor.vector(DType.INT8, 1, -1)).run().get(0);
    assertArrayEquals(new long[] {-128, 127}, y.longs());
  }

  @Test
  void incompatibleShapesAreReported() {
    var d = NodeRunner.op("Add").input(NodeRunner.floats(new int[] {2}, 1, 2))
        .input(NodeRunner.floats(new int[] {3}, 1, 2, 3)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
