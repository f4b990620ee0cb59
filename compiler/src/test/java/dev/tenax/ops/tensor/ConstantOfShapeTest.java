package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ConstantOfShapeTest {
  @Test
  void defaultsToFloatZeros() throws Exception {
    Tensor y = NodeRunner.op("ConstantOfShape").opset(9).constInput(Tensor.vector(DType.INT64, 2, 3)).run().get(0);
    assertEquals(Tensor.zeros(DType.FLOAT32, new int[] {2, 3}), y);
  }

  @Test
  void valueAttributeGivesTypeAndFill() throws Exception {
    Tensor y = NodeRunner.op("ConstantOfShape").opset(9)
        .attr("value", Attribute.ofTensor(Tensor.vector(DType.INT32, 7)))
        .constInput(Tensor.vector(DType.INT64, 3)).run().get(0);
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new long[] {7, 7, 7}, y.longs());
  }

  @Test
  void emptyShapeGivesAScalar() throws Exception {
    Tensor y = NodeRunner.op("ConstantOfShape").opset(9).attr("value", Attribute.ofTensor(Tensor.scalar(4f)))
        .constInput(Tensor.vector(DType.INT64)).run().get(0);
    assertEquals(Tensor.scalar(4f), y);
  }

  @Test
  void problemsAreReported() {
    assertEquals(Code.TX051, NodeRunner.op("ConstantOfShape").opset(9).input(Tensor.vector(DType.INT64, 2))
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("ConstantOfShape").opset(9)
        .attr("value", Attribute.ofTensor(NodeRunner.floats(new int[] {2}, 1, 2)))
        .constInput(Tensor.vector(DType.INT64, 2)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("ConstantOfShape").opset(9).constInput(Tensor.vector(DType.INT64, -1))
        .diagnostics().get(0).code());
  }
}
