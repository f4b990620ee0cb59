package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class CastTest {
  private static NodeRunner cast(Tensor x, DType to) {
    return NodeRunner.op("Cast").attr("to", Attribute.ofInt(to.onnxCode())).input(x);
  }

  @Test
  void floatToIntTruncatesTowardZeroAndWraps() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {5}, 2.9f, -2.9f, 0.4f, 300f, -1f);
    assertArrayEquals(new long[] {2, -2, 0, 44, -1}, cast(x, DType.INT8).run().get(0).longs());
    assertArrayEquals(new long[] {2, 254, 0, 44, 255}, cast(x, DType.UINT8).run().get(0).longs());
  }

  @Test
  void floatToBoolIsNonzero() throws Exception {
    Tensor y = cast(NodeRunner.floats(new int[] {3}, 0f, -0.001f, Float.NaN), DType.BOOL).run().get(0);
    assertEquals(DType.BOOL, y.dtype());
    assertArrayEquals(new long[] {0, 1, 1}, y.longs());
  }

  @Test
  void integersToFloatAndOtherIntegers() throws Exception {
    Tensor x = Tensor.vector(DType.INT32, -1, 70000, 16777217);
    assertArrayEquals(new float[] {-1f, 70000f, 16777216f}, cast(x, DType.FLOAT32).run().get(0).floats());
    assertArrayEquals(new long[] {65535, 4464, 1}, cast(x, DType.UINT16).run().get(0).longs());
    assertArrayEquals(new long[] {0xFFFF_FFFFL, 70000, 16777217}, cast(x, DType.UINT32).run().get(0).longs());
    assertArrayEquals(new long[] {1, 1, 1}, cast(x, DType.BOOL).run().get(0).longs());
  }

  @Test
  void opset1NamesTheTypeWithAString() throws Exception {
    Tensor y = NodeRunner.op("Cast").opset(1).attr("to", Attribute.ofString("INT32"))
        .input(NodeRunner.floats(new int[] {1}, 7.5f)).run().get(0);
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new long[] {7}, y.longs());
    Tensor f = NodeRunner.op("Cast").opset(1).attr("to", Attribute.ofString("FLOAT"))
        .input(Tensor.vector(DType.INT8, 3)).run().get(0);
    assertArrayEquals(new float[] {3f}, f.floats());
  }

  @Test
  void unsupportedTargetsAndMissingAttribute() {
    assertEquals(Code.TX020, NodeRunner.op("Cast").attr("to", Attribute.ofInt(11))
        .input(NodeRunner.floats(new int[] {1}, 1)).diagnostics().get(0).code());
    assertEquals(Code.TX020, NodeRunner.op("Cast").opset(1).attr("to", Attribute.ofString("DOUBLE"))
        .input(NodeRunner.floats(new int[] {1}, 1)).diagnostics().get(0).code());
    assertEquals(Code.TX041, NodeRunner.op("Cast").input(NodeRunner.floats(new int[] {1}, 1))
        .diagnostics().get(0).code());
  }
}
