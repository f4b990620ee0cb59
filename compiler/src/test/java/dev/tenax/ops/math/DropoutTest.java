package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class DropoutTest {
  private static final Tensor X = NodeRunner.floats(new int[] {2, 2}, 1f, -2f, 3f, 4f);

  @Test
  void outputIsInputAndMaskIsAllTrue() throws Exception {
    var out = NodeRunner.op("Dropout").opset(13).outputs(2).input(X).constInput(Tensor.scalar(0.5f)).run();
    assertEquals(X, out.get(0));
    assertEquals(DType.BOOL, out.get(1).dtype());
    assertArrayEquals(new int[] {2, 2}, out.get(1).shape());
    assertArrayEquals(new long[] {1, 1, 1, 1}, out.get(1).longs());
  }

  @Test
  void maskIsFloatBeforeOpset10() throws Exception {
    var out = NodeRunner.op("Dropout").opset(7).attr("ratio", Attribute.ofFloat(0.3f)).outputs(2).input(X).run();
    assertEquals(X, out.get(0));
    assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, out.get(1).floats());
  }

  @Test
  void legacyIsTestAttributeIsAccepted() throws Exception {
    var out = NodeRunner.op("Dropout").opset(6).attr("is_test", Attribute.ofInt(1)).input(X).run();
    assertEquals(X, out.get(0));
  }

  @Test
  void constantFalseTrainingModeIsInference() throws Exception {
    var out = NodeRunner.op("Dropout").opset(12).input(X).constInput(Tensor.scalar(0.9f))
        .constInput(Tensor.scalar(DType.BOOL, 0)).run();
    assertEquals(X, out.get(0));
  }

  @Test
  void trainingModeTrueOrRuntimeIsRejected() {
    assertEquals(Code.TX040, NodeRunner.op("Dropout").opset(12).input(X).input(null)
        .constInput(Tensor.scalar(DType.BOOL, 1)).diagnostics().get(0).code());
    assertEquals(Code.TX040, NodeRunner.op("Dropout").opset(22).input(X).input(null)
        .input(Tensor.scalar(DType.BOOL, 0)).diagnostics().get(0).code());
  }
}
