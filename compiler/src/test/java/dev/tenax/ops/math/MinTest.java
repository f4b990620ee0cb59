package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class MinTest {
  @Test
  void threeInputsBroadcastMultiWay() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {2, 1}, 1, 5);
    Tensor b = NodeRunner.floats(new int[] {3}, 0, 2, 6);
    Tensor c = Tensor.scalar(3f);
    Tensor y = NodeRunner.op("Min").input(a).input(b).input(c).run().get(0);
    assertArrayEquals(new float[] {0, 1, 1, 0, 2, 3}, y.floats());
  }

  @Test
  void nanPropagates() throws Exception {
    Tensor y = NodeRunner.op("Min").input(NodeRunner.floats(new int[] {2}, Float.NaN, -1))
        .input(NodeRunner.floats(new int[] {2}, -5, Float.NaN)).run().get(0);
    assertTrue(Float.isNaN(y.floats()[0]));
    assertTrue(Float.isNaN(y.floats()[1]));
  }

  @Test
  void integers() throws Exception {
    Tensor y = NodeRunner.op("Min").input(Tensor.vector(DType.INT64, Long.MIN_VALUE, 7))
        .input(Tensor.vector(DType.INT64, 0, 3)).input(Tensor.vector(DType.INT64, 1, 4)).run().get(0);
    assertArrayEquals(new long[] {Long.MIN_VALUE, 3}, y.longs());
  }

  @Test
  void omittedInputIsReported() {
    var d = NodeRunner.op("Min").input(NodeRunner.floats(new int[] {1}, 1)).input(null).diagnostics();
    assertEquals(Code.TX041, d.get(0).code());
  }
}
