package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class PReluTest {
  @Test
  void slopeBroadcastsAlongLastAxis() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 2}, -1, -2, 3, -4);
    Tensor slope = NodeRunner.floats(new int[] {2}, 0.5f, 0.25f);
    Tensor y = NodeRunner.op("PRelu").input(x).constInput(slope).run().get(0);
    assertArrayEquals(new float[] {-0.5f, -0.5f, 3f, -1f}, y.floats());
  }

  @Test
  void perChannelSlopeBeforeOpset7() throws Exception {
    // Opset 6: a 1-D slope of X's channel count applies along axis 1, not the last axis.
    Tensor x = NodeRunner.floats(new int[] {1, 2, 3}, -1, -1, -1, -1, 2, -1);
    Tensor slope = NodeRunner.floats(new int[] {2}, 0.1f, 0.2f);
    Tensor y = NodeRunner.op("PRelu").opset(6).input(x).constInput(slope).run().get(0);
    assertArrayEquals(new float[] {-0.1f, -0.1f, -0.1f, -0.2f, 2f, -0.2f}, y.floats());
  }

  @Test
  void channelSlopeNeedsExplicitShapeFromOpset7() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 2, 2}, -1, -1, -1, -1);
    Tensor slope = NodeRunner.floats(new int[] {2, 1}, 0.1f, 0.2f);
    Tensor y = NodeRunner.op("PRelu").opset(9).input(x).constInput(slope).run().get(0);
    assertArrayEquals(new float[] {-0.1f, -0.1f, -0.2f, -0.2f}, y.floats());
  }

  @Test
  void integerInputs() throws Exception {
    Tensor y = NodeRunner.op("PRelu").input(Tensor.vector(DType.INT32, -3, 4))
        .input(Tensor.vector(DType.INT32, 2, 2)).run().get(0);
    assertArrayEquals(new long[] {-6, 4}, y.longs());
  }

  @Test
  void slopeMustNotGrowX() {
    var d = NodeRunner.op("PRelu").input(NodeRunner.floats(new int[] {2}, 1, 2))
        .input(NodeRunner.floats(new int[] {2, 2}, 1, 2, 3, 4)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
