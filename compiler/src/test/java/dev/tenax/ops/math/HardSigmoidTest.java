package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class HardSigmoidTest {
  @Test
  void defaultsAreAlphaPoint2BetaHalf() throws Exception {
    Tensor y = NodeRunner.op("HardSigmoid").input(NodeRunner.floats(new int[] {4}, -5f, -1f, 1f, 5f)).run().get(0);
    assertArrayEquals(new float[] {0f, 0.3f, 0.7f, 1f}, y.floats(), 1e-7f);
  }

  @Test
  void attributes() throws Exception {
    Tensor y = NodeRunner.op("HardSigmoid").attr("alpha", Attribute.ofFloat(0.5f)).attr("beta", Attribute.ofFloat(0.25f))
        .input(NodeRunner.floats(new int[] {3}, -1f, 1f, 2f)).run().get(0);
    assertArrayEquals(new float[] {0f, 0.75f, 1f}, y.floats());
  }
}
