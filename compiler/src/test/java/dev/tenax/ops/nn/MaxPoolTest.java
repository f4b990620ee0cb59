package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaxPoolTest {
  /** Channel 0 is 1..16 row-major, channel 1 counts down from 16. */
  private static Tensor twoChannels() {
    float[] v = new float[32];
    for (int i = 0; i < 16; i++) {
      v[i] = i + 1;
      v[16 + i] = 16 - i;
    }
    return Tensor.ofFloats(new int[] {1, 2, 4, 4}, v);
  }

  private static NodeRunner pool(long... kernel) {
    return NodeRunner.op("MaxPool").attr("kernel_shape", Attribute.ofInts(kernel));
  }

  @Test
  void takesWindowMaximaAndFlatIndices() throws Exception {
    List<Tensor> r = pool(2, 2).attr("strides", Attribute.ofInts(2, 2)).outputs(2)
        .input(twoChannels()).run();
    assertArrayEquals(new float[] {6, 8, 14, 16, 16, 14, 8, 6}, r.get(0).floats());
    assertEquals(DType.INT64, r.get(1).dtype());
    assertArrayEquals(new int[] {1, 2, 2, 2}, r.get(1).shape());
    assertArrayEquals(new long[] {5, 7, 13, 15, 16, 18, 24, 26}, r.get(1).longs());
  }

  @Test
  void storageOrderOneNumbersColumnMajor() throws Exception {
    List<Tensor> r = pool(2, 2).attr("strides", Attribute.ofInts(2, 2))
        .attr("storage_order", Attribute.ofInt(1)).outputs(2).input(twoChannels()).run();
    assertArrayEquals(new long[] {5, 13, 7, 15, 16, 24, 18, 26}, r.get(1).longs());
  }

  @Test
  void paddingNeverWins() throws Exception {
    Tensor y = pool(3, 3).attr("pads", Attribute.ofInts(1, 1, 1, 1))
        .input(NodeRunner.floats(new int[] {1, 1, 2, 2}, -1, -2, -3, -4)).run().get(0);
    assertArrayEquals(new float[] {-1, -1, -1, -1}, y.floats());
  }

  @Test
  void ceilModeAddsAPartialWindowAndDilationsSpreadTaps() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 1, 5}, 1, 2, 3, 4, 5);
    assertArrayEquals(new float[] {2, 4}, pool(2).attr("strides", Attribute.ofInts(2)).input(x)
        .run().get(0).floats());
    assertArrayEquals(new float[] {2, 4, 5}, pool(2).attr("strides", Attribute.ofInts(2))
        .attr("ceil_mode", Attribute.ofInt(1)).input(x).run().get(0).floats());
    Tensor d = NodeRunner.floats(new int[] {1, 1, 5}, 1, 5, 2, 4, 3);
    assertArrayEquals(new float[] {2, 5, 3}, pool(2).attr("dilations", Attribute.ofInts(2)).input(d)
        .run().get(0).floats());
  }

  @Test
  void skipsNaN() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 1, 4}, Float.NaN, 1, 2, Float.NaN);
    List<Tensor> r = pool(2).attr("strides", Attribute.ofInts(2)).outputs(2).input(x).run();
    assertArrayEquals(new float[] {1, 2}, r.get(0).floats());
    assertArrayEquals(new long[] {1, 2}, r.get(1).longs());
  }

  @Test
  void poolsInt8AndUint8Exactly() throws Exception {
    Tensor s = Tensor.ofLongs(DType.INT8, new int[] {1, 1, 4}, new long[] {-128, 127, -5, -3});
    Tensor y = pool(2).attr("strides", Attribute.ofInts(2)).input(s).run().get(0);
    assertEquals(DType.INT8, y.dtype());
    assertArrayEquals(new long[] {127, -3}, y.longs());
    Tensor u = Tensor.ofLongs(DType.UINT8, new int[] {1, 1, 4}, new long[] {200, 255, 0, 1});
    assertArrayEquals(new long[] {255, 1}, pool(2).attr("strides", Attribute.ofInts(2)).input(u)
        .run().get(0).longs());
  }

  @Test
  void rejectsBadAttributesAndOutputs() {
    Tensor x = twoChannels();
    assertEquals(Code.TX040, pool(2, 2).attr("storage_order", Attribute.ofInt(2)).input(x)
        .diagnostics().get(0).code());
    assertEquals(Code.TX041, NodeRunner.op("MaxPool").input(x).diagnostics().get(0).code());
    assertEquals(Code.TX050, pool(2).input(x).diagnostics().get(0).code());
    assertEquals(Code.TX050, pool(2, 2).opset(7).outputs(2).input(x).diagnostics().get(0).code());
    assertEquals(Code.TX050, pool(2, 2).input(Tensor.zeros(DType.INT32, new int[] {1, 1, 2, 2}))
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, pool(5, 5).input(x).diagnostics().get(0).code());
  }
}
