package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class InstanceNormalizationTest {
  @Test
  void normalizesEachBatchAndChannelOverItsSpatialValues() throws Exception {
    // [N=2, C=2, 2]: slices {1,3}, {0,4}, {2,2}, {-1,-3}
    Tensor x = NodeRunner.floats(new int[] {2, 2, 2}, 1, 3, 0, 4, 2, 2, -1, -3);
    Tensor scale = NodeRunner.floats(new int[] {2}, 1, 3);
    Tensor bias = NodeRunner.floats(new int[] {2}, 0, 10);
    double eps = 0.5;
    Tensor y = NodeRunner.op("InstanceNormalization").attr("epsilon", Attribute.ofFloat((float) eps))
        .input(x).constInput(scale).constInput(bias).run().get(0);
    double a = 1 / Math.sqrt(1 + eps); // variance of {1,3}
    double b = 3 * 2 / Math.sqrt(4 + eps); // 3 * |0 - 2| / std of {0,4}
    double d = 3 * 1 / Math.sqrt(1 + eps); // variance of {-1,-3}
    assertArrayEquals(new float[] {(float) -a, (float) a, (float) (10 - b), (float) (10 + b), 0, 0,
        (float) (10 + d), (float) (10 - d)}, y.floats(), 1e-6f);
  }

  @Test
  void scaleMustMatchTheChannels() {
    var d = NodeRunner.op("InstanceNormalization").input(NodeRunner.floats(new int[] {1, 2, 1}, 1, 2))
        .constInput(NodeRunner.floats(new int[] {1}, 1)).constInput(NodeRunner.floats(new int[] {2}, 0, 0))
        .diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
