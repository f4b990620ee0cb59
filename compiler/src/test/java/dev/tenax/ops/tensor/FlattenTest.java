package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class FlattenTest {
  private static final Tensor X = Tensor.zeros(DType.FLOAT32, new int[] {2, 3, 4});

  private static int[] shapeFor(long axis) throws Exception {
    return NodeRunner.op("Flatten").opset(13).attr("axis", Attribute.ofInt(axis)).input(X).infer().get(0).shape();
  }

  @Test
  void axisSplitsTheDimensions() throws Exception {
    assertArrayEquals(new int[] {1, 24}, shapeFor(0));
    assertArrayEquals(new int[] {6, 4}, shapeFor(2));
    assertArrayEquals(new int[] {24, 1}, shapeFor(3));
    assertArrayEquals(new int[] {2, 12}, shapeFor(-2));
  }

  @Test
  void defaultAxisIs1AndDataIsKept() throws Exception {
    Tensor x = Tensor.ofLongs(DType.UINT8, new int[] {2, 1, 2}, new long[] {1, 2, 3, 4});
    Tensor y = NodeRunner.op("Flatten").opset(13).input(x).run().get(0);
    assertArrayEquals(new int[] {2, 2}, y.shape());
    assertArrayEquals(new long[] {1, 2, 3, 4}, y.longs());
  }

  @Test
  void axisBeyondTheRankIsRejected() {
    var d = NodeRunner.op("Flatten").opset(13).attr("axis", Attribute.ofInt(4)).input(X).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
