package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SliceTest {
  private static final Tensor TEN = NodeRunner.floats(new int[] {10}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

  private static Tensor i64(long... v) {
    return Tensor.vector(DType.INT64, v);
  }

  @Test
  void opset1UsesAttributesAndClampsHugeEnds() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor y = NodeRunner.op("Slice").opset(1).attr("starts", Attribute.ofInts(1))
        .attr("ends", Attribute.ofInts(Long.MAX_VALUE)).attr("axes", Attribute.ofInts(1)).input(x).run().get(0);
    assertArrayEquals(new int[] {2, 2}, y.shape());
    assertArrayEquals(new float[] {2, 3, 5, 6}, y.floats());
  }

  @Test
  void negativeStepWalksBackwardFromTheClampedStart() throws Exception {
    Tensor y = NodeRunner.op("Slice").opset(13).input(TEN).constInput(i64(-1)).constInput(i64(-1000))
        .constInput(i64(0)).constInput(i64(-2)).run().get(0);
    assertArrayEquals(new float[] {9, 7, 5, 3, 1}, y.floats());
  }

  @Test
  void startBeyondTheEndGivesAnEmptyResult() throws Exception {
    Tensor y = NodeRunner.op("Slice").opset(13).input(TEN).constInput(i64(1000)).constInput(i64(1001))
        .run().get(0);
    assertArrayEquals(new int[] {0}, y.shape());
  }

  @Test
  void stepAboveOneWithNegativeEnd() throws Exception {
    Tensor y = NodeRunner.op("Slice").opset(13).input(TEN).constInput(i64(1)).constInput(i64(-2))
        .constInput(i64(0)).constInput(i64(3)).run().get(0);
    assertArrayEquals(new float[] {1, 4, 7}, y.floats());
  }

  @Test
  void slicesIntegerMatrixOnNegativeAxisWithInt32Bounds() throws Exception {
    Tensor x = Tensor.ofLongs(DType.INT8, new int[] {2, 4}, new long[] {1, 2, 3, 4, 5, 6, 7, 8});
    Tensor y = NodeRunner.op("Slice").opset(13).input(x).constInput(Tensor.vector(DType.INT32, 3))
        .constInput(Tensor.vector(DType.INT32, 0)).constInput(Tensor.vector(DType.INT32, -1))
        .constInput(Tensor.vector(DType.INT32, -2)).run().get(0);
    assertEquals(DType.INT8, y.dtype());
    assertArrayEquals(new int[] {2, 2}, y.shape());
    assertArrayEquals(new long[] {4, 2, 8, 6}, y.longs());
  }

  @Test
  void zeroStepIsRejected() {
    var d = NodeRunner.op("Slice").opset(13).input(TEN).constInput(i64(0)).constInput(i64(5))
        .constInput(i64(0)).constInput(i64(0)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void repeatedAxesAreRejected() {
    Tensor x = NodeRunner.floats(new int[] {2, 2}, 1, 2, 3, 4);
    var d = NodeRunner.op("Slice").opset(13).input(x).constInput(i64(0, 0)).constInput(i64(1, 1))
        .constInput(i64(1, -1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void runtimeBoundsAreReported() {
    var d = NodeRunner.op("Slice").opset(13).input(TEN).input(i64(0)).constInput(i64(5)).diagnostics();
    assertEquals(Code.TX051, d.get(0).code());
  }

  @Test
  void opset1NeedsStartsAndEnds() {
    var d = NodeRunner.op("Slice").opset(1).attr("starts", Attribute.ofInts(0)).input(TEN).diagnostics();
    assertEquals(Code.TX041, d.get(0).code());
  }
}
