package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class GlobalMaxPoolTest {
  @Test
  void takesTheMaximumOfEachChannelPlane() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 3, 2, 2}, 1, 9, 3, 4, -5, -2, -7, -3,
        Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
    Tensor y = NodeRunner.op("GlobalMaxPool").input(x).run().get(0);
    assertArrayEquals(new int[] {1, 3, 1, 1}, y.shape());
    assertArrayEquals(new float[] {9, -2, Float.NEGATIVE_INFINITY}, y.floats());
  }

  @Test
  void propagatesNaNLikeNumpyMax() throws Exception {
    Tensor y = NodeRunner.op("GlobalMaxPool")
        .input(NodeRunner.floats(new int[] {1, 1, 3}, 1, Float.NaN, 5)).run().get(0);
    assertArrayEquals(new float[] {Float.NaN}, y.floats());
  }

  @Test
  void needsASpatialAxis() {
    assertEquals(Code.TX050, NodeRunner.op("GlobalMaxPool")
        .input(NodeRunner.floats(new int[] {1, 2}, 1, 2)).diagnostics().get(0).code());
  }
}
