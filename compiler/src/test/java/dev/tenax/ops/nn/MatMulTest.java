package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatMulTest {
  @Test
  void multipliesMatrices() throws Exception {
    Tensor y = NodeRunner.op("MatMul").input(NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6))
        .input(NodeRunner.floats(new int[] {3, 2}, 7, 8, 9, 10, 11, 12)).run().get(0);
    assertArrayEquals(new int[] {2, 2}, y.shape());
    assertArrayEquals(new float[] {58, 64, 139, 154}, y.floats());
  }

  @Test
  void vectorOperandsLoseTheirAddedAxis() throws Exception {
    Tensor v = NodeRunner.floats(new int[] {3}, 1, 2, 3);
    Tensor dot = NodeRunner.op("MatMul").input(v).input(v).run().get(0);
    assertArrayEquals(new int[0], dot.shape());
    assertArrayEquals(new float[] {14}, dot.floats());
    // [3] x [2, 3, 2] -> [2, 2]; [2, 2, 3] x [3] -> [2, 2].
    Tensor b = NodeRunner.floats(new int[] {2, 3, 2}, 1, 0, 0, 1, 1, 1, 2, 0, 0, 2, 2, 2);
    Tensor left = NodeRunner.op("MatMul").input(v).input(b).run().get(0);
    assertArrayEquals(new int[] {2, 2}, left.shape());
    assertArrayEquals(new float[] {4, 5, 8, 10}, left.floats());
    Tensor a = NodeRunner.floats(new int[] {2, 2, 3}, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1);
    Tensor right = NodeRunner.op("MatMul").input(a).input(v).run().get(0);
    assertArrayEquals(new int[] {2, 2}, right.shape());
    assertArrayEquals(new float[] {1, 2, 3, 6}, right.floats());
  }

  @Test
  void broadcastsBatchAxes() throws Exception {
    Random r = new Random(5);
    Tensor a = NaiveConv.random(r, 2, 1, 2, 3);
    Tensor b = NaiveConv.random(r, 3, 3, 4);
    Tensor y = NodeRunner.op("MatMul").input(a).input(b).run().get(0);
    assertArrayEquals(new int[] {2, 3, 2, 4}, y.shape());
    float[] expected = new float[2 * 3 * 2 * 4];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int m = 0; m < 2; m++) {
          for (int n = 0; n < 4; n++) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
              s += (double) a.floats()[i * 6 + m * 3 + k] * b.floats()[j * 12 + k * 4 + n];
            }
            expected[((i * 3 + j) * 2 + m) * 4 + n] = (float) s;
          }
        }
      }
    }
    NaiveConv.assertClose(expected, y.floats());
  }

  @Test
  void integersAreExactAndWrapLikeC() throws Exception {
    Tensor a = Tensor.ofLongs(DType.INT32, new int[] {1, 2}, new long[] {65536, 3});
    Tensor b = Tensor.ofLongs(DType.INT32, new int[] {2, 1}, new long[] {65536, -5});
    // 65536 * 65536 = 2^32 wraps to 0 in int32, leaving 3 * -5.
    Tensor y = NodeRunner.op("MatMul").input(a).input(b).run().get(0);
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new long[] {-15}, y.longs());
    Tensor big = Tensor.ofLongs(DType.INT64, new int[] {1, 2}, new long[] {3_000_000_000L, 1});
    Tensor col = Tensor.ofLongs(DType.INT64, new int[] {2, 1}, new long[] {3, 7});
    assertArrayEquals(new long[] {9_000_000_007L},
        NodeRunner.op("MatMul").input(big).input(col).run().get(0).longs());
  }

  @Test
  void accumulatesInDouble() throws Exception {
    Tensor y = NodeRunner.op("MatMul").input(NodeRunner.floats(new int[] {3}, 1e8f, 1, -1e8f))
        .input(NodeRunner.floats(new int[] {3}, 1, 1, 1)).run().get(0);
    assertArrayEquals(new float[] {1}, y.floats());
  }

  @Test
  void rejectsMismatchedShapesAndTypes() {
    assertEquals(Code.TX050, NodeRunner.op("MatMul").input(NodeRunner.floats(new int[] {2, 3}, new float[6]))
        .input(NodeRunner.floats(new int[] {2, 3}, new float[6])).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("MatMul").input(NodeRunner.floats(new int[] {2, 2, 3}, new float[12]))
        .input(NodeRunner.floats(new int[] {3, 3, 1}, new float[9])).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("MatMul").input(NodeRunner.floats(new int[] {2}, 1, 2))
        .input(Tensor.vector(DType.INT32, 1, 2)).diagnostics().get(0).code());
  }

  @Test
  void countsMultiplyAccumulates() {
    Node node = new Node("m", "MatMul", 13, List.of("a", "b"), List.of("y"), Map.of());
    assertEquals(6L * 2 * 4 * 3, new MatMul().macs(List.of(new TensorType(DType.FLOAT32,
        new int[] {6, 2, 3}), new TensorType(DType.FLOAT32, new int[] {3, 4})),
        List.of(new TensorType(DType.FLOAT32, new int[] {6, 2, 4})), node));
  }
}
