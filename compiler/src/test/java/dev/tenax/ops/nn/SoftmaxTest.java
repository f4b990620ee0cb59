package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
  private static final Tensor X = NodeRunner.floats(new int[] {2, 2}, 0, 1, 2, 4);

  private static float p(double a, double... all) {
    double sum = 0;
    for (double v : all) {
      sum += Math.exp(v);
    }
    return (float) (Math.exp(a) / sum);
  }

  @Test
  void opset13NormalizesOneAxis() throws Exception {
    Tensor y = NodeRunner.op("Softmax").opset(13).attr("axis", Attribute.ofInt(0)).input(X).run().get(0);
    assertArrayEquals(new float[] {p(0, 0, 2), p(1, 1, 4), p(2, 0, 2), p(4, 1, 4)}, y.floats(), 1e-7f);
    Tensor last = NodeRunner.op("Softmax").opset(13).input(X).run().get(0);
    assertArrayEquals(new float[] {p(0, 0, 1), p(1, 0, 1), p(2, 2, 4), p(4, 2, 4)}, last.floats(), 1e-7f);
  }

  @Test
  void beforeOpset13TheInputIsCoercedTo2d() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 2, 2}, 0, 1, 2, 4);
    // default axis 1: the four trailing values form one row
    Tensor y = NodeRunner.op("Softmax").opset(11).input(x).run().get(0);
    assertArrayEquals(new float[] {p(0, 0, 1, 2, 4), p(1, 0, 1, 2, 4), p(2, 0, 1, 2, 4), p(4, 0, 1, 2, 4)},
        y.floats(), 1e-7f);
    Tensor v13 = NodeRunner.op("Softmax").opset(13).attr("axis", Attribute.ofInt(1)).input(x).run().get(0);
    assertArrayEquals(new float[] {p(0, 0, 2), p(1, 1, 4), p(2, 0, 2), p(4, 1, 4)}, v13.floats(), 1e-7f);
  }

  @Test
  void largeInputsDoNotOverflow() throws Exception {
    Tensor y = NodeRunner.op("Softmax").input(NodeRunner.floats(new int[] {2}, 1000, 1001)).run().get(0);
    assertArrayEquals(new float[] {p(0, 0, 1), p(1, 0, 1)}, y.floats(), 1e-7f);
  }

  @Test
  void badAxisAndIntegerInputAreRejected() {
    assertEquals(Code.TX050, NodeRunner.op("Softmax").attr("axis", Attribute.ofInt(2)).input(X)
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Softmax").input(Tensor.vector(DType.INT32, 1, 2))
        .diagnostics().get(0).code());
  }
}
