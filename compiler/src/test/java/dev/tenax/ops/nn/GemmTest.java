package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GemmTest {
  // A = [[1,2,3],[4,5,6]], B = [[1,0],[0,1],[1,1]]: A*B = [[4,5],[10,11]].
  private static final Tensor A = NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
  private static final Tensor A_T = NodeRunner.floats(new int[] {3, 2}, 1, 4, 2, 5, 3, 6);
  private static final Tensor B = NodeRunner.floats(new int[] {3, 2}, 1, 0, 0, 1, 1, 1);
  private static final Tensor B_T = NodeRunner.floats(new int[] {2, 3}, 1, 0, 1, 0, 1, 1);

  @Test
  void multipliesWithoutBias() throws Exception {
    Tensor y = NodeRunner.op("Gemm").input(A).constInput(B).run().get(0);
    assertArrayEquals(new int[] {2, 2}, y.shape());
    assertArrayEquals(new float[] {4, 5, 10, 11}, y.floats());
  }

  @Test
  void transposesScalesAndBroadcastsRowBias() throws Exception {
    Tensor y = NodeRunner.op("Gemm").attr("transA", Attribute.ofInt(1)).attr("transB", Attribute.ofInt(1))
        .attr("alpha", Attribute.ofFloat(0.5f)).attr("beta", Attribute.ofFloat(2f))
        .input(A_T).constInput(B_T).constInput(NodeRunner.floats(new int[] {2}, 100, 200)).run().get(0);
    assertArrayEquals(new float[] {202, 402.5f, 205, 405.5f}, y.floats());
  }

  @Test
  void broadcastsColumnAndScalarBias() throws Exception {
    Tensor col = NodeRunner.op("Gemm").input(A).constInput(B)
        .constInput(NodeRunner.floats(new int[] {2, 1}, 1, 2)).run().get(0);
    assertArrayEquals(new float[] {5, 6, 12, 13}, col.floats());
    Tensor scalar = NodeRunner.op("Gemm").input(A).constInput(B).constInput(Tensor.scalar(-4f)).run().get(0);
    assertArrayEquals(new float[] {0, 1, 6, 7}, scalar.floats());
  }

  @Test
  void beforeOpset7BiasMustMatchUnlessBroadcastIsSet() throws Exception {
    Tensor c = NodeRunner.floats(new int[] {2}, 1, 2);
    assertEquals(Code.TX050, NodeRunner.op("Gemm").opset(6).input(A).constInput(B).constInput(c)
        .diagnostics().get(0).code());
    Tensor y = NodeRunner.op("Gemm").opset(6).attr("broadcast", Attribute.ofInt(1)).input(A)
        .constInput(B).constInput(c).run().get(0);
    assertArrayEquals(new float[] {5, 7, 11, 13}, y.floats());
    assertTrue(NodeRunner.op("Gemm").opset(6).input(A).constInput(B)
        .constInput(NodeRunner.floats(new int[] {2, 2}, 1, 1, 1, 1)).diagnostics().isEmpty());
  }

  @Test
  void biasIsOptionalFromOpset11Only() {
    assertEquals(Code.TX041, NodeRunner.op("Gemm").opset(9).input(A).constInput(B).diagnostics()
        .get(0).code());
    assertTrue(NodeRunner.op("Gemm").opset(11).input(A).constInput(B).diagnostics().isEmpty());
  }

  @Test
  void rejectsMismatchedInnerSizeAndBadBias() {
    assertEquals(Code.TX050, NodeRunner.op("Gemm").input(A).constInput(B_T).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Gemm").input(A).constInput(B)
        .constInput(NodeRunner.floats(new int[] {3}, 1, 2, 3)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Gemm").input(NodeRunner.floats(new int[] {3}, 1, 2, 3))
        .constInput(B).diagnostics().get(0).code());
  }

  @Test
  void accumulatesInDouble() throws Exception {
    Tensor y = NodeRunner.op("Gemm").input(NodeRunner.floats(new int[] {1, 3}, 1e8f, 1, -1e8f))
        .constInput(NodeRunner.floats(new int[] {3, 1}, 1, 1, 1)).run().get(0);
    assertArrayEquals(new float[] {1}, y.floats());
  }

  @Test
  void countsMultiplyAccumulates() {
    Node node = new Node("g", "Gemm", 13, List.of("a", "b"), List.of("y"),
        Map.of("transA", Attribute.ofInt(1)));
    assertEquals(2L * 5 * 7, new Gemm().macs(List.of(new TensorType(DType.FLOAT32, new int[] {7, 2}),
        new TensorType(DType.FLOAT32, new int[] {7, 5})), List.of(new TensorType(DType.FLOAT32,
        new int[] {2, 5})), node));
  }
}
