package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ConcatTest {
  @Test
  void joinsColumnsOfMatrices() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {2, 1}, 1, 2);
    Tensor b = NodeRunner.floats(new int[] {2, 2}, 3, 4, 5, 6);
    Tensor y = NodeRunner.op("Concat").opset(13).attr("axis", Attribute.ofInt(1)).input(a).input(b).run().get(0);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new float[] {1, 3, 4, 2, 5, 6}, y.floats());
  }

  @Test
  void joinsIntegerVectorsOnNegativeAxis() throws Exception {
    Tensor y = NodeRunner.op("Concat").opset(13).attr("axis", Attribute.ofInt(-1))
        .input(Tensor.vector(DType.INT64, 1, 2)).input(Tensor.vector(DType.INT64))
        .input(Tensor.vector(DType.INT64, -3)).run().get(0);
    assertEquals(DType.INT64, y.dtype());
    assertArrayEquals(new long[] {1, 2, -3}, y.longs());
  }

  @Test
  void opset1DefaultsToAxis1() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {1, 2}, 1, 2);
    Tensor y = NodeRunner.op("Concat").opset(1).input(a).input(a).run().get(0);
    assertArrayEquals(new int[] {1, 4}, y.shape());
  }

  @Test
  void axisIsRequiredFromOpset4() {
    var d = NodeRunner.op("Concat").opset(4).input(NodeRunner.floats(new int[] {1}, 1)).diagnostics();
    assertEquals(Code.TX041, d.get(0).code());
  }

  @Test
  void otherAxesMustMatch() {
    var d = NodeRunner.op("Concat").opset(13).attr("axis", Attribute.ofInt(0))
        .input(NodeRunner.floats(new int[] {1, 2}, 1, 2))
        .input(NodeRunner.floats(new int[] {1, 3}, 1, 2, 3)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void elementTypesMustMatch() {
    var d = NodeRunner.op("Concat").opset(13).attr("axis", Attribute.ofInt(0))
        .input(NodeRunner.floats(new int[] {1}, 1)).input(Tensor.vector(DType.INT32, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
