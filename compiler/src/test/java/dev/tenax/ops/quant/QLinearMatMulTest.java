package dev.tenax.ops.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class QLinearMatMulTest {
  private static Tensor ints(DType t, int[] shape, long... v) {
    return Tensor.ofLongs(t, shape, v.clone());
  }

  /** a, a_scale, a_zp, b, b_scale, b_zp, y_scale, y_zp; a runtime, the rest constant. */
  private static NodeRunner mm(Tensor a, Tensor as, Tensor az, Tensor b, Tensor bs, Tensor bz, Tensor ys, Tensor yz) {
    return NodeRunner.op("QLinearMatMul").opset(10).input(a).constInput(as).constInput(az).constInput(b)
        .constInput(bs).constInput(bz).constInput(ys).constInput(yz);
  }

  @Test
  void addsTheZeroPointBeforeRoundingTiesToEven() throws Exception {
    Tensor a = ints(DType.UINT8, new int[] {2, 2}, 1, 2, 3, 6);
    Tensor b = ints(DType.UINT8, new int[] {2, 2}, 1, 0, 0, 1);
    Tensor zero = Tensor.scalar(DType.UINT8, 0);
    Tensor y = mm(a, Tensor.scalar(0.5f), zero, b, Tensor.scalar(0.5f), zero, Tensor.scalar(1f),
        Tensor.scalar(DType.UINT8, 1)).run().get(0);
    // a * 0.25 + 1 = 1.25, 1.5, 1.75, 2.5: ties go to 2 and 2 (rounding before adding would
    // give 1 and 3, rounding half up 2 and 3).
    assertArrayEquals(new long[] {1, 2, 2, 2}, y.longs());
  }

  @Test
  void perRowAndPerColumnParameters() throws Exception {
    Tensor a = ints(DType.INT8, new int[] {2, 2}, 2, 4, 6, 8);
    Tensor b = ints(DType.INT8, new int[] {2, 3}, 1, 1, 1, 1, 1, 1);
    Tensor ys = Tensor.scalar(1f);
    Tensor yz = Tensor.scalar(DType.INT8, 0);
    // Centered a rows (2, 4) and (4, 6); centered b columns (1, 1), (1, 1), (0, 0); factors a_scale[i] * b_scale[j].
    long[] expected = {6, 12, 0, 5, 10, 0};
    Tensor vectors = mm(a, NodeRunner.floats(new int[] {2}, 1f, 0.5f), Tensor.vector(DType.INT8, 0, 2), b,
        NodeRunner.floats(new int[] {3}, 1f, 2f, 4f), Tensor.vector(DType.INT8, 0, 0, 1), ys, yz).run().get(0);
    assertArrayEquals(expected, vectors.longs());
    Tensor matrices = mm(a, NodeRunner.floats(new int[] {2, 1}, 1f, 0.5f), ints(DType.INT8, new int[] {2, 1}, 0, 2), b,
        NodeRunner.floats(new int[] {1, 3}, 1f, 2f, 4f), ints(DType.INT8, new int[] {1, 3}, 0, 0, 1), ys, yz)
        .run().get(0);
    assertArrayEquals(expected, matrices.longs());
  }

  @Test
  void broadcastsBatchesAndPromotesVectors() throws Exception {
    Tensor one = Tensor.scalar(1f);
    Tensor zero = Tensor.scalar(DType.UINT8, 0);
    Tensor batched = mm(ints(DType.UINT8, new int[] {2, 1, 2}, 1, 2, 3, 4), one, zero,
        ints(DType.UINT8, new int[] {2, 1}, 1, 2), one, zero, one, zero).run().get(0);
    assertArrayEquals(new int[] {2, 1, 1}, batched.shape());
    assertArrayEquals(new long[] {5, 11}, batched.longs());
    Tensor vector = mm(Tensor.vector(DType.UINT8, 1, 2, 3), one, zero,
        ints(DType.UINT8, new int[] {2, 3, 2}, 1, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2), one, zero, one, zero).run().get(0);
    assertArrayEquals(new int[] {2, 2}, vector.shape());
    assertArrayEquals(new long[] {4, 5, 12, 12}, vector.longs());
  }

  @Test
  void withoutOutputZeroPointSaturatesToTheInputType() throws Exception {
    Tensor one = Tensor.scalar(1f);
    Tensor zero = Tensor.scalar(DType.INT8, 0);
    Tensor y = NodeRunner.op("QLinearMatMul").opset(21).input(ints(DType.INT8, new int[] {1, 1}, -128)).constInput(one)
        .constInput(zero).constInput(ints(DType.INT8, new int[] {1, 2}, -128, 127)).constInput(one).constInput(zero)
        .constInput(one).run().get(0);
    assertEquals(DType.INT8, y.dtype());
    assertArrayEquals(new long[] {127, -128}, y.longs());
  }

  @Test
  void rejectsParametersThatAreNotPerRowOrPerColumn() {
    Tensor a = ints(DType.UINT8, new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor b = ints(DType.UINT8, new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
    Tensor one = Tensor.scalar(1f);
    Tensor zero = Tensor.scalar(DType.UINT8, 0);
    // a_scale as long as K (3), not M (2).
    assertEquals(Code.TX050, mm(a, NodeRunner.floats(new int[] {3}, 1, 1, 1), zero, b, one, zero, one, zero)
        .diagnostics().get(0).code());
    // a_scale varying along K.
    assertEquals(Code.TX050, mm(a, NodeRunner.floats(new int[] {1, 3}, 1, 1, 1), zero, b, one, zero, one, zero)
        .diagnostics().get(0).code());
    // b_zero_point varying along K.
    assertEquals(Code.TX050, mm(a, one, zero, b, one, ints(DType.UINT8, new int[] {3, 1}, 0, 0, 0), one, zero)
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, mm(a, one, zero, b, one, zero, NodeRunner.floats(new int[] {2}, 1, 1), zero)
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, mm(a, one, zero, a, one, zero, one, zero).diagnostics().get(0).code());
    assertEquals(Code.TX050, mm(a, one, zero, b, one, Tensor.scalar(DType.INT8, 0), one, zero)
        .diagnostics().get(0).code());
  }
}
