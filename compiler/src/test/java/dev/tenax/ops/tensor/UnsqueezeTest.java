package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class UnsqueezeTest {
  private static final Tensor X = NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);

  @Test
  void opset11TakesAxesAsAttribute() throws Exception {
    Tensor y = NodeRunner.op("Unsqueeze").opset(11).attr("axes", Attribute.ofInts(0, 3)).input(X).run().get(0);
    assertArrayEquals(new int[] {1, 2, 3, 1}, y.shape());
    assertArrayEquals(X.floats(), y.floats());
  }

  @Test
  void opset13TakesUnsortedNegativeAxesAsInput() throws Exception {
    int[] s = NodeRunner.op("Unsqueeze").opset(13).input(X).constInput(Tensor.vector(DType.INT64, -1, 1))
        .infer().get(0).shape();
    assertArrayEquals(new int[] {2, 1, 3, 1}, s);
  }

  @Test
  void scalarBecomesVector() throws Exception {
    Tensor y = NodeRunner.op("Unsqueeze").opset(13).input(Tensor.scalar(DType.INT64, 5))
        .constInput(Tensor.vector(DType.INT64, 0)).run().get(0);
    assertArrayEquals(new long[] {5}, y.longs());
    assertArrayEquals(new int[] {1}, y.shape());
  }

  @Test
  void repeatedAxesAreRejected() {
    var d = NodeRunner.op("Unsqueeze").opset(13).input(X).constInput(Tensor.vector(DType.INT64, 0, -4))
        .diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void axesAreRequired() {
    assertEquals(Code.TX041, NodeRunner.op("Unsqueeze").opset(11).input(X).diagnostics().get(0).code());
    assertEquals(Code.TX041, NodeRunner.op("Unsqueeze").opset(13).input(X).diagnostics().get(0).code());
  }
}
