package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class HardSwishTest {
  @Test
  void isXTimesHardSigmoidWithAlphaOneSixth() throws Exception {
    Tensor y = NodeRunner.op("HardSwish").opset(14).input(NodeRunner.floats(new int[] {5}, -4f, -3f, 0f, 1.5f, 4f))
        .run().get(0);
    assertArrayEquals(new float[] {0f, 0f, 0f, 1.5f * (1.5f / 6 + 0.5f), 4f}, y.floats(), 1e-6f);
  }
}
