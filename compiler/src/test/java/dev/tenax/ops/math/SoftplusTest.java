package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SoftplusTest {
  @Test
  void matchesDefinitionWithoutOverflow() throws Exception {
    Tensor y = NodeRunner.op("Softplus").input(NodeRunner.floats(new int[] {5}, -90f, -1f, 0f, 2f, 200f)).run().get(0);
    // ln(1 + e^-90) underflows to 0 if computed naively; it is e^-90, a float32 subnormal.
    assertEquals((float) Math.exp(-90), y.floats()[0]);
    assertEquals((float) Math.log(1 + Math.exp(-1)), y.floats()[1], 1e-7f);
    assertEquals((float) Math.log(2), y.floats()[2]);
    assertEquals((float) Math.log(1 + Math.exp(2)), y.floats()[3], 1e-7f);
    // e^200 overflows float32, but ln(1 + e^200) is just 200.
    assertEquals(200f, y.floats()[4]);
  }
}
