package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class LogSoftmaxTest {
  private static float lsm(double a, double... all) {
    double sum = 0;
    for (double v : all) {
      sum += Math.exp(v);
    }
    return (float) (a - Math.log(sum));
  }

  @Test
  void normalizesAlongTheLastAxisFromOpset13() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 2}, 0, 1, 2, 4);
    Tensor y = NodeRunner.op("LogSoftmax").opset(13).input(x).run().get(0);
    assertArrayEquals(new float[] {lsm(0, 0, 1), lsm(1, 0, 1), lsm(2, 2, 4), lsm(4, 2, 4)}, y.floats(), 1e-6f);
  }

  @Test
  void opset1CoercesFromAxis1() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 1, 2}, 0, 1, 2, 4);
    Tensor y = NodeRunner.op("LogSoftmax").opset(1).attr("axis", Attribute.ofInt(0)).input(x).run().get(0);
    assertArrayEquals(new float[] {lsm(0, 0, 1, 2, 4), lsm(1, 0, 1, 2, 4), lsm(2, 0, 1, 2, 4),
        lsm(4, 0, 1, 2, 4)}, y.floats(), 1e-6f);
  }

  @Test
  void tinyProbabilitiesKeepTheirLogarithm() throws Exception {
    Tensor y = NodeRunner.op("LogSoftmax").input(NodeRunner.floats(new int[] {2}, 0, -200)).run().get(0);
    assertArrayEquals(new float[] {0, -200}, y.floats(), 1e-6f);
  }

  @Test
  void axisOutOfRangeIsRejected() {
    var d = NodeRunner.op("LogSoftmax").attr("axis", Attribute.ofInt(-3))
        .input(NodeRunner.floats(new int[] {1, 2}, 0, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
