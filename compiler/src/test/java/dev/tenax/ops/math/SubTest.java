package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SubTest {
  @Test
  void broadcastsColumnAgainstMatrix() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {2, 2}, 10, 20, 30, 40);
    Tensor b = NodeRunner.floats(new int[] {2, 1}, 1, 2);
    Tensor y = NodeRunner.op("Sub").input(a).input(b).run().get(0);
    assertArrayEquals(new float[] {9, 19, 28, 38}, y.floats());
  }

  @Test
  void unsignedWrapsAround() throws Exception {
    Tensor y = NodeRunner.op("Sub").input(Tensor.vector(DType.UINT8, 0, 5))
        .input(Tensor.vector(DType.UINT8, 1, 3)).run().get(0);
    assertArrayEquals(new long[] {255, 2}, y.longs());
    Tensor z = NodeRunner.op("Sub").input(Tensor.vector(DType.UINT32, 0))
        .input(Tensor.vector(DType.UINT32, 1)).run().get(0);
    assertArrayEquals(new long[] {0xFFFF_FFFFL}, z.longs());
  }

  @Test
  void legacyBroadcastAlignsBAtAxis() throws Exception {
    // Opset 6 with broadcast=1, axis=0: B of shape [2] runs along A's first dimension.
    Tensor a = NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor b = NodeRunner.floats(new int[] {2}, 1, 10);
    Tensor y = NodeRunner.op("Sub").opset(6).attr("broadcast", Attribute.ofInt(1))
        .attr("axis", Attribute.ofInt(0)).input(a).input(b).run().get(0);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new float[] {0, 1, 2, -6, -5, -4}, y.floats());
  }

  @Test
  void legacyBroadcastDefaultsToTrailingDimensions() throws Exception {
    Tensor a = NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor b = NodeRunner.floats(new int[] {3}, 1, 2, 3);
    Tensor y = NodeRunner.op("Sub").opset(1).attr("broadcast", Attribute.ofInt(1)).input(a).input(b)
        .run().get(0);
    assertArrayEquals(new float[] {0, 0, 0, 3, 3, 3}, y.floats());
  }

  @Test
  void legacyOpsetWithoutBroadcastNeedsEqualShapes() {
    var d = NodeRunner.op("Sub").opset(6).input(NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6))
        .input(NodeRunner.floats(new int[] {3}, 1, 2, 3)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void legacyBroadcastNeverBroadcastsA() {
    var d = NodeRunner.op("Sub").opset(6).attr("broadcast", Attribute.ofInt(1))
        .input(NodeRunner.floats(new int[] {3}, 1, 2, 3))
        .input(NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void legacyAxisOutsideAIsRejected() {
    var d = NodeRunner.op("Sub").opset(6).attr("broadcast", Attribute.ofInt(1)).attr("axis", Attribute.ofInt(2))
        .input(NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6))
        .input(NodeRunner.floats(new int[] {3}, 1, 2, 3)).diagnostics();
    assertEquals(Code.TX040, d.get(0).code());
  }

  @Test
  void mixedTypesAndBoolAreRejected() {
    assertEquals(Code.TX050, NodeRunner.op("Sub").input(Tensor.vector(DType.INT32, 1))
        .input(NodeRunner.floats(new int[] {1}, 1)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Sub").input(Tensor.vector(DType.BOOL, 1))
        .input(Tensor.vector(DType.BOOL, 1)).diagnostics().get(0).code());
  }
}
