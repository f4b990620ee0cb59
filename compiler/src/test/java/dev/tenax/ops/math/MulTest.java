package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class MulTest {
  @Test
  void multipliesWithScalarBroadcast() throws Exception {
    Tensor y = NodeRunner.op("Mul").input(NodeRunner.floats(new int[] {3}, 1.5f, -2f, 0.1f))
        .input(Tensor.scalar(3f)).run().get(0);
    assertArrayEquals(new float[] {4.5f, -6f, 0.1f * 3f}, y.floats());
  }

  @Test
  void int8ProductsWrap() throws Exception {
    Tensor y = NodeRunner.op("Mul").input(Tensor.vector(DType.INT8, 100, -7, 16))
        .input(Tensor.vector(DType.INT8, 2, 3, 8)).run().get(0);
    // 200 -> -56, -21 stays, 128 -> -128.
    assertArrayEquals(new long[] {-56, -21, -128}, y.longs());
  }

  @Test
  void int64ProductsWrapModulo2To64() throws Exception {
    Tensor y = NodeRunner.op("Mul").input(Tensor.vector(DType.INT64, Long.MAX_VALUE))
        .input(Tensor.vector(DType.INT64, 2)).run().get(0);
    assertArrayEquals(new long[] {-2}, y.longs());
  }

  @Test
  void multiWayBroadcastGrowsBothInputs() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {2, 1}, 1, 2);
    Tensor b = NodeRunner.floats(new int[] {1, 3}, 1, 10, 100);
    Tensor y = NodeRunner.op("Mul").opset(7).input(a).input(b).run().get(0);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new float[] {1, 10, 100, 2, 20, 200}, y.floats());
  }
}
