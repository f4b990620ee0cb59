package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ReduceMeanTest {
  private static final Tensor X = NodeRunner.floats(new int[] {2, 3}, 1, 2, 6, -4, 0, 1);

  @Test
  void axesAttributeBeforeOpset18() throws Exception {
    Tensor y = NodeRunner.op("ReduceMean").opset(13).attr("axes", Attribute.ofInts(1))
        .attr("keepdims", Attribute.ofInt(0)).input(X).run().get(0);
    assertArrayEquals(new int[] {2}, y.shape());
    assertArrayEquals(new float[] {3, -1}, y.floats());
    Tensor neg = NodeRunner.op("ReduceMean").opset(11).attr("axes", Attribute.ofInts(-2)).input(X).run().get(0);
    assertArrayEquals(new int[] {1, 3}, neg.shape());
    assertArrayEquals(new float[] {-1.5f, 1, 3.5f}, neg.floats());
  }

  @Test
  void allAxesByDefault() throws Exception {
    Tensor y = NodeRunner.op("ReduceMean").opset(13).input(X).run().get(0);
    assertArrayEquals(new int[] {1, 1}, y.shape());
    assertArrayEquals(new float[] {1}, y.floats());
  }

  @Test
  void axesInputFromOpset18() throws Exception {
    Tensor y = NodeRunner.op("ReduceMean").opset(18).input(X).constInput(Tensor.vector(DType.INT64, 0))
        .run().get(0);
    assertArrayEquals(new int[] {1, 3}, y.shape());
    assertArrayEquals(new float[] {-1.5f, 1, 3.5f}, y.floats());
    Tensor all = NodeRunner.op("ReduceMean").opset(18).attr("keepdims", Attribute.ofInt(0)).input(X)
        .run().get(0);
    assertArrayEquals(new int[0], all.shape());
    assertArrayEquals(new float[] {1}, all.floats());
  }

  @Test
  void emptyAxesAreTheIdentityWithNoop() throws Exception {
    Tensor y = NodeRunner.op("ReduceMean").opset(18).attr("noop_with_empty_axes", Attribute.ofInt(1))
        .input(X).constInput(Tensor.ofLongs(DType.INT64, new int[] {0}, new long[0])).run().get(0);
    assertEquals(X, y);
  }

  @Test
  void integerMeansTruncateTowardZero() throws Exception {
    Tensor x = Tensor.ofLongs(DType.INT32, new int[] {2, 2}, new long[] {-3, 0, 7, 2});
    Tensor y = NodeRunner.op("ReduceMean").opset(13).attr("axes", Attribute.ofInts(1)).input(x).run().get(0);
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new long[] {-1, 4}, y.longs());
  }

  @Test
  void axesMustBeConstantAndDistinct() {
    var runtime = NodeRunner.op("ReduceMean").opset(18).input(X).input(Tensor.vector(DType.INT64, 0))
        .diagnostics();
    assertEquals(Code.TX051, runtime.get(0).code());
    var twice = NodeRunner.op("ReduceMean").opset(13).attr("axes", Attribute.ofInts(1, -1)).input(X)
        .diagnostics();
    assertEquals(Code.TX050, twice.get(0).code());
    var range = NodeRunner.op("ReduceMean").opset(13).attr("axes", Attribute.ofInts(2)).input(X).diagnostics();
    assertEquals(Code.TX050, range.get(0).code());
  }
}
