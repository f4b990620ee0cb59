package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class MaxTest {
  @Test
  void threeInputsBroadcastMultiWay() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {2, 1}, 1, 5);
    Tensor b = NodeRunner.floats(new int[] {3}, 0, 2, 6);
    Tensor c = Tensor.scalar(3f);
    Tensor y = NodeRunner.op("Max").input(a).input(b).input(c).run().get(0);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new float[] {3, 3, 6, 5, 5, 6}, y.floats());
  }

  @Test
  void oneInputIsCopied() throws Exception {
    Tensor y = NodeRunner.op("Max").input(NodeRunner.floats(new int[] {2}, -1, 4)).run().get(0);
    assertArrayEquals(new float[] {-1, 4}, y.floats());
  }

  @Test
  void nanPropagates() throws Exception {
    Tensor y = NodeRunner.op("Max").input(NodeRunner.floats(new int[] {2}, Float.NaN, 1))
        .input(NodeRunner.floats(new int[] {2}, 1, Float.NaN)).run().get(0);
    assertTrue(Float.isNaN(y.floats()[0]));
    assertTrue(Float.isNaN(y.floats()[1]));
  }

  @Test
  void unsignedAndSignedIntegers() throws Exception {
    Tensor u = NodeRunner.op("Max").input(Tensor.vector(DType.UINT32, 0xFFFF_FFFFL, 1))
        .input(Tensor.vector(DType.UINT32, 2, 3)).run().get(0);
    assertArrayEquals(new long[] {0xFFFF_FFFFL, 3}, u.longs());
    Tensor s = NodeRunner.op("Max").input(Tensor.vector(DType.INT8, -128, 5))
        .input(Tensor.vector(DType.INT8, -3, -100)).run().get(0);
    assertArrayEquals(new long[] {-3, 5}, s.longs());
  }

  @Test
  void opsetBefore8NeedsEqualShapes() {
    var d = NodeRunner.op("Max").opset(6).input(NodeRunner.floats(new int[] {2}, 1, 2))
        .input(Tensor.scalar(1f)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void mixedTypesAndBoolAreRejected() {
    assertEquals(Code.TX050, NodeRunner.op("Max").input(Tensor.vector(DType.INT32, 1))
        .input(Tensor.vector(DType.INT64, 1)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Max").input(Tensor.vector(DType.BOOL, 1))
        .diagnostics().get(0).code());
  }
}
