package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {
  private static final Tensor SIX = NodeRunner.floats(new int[] {6}, 1, 2, 3, 4, 5, 6);

  @Test
  void splitInputGivesLengthsFromOpset13() throws Exception {
    List<Tensor> y = NodeRunner.op("Split").opset(13).outputs(2).input(SIX)
        .constInput(Tensor.vector(DType.INT64, 2, 4)).run();
    assertArrayEquals(new float[] {1, 2}, y.get(0).floats());
    assertArrayEquals(new float[] {3, 4, 5, 6}, y.get(1).floats());
  }

  @Test
  void splitAttributeGivesLengthsBeforeOpset13() throws Exception {
    List<Tensor> y = NodeRunner.op("Split").opset(11).outputs(3)
        .attr("split", Attribute.ofInts(1, 0, 5)).input(SIX).run();
    assertArrayEquals(new float[] {1}, y.get(0).floats());
    assertArrayEquals(new int[] {0}, y.get(1).shape());
    assertArrayEquals(new float[] {2, 3, 4, 5, 6}, y.get(2).floats());
  }

  @Test
  void equalPartsWithoutSplit() throws Exception {
    List<Tensor> y = NodeRunner.op("Split").opset(13).outputs(3).input(SIX).run();
    assertArrayEquals(new float[] {3, 4}, y.get(1).floats());
  }

  @Test
  void numOutputsLeavesShorterLastPart() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {7}, 1, 2, 3, 4, 5, 6, 7);
    List<Tensor> y = NodeRunner.op("Split").opset(18).outputs(3)
        .attr("num_outputs", Attribute.ofInt(3)).input(x).run();
    assertArrayEquals(new float[] {1, 2, 3}, y.get(0).floats());
    assertArrayEquals(new float[] {4, 5, 6}, y.get(1).floats());
    assertArrayEquals(new float[] {7}, y.get(2).floats());
  }

  @Test
  void splitsIntegerMatrixAlongColumns() throws Exception {
    Tensor x = Tensor.ofLongs(DType.INT32, new int[] {2, 3}, new long[] {1, 2, 3, 4, 5, 6});
    List<Tensor> y = NodeRunner.op("Split").opset(13).outputs(2).attr("axis", Attribute.ofInt(-1))
        .input(x).constInput(Tensor.vector(DType.INT64, 1, 2)).run();
    assertArrayEquals(new int[] {2, 1}, y.get(0).shape());
    assertArrayEquals(new long[] {1, 4}, y.get(0).longs());
    assertArrayEquals(new long[] {2, 3, 5, 6}, y.get(1).longs());
  }

  @Test
  void lengthsMustSumToTheAxis() {
    var d = NodeRunner.op("Split").opset(13).outputs(2).input(SIX)
        .constInput(Tensor.vector(DType.INT64, 2, 3)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void unevenEqualSplitIsRejectedBeforeOpset18() {
    var d = NodeRunner.op("Split").opset(13).outputs(4).input(SIX).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void numOutputsMustMatchTheOutputs() {
    var d = NodeRunner.op("Split").opset(18).outputs(2).attr("num_outputs", Attribute.ofInt(3))
        .input(SIX).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void runtimeSplitIsReported() {
    var d = NodeRunner.op("Split").opset(13).outputs(2).input(SIX)
        .input(Tensor.vector(DType.INT64, 3, 3)).diagnostics();
    assertEquals(Code.TX051, d.get(0).code());
  }
}
