package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SigmoidTest {
  @Test
  void matchesLogisticFunction() throws Exception {
    float[] x = {-100f, -2f, 0f, 0.5f, 30f};
    Tensor y = NodeRunner.op("Sigmoid").input(NodeRunner.floats(new int[] {5}, x)).run().get(0);
    for (int i = 0; i < x.length; i++) {
      assertEquals((float) (1 / (1 + Math.exp(-x[i]))), y.floats()[i]);
    }
    assertEquals(0.5f, y.floats()[2]);
    assertEquals(1f, y.floats()[4]);
  }

  @Test
  void rejectsIntegerInput() {
    assertEquals(Code.TX050, NodeRunner.op("Sigmoid").input(Tensor.vector(DType.INT32, 1))
        .diagnostics().get(0).code());
  }
}
