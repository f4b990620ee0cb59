package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class BatchNormalizationTest {
  private static final Tensor X = NodeRunner.floats(new int[] {1, 2, 2}, 1, 3, -2, 4);
  private static final Tensor SCALE = NodeRunner.floats(new int[] {2}, 2, 0.5f);
  private static final Tensor BIAS = NodeRunner.floats(new int[] {2}, 1, -1);
  private static final Tensor MEAN = NodeRunner.floats(new int[] {2}, 1, 2);
  private static final Tensor VAR = NodeRunner.floats(new int[] {2}, 4, 0.25f);

  private static NodeRunner node(int opset) {
    return NodeRunner.op("BatchNormalization").opset(opset).attr("epsilon", Attribute.ofFloat(0))
        .input(X).constInput(SCALE).constInput(BIAS).constInput(MEAN).constInput(VAR);
  }

  @Test
  void normalizesEachChannelWithItsStatistics() throws Exception {
    // channel 0: (x - 1) / 2 * 2 + 1; channel 1: (x - 2) / 0.5 * 0.5 - 1
    Tensor y = node(15).run().get(0);
    assertArrayEquals(new float[] {1, 3, -5, 1}, y.floats(), 1e-6f);
  }

  @Test
  void epsilonIsAddedToTheVariance() throws Exception {
    Tensor y = NodeRunner.op("BatchNormalization").opset(9).attr("epsilon", Attribute.ofFloat(5))
        .input(X).constInput(SCALE).constInput(BIAS).constInput(MEAN).constInput(VAR).run().get(0);
    double s0 = 2 / Math.sqrt(9);
    double s1 = 0.5 / Math.sqrt(5.25);
    assertArrayEquals(new float[] {(float) (0 * s0 + 1), (float) (2 * s0 + 1), (float) (-4 * s1 - 1),
        (float) (2 * s1 - 1)}, y.floats(), 1e-6f);
  }

  @Test
  void oldOpsetInTestModeIsAccepted() throws Exception {
    Tensor y = node(6).attr("is_test", Attribute.ofInt(1)).run().get(0);
    assertArrayEquals(new float[] {1, 3, -5, 1}, y.floats(), 1e-6f);
  }

  @Test
  void trainingModeIsRejected() {
    assertEquals(Code.TX040, node(6).diagnostics().get(0).code(), "is_test defaults to 0");
    assertEquals(Code.TX040, node(15).attr("training_mode", Attribute.ofInt(1)).diagnostics().get(0).code());
    assertEquals(Code.TX040, node(9).outputs(3).diagnostics().get(0).code(), "running stats outputs");
  }

  @Test
  void perElementStatisticsAreRejected() {
    var d = node(7).attr("spatial", Attribute.ofInt(0)).diagnostics();
    assertEquals(Code.TX040, d.get(0).code());
  }

  @Test
  void parametersMustHaveOneValuePerChannel() {
    var d = NodeRunner.op("BatchNormalization").input(X).constInput(SCALE).constInput(BIAS)
        .constInput(MEAN).constInput(NodeRunner.floats(new int[] {3}, 1, 1, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
