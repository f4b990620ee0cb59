package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SignTest {
  @Test
  void floatsWithZeroAndNan() throws Exception {
    Tensor y = NodeRunner.op("Sign").opset(9).input(NodeRunner.floats(new int[] {5}, -3.5f, 0f, 1e-30f, 7f, Float.NaN))
        .run().get(0);
    assertArrayEquals(new float[] {-1f, 0f, 1f, 1f}, java.util.Arrays.copyOf(y.floats(), 4));
    assertTrue(Float.isNaN(y.floats()[4]));
  }

  @Test
  void integers() throws Exception {
    Tensor y = NodeRunner.op("Sign").input(Tensor.vector(DType.INT64, Long.MIN_VALUE, 0, 9)).run().get(0);
    assertArrayEquals(new long[] {-1, 0, 1}, y.longs());
    Tensor u = NodeRunner.op("Sign").input(Tensor.vector(DType.UINT32, 0, 0xFFFF_FFFFL)).run().get(0);
    assertArrayEquals(new long[] {0, 1}, u.longs());
  }
}
