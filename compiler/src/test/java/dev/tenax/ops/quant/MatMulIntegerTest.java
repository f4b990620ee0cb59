package dev.tenax.ops.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MatMulIntegerTest {
  private static Tensor ints(DType t, int[] shape, long... v) {
    return Tensor.ofLongs(t, shape, v.clone());
  }

  @Test
  void subtractsPerTensorZeroPoints() throws Exception {
    Tensor a = ints(DType.UINT8, new int[] {2, 3}, 11, 7, 3, 10, 6, 2);
    Tensor b = ints(DType.INT8, new int[] {3, 2}, 1, 4, 2, 5, 3, 6);
    Tensor y = NodeRunner.op("MatMulInteger").opset(10).input(a).constInput(b)
        .constInput(Tensor.scalar(DType.UINT8, 12)).constInput(Tensor.scalar(DType.INT8, -1)).run().get(0);
    assertEquals(DType.INT32, y.dtype());
    // a - 12 = [[-1,-5,-9],[-2,-6,-10]], b + 1 = [[2,5],[3,6],[4,7]].
    assertArrayEquals(new long[] {-53, -98, -62, -116}, y.longs());
  }

  @Test
  void perRowAndPerColumnZeroPoints() throws Exception {
    Tensor a = ints(DType.UINT8, new int[] {2, 2}, 5, 5, 5, 5);
    Tensor b = ints(DType.UINT8, new int[] {2, 3}, 1, 1, 1, 1, 1, 1);
    Tensor y = NodeRunner.op("MatMulInteger").opset(10).input(a).constInput(b)
        .constInput(Tensor.vector(DType.UINT8, 4, 3)).constInput(Tensor.vector(DType.UINT8, 0, 1, 2)).run().get(0);
    // Rows of a become 1 and 2; columns of b become 1, 0, -1.
    assertArrayEquals(new long[] {2, 0, -2, 4, 0, -4}, y.longs());
    Tensor batched = NodeRunner.op("MatMulInteger").opset(10).input(ints(DType.UINT8, new int[] {2, 2, 2}, 5, 5, 5, 5,
        5, 5, 5, 5)).constInput(b).constInput(ints(DType.UINT8, new int[] {2, 2, 1}, 4, 3, 5, 0)).run().get(0);
    assertArrayEquals(new int[] {2, 2, 3}, batched.shape());
    assertArrayEquals(new long[] {2, 2, 2, 4, 4, 4, 0, 0, 0, 10, 10, 10}, batched.longs());
  }

  @Test
  void vectorTimesVectorIsAScalar() throws Exception {
    Tensor y = NodeRunner.op("MatMulInteger").opset(10).input(Tensor.vector(DType.INT8, 1, -2, 3))
        .constInput(Tensor.vector(DType.INT8, 4, 5, -6)).run().get(0);
    assertArrayEquals(new int[0], y.shape());
    assertArrayEquals(new long[] {-24}, y.longs());
  }

  @Test
  void accumulatorWrapsAt32Bits() throws Exception {
    int k = 70000;
    long[] as = new long[k];
    long[] bs = new long[k];
    Arrays.fill(as, 255);
    Arrays.fill(bs, 127);
    Tensor y = NodeRunner.op("MatMulInteger").opset(10).input(ints(DType.UINT8, new int[] {1, k}, as))
        .constInput(ints(DType.INT8, new int[] {k, 1}, bs)).run().get(0);
    assertArrayEquals(new long[] {(int) (70000L * 255 * 127)}, y.longs());
  }

  @Test
  void rejectsMismatchedOperandsAndZeroPoints() {
    Tensor a = ints(DType.UINT8, new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor b = ints(DType.UINT8, new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
    assertEquals(Code.TX050, NodeRunner.op("MatMulInteger").opset(10).input(a).constInput(a).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("MatMulInteger").opset(10).input(a).constInput(b)
        .constInput(Tensor.vector(DType.UINT8, 1, 2, 3)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("MatMulInteger").opset(10).input(a).constInput(b)
        .constInput(Tensor.scalar(DType.INT8, 0)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("MatMulInteger").opset(10).input(Tensor.zeros(DType.INT32, new int[] {2, 3}))
        .constInput(b).diagnostics().get(0).code());
  }
}
