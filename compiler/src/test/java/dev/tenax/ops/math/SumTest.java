package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SumTest {
  @Test
  void addsLeftToRightWithBroadcast() throws Exception {
    Tensor y = NodeRunner.op("Sum").input(NodeRunner.floats(new int[] {2}, 1, 2))
        .input(NodeRunner.floats(new int[] {2, 1}, 10, 20)).input(Tensor.scalar(100f)).run().get(0);
    assertArrayEquals(new int[] {2, 2}, y.shape());
    assertArrayEquals(new float[] {111, 112, 121, 122}, y.floats());
  }

  @Test
  void float32RoundingFollowsInputOrder() throws Exception {
    // (1e8 + 1) rounds back to 1e8 in float32, then -1e8 gives 0; a double sum would give 1.
    Tensor y = NodeRunner.op("Sum").input(Tensor.scalar(1e8f)).input(Tensor.scalar(1f))
        .input(Tensor.scalar(-1e8f)).run().get(0);
    assertEquals(0f, y.floats()[0]);
  }

  @Test
  void oneInputIsCopied() throws Exception {
    Tensor y = NodeRunner.op("Sum").opset(6).input(NodeRunner.floats(new int[] {2}, 3, 4)).run().get(0);
    assertArrayEquals(new float[] {3, 4}, y.floats());
  }

  @Test
  void integersWrap() throws Exception {
    Tensor y = NodeRunner.op("Sum").input(Tensor.vector(DType.INT16, 32767, 1))
        .input(Tensor.vector(DType.INT16, 1, 1)).input(Tensor.vector(DType.INT16, 0, 1)).run().get(0);
    assertArrayEquals(new long[] {-32768, 3}, y.longs());
  }

  @Test
  void incompatibleShapesAreReported() {
    var d = NodeRunner.op("Sum").input(NodeRunner.floats(new int[] {2}, 1, 2))
        .input(NodeRunner.floats(new int[] {3}, 1, 2, 3)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
