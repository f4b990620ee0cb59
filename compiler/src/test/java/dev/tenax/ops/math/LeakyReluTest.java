package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class LeakyReluTest {
  @Test
  void defaultAlphaIsOneHundredth() throws Exception {
    Tensor y = NodeRunner.op("LeakyRelu").input(NodeRunner.floats(new int[] {3}, -2f, 0f, 3f)).run().get(0);
    assertArrayEquals(new float[] {-0.02f, 0f, 3f}, y.floats());
  }

  @Test
  void alphaAttribute() throws Exception {
    Tensor y = NodeRunner.op("LeakyRelu").opset(6).attr("alpha", Attribute.ofFloat(0.5f))
        .input(NodeRunner.floats(new int[] {2}, -4f, 4f)).run().get(0);
    assertArrayEquals(new float[] {-2f, 4f}, y.floats());
  }

  @Test
  void rejectsIntegerInput() {
    assertEquals(Code.TX050, NodeRunner.op("LeakyRelu").input(Tensor.vector(DType.INT8, 1))
        .diagnostics().get(0).code());
  }
}
