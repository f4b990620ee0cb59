package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class GatherTest {
  private static final Tensor DATA = NodeRunner.floats(new int[] {3, 2}, 1, 2, 3, 4, 5, 6);

  @Test
  void twoDimensionalIndicesOnAxis0() throws Exception {
    Tensor idx = Tensor.ofLongs(DType.INT64, new int[] {2, 2}, new long[] {0, 1, 1, 2});
    Tensor y = NodeRunner.op("Gather").opset(13).input(DATA).constInput(idx).run().get(0);
    assertArrayEquals(new int[] {2, 2, 2}, y.shape());
    assertArrayEquals(new float[] {1, 2, 3, 4, 3, 4, 5, 6}, y.floats());
  }

  @Test
  void negativeIndicesOnAxis1() throws Exception {
    Tensor y = NodeRunner.op("Gather").opset(13).attr("axis", Attribute.ofInt(1)).input(DATA)
        .constInput(Tensor.vector(DType.INT32, -1, 0)).run().get(0);
    assertArrayEquals(new int[] {3, 2}, y.shape());
    assertArrayEquals(new float[] {2, 1, 4, 3, 6, 5}, y.floats());
  }

  @Test
  void scalarIndexDropsTheAxis() throws Exception {
    Tensor y = NodeRunner.op("Gather").opset(13).attr("axis", Attribute.ofInt(-1)).input(DATA)
        .constInput(Tensor.scalar(DType.INT64, 1)).run().get(0);
    assertArrayEquals(new int[] {3}, y.shape());
    assertArrayEquals(new float[] {2, 4, 6}, y.floats());
  }

  @Test
  void runtimeIndicesOnAnInt64ShapeVector() throws Exception {
    Tensor shape = Tensor.vector(DType.INT64, 1, 3, 224, 224);
    Tensor y = NodeRunner.op("Gather").opset(13).constInput(shape).input(Tensor.scalar(DType.INT64, -2))
        .run().get(0);
    assertEquals(DType.INT64, y.dtype());
    assertArrayEquals(new long[] {224}, y.longs());
  }

  @Test
  void knownIndexOutOfRangeIsReported() {
    var d = NodeRunner.op("Gather").opset(13).input(DATA).constInput(Tensor.vector(DType.INT64, 3))
        .diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void floatIndicesAreRejected() {
    var d = NodeRunner.op("Gather").opset(13).input(DATA).input(NodeRunner.floats(new int[] {1}, 0))
        .diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
