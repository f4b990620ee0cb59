package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class TransposeTest {
  @Test
  void defaultReversesTheAxes() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor y = NodeRunner.op("Transpose").opset(13).input(x).run().get(0);
    assertArrayEquals(new int[] {3, 2}, y.shape());
    assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, y.floats());
  }

  @Test
  void permutesThreeAxesOfIntegers() throws Exception {
    int[] s = {2, 3, 4};
    long[] v = new long[24];
    for (int i = 0; i < 24; i++) {
      v[i] = i;
    }
    Tensor x = Tensor.ofLongs(DType.INT32, s, v);
    Tensor y = NodeRunner.op("Transpose").opset(13).attr("perm", Attribute.ofInts(1, 2, 0)).input(x).run().get(0);
    assertArrayEquals(new int[] {3, 4, 2}, y.shape());
    // y[j][k][i] = x[i][j][k] = 12i + 4j + k
    int n = 0;
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 4; k++) {
        for (int i = 0; i < 2; i++) {
          assertEquals(12 * i + 4 * j + k, y.longs()[n++]);
        }
      }
    }
  }

  @Test
  void permMustBeAPermutation() {
    Tensor x = NodeRunner.floats(new int[] {1, 2}, 1, 2);
    assertEquals(Code.TX050, NodeRunner.op("Transpose").opset(13).attr("perm", Attribute.ofInts(0, 0))
        .input(x).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Transpose").opset(13).attr("perm", Attribute.ofInts(0))
        .input(x).diagnostics().get(0).code());
  }
}
