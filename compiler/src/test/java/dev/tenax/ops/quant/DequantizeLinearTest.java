package dev.tenax.ops.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class DequantizeLinearTest {
  @Test
  void uint8WithZeroPoint() throws Exception {
    Tensor y = NodeRunner.op("DequantizeLinear").opset(10).input(Tensor.vector(DType.UINT8, 0, 128, 255))
        .constInput(Tensor.scalar(0.5f)).constInput(Tensor.scalar(DType.UINT8, 128)).run().get(0);
    assertEquals(DType.FLOAT32, y.dtype());
    assertArrayEquals(new float[] {-64f, 0f, 63.5f}, y.floats());
  }

  @Test
  void int8WithNegativeZeroPoint() throws Exception {
    Tensor y = NodeRunner.op("DequantizeLinear").opset(13).input(Tensor.vector(DType.INT8, -128, 127, -1))
        .constInput(Tensor.scalar(2f)).constInput(Tensor.scalar(DType.INT8, -1)).run().get(0);
    assertArrayEquals(new float[] {-254f, 256f, 0f}, y.floats());
  }

  @Test
  void int32BiasWithoutZeroPoint() throws Exception {
    Tensor y = NodeRunner.op("DequantizeLinear").opset(13).input(Tensor.vector(DType.INT32, -1000, 123456))
        .constInput(Tensor.scalar(0.25f)).run().get(0);
    assertArrayEquals(new float[] {-250f, 30864f}, y.floats());
  }

  @Test
  void sixteenBitInputs() throws Exception {
    Tensor s = NodeRunner.op("DequantizeLinear").opset(21).input(Tensor.vector(DType.INT16, -32768, 32767))
        .constInput(Tensor.scalar(1f)).constInput(Tensor.scalar(DType.INT16, -32768)).run().get(0);
    assertArrayEquals(new float[] {0f, 65535f}, s.floats());
    Tensor u = NodeRunner.op("DequantizeLinear").opset(21).input(Tensor.vector(DType.UINT16, 0, 65535))
        .constInput(Tensor.scalar(0.5f)).constInput(Tensor.scalar(DType.UINT16, 32768)).run().get(0);
    assertArrayEquals(new float[] {-16384f, 16383.5f}, u.floats());
  }

  @Test
  void perAxisAlongAxisZero() throws Exception {
    Tensor x = Tensor.ofLongs(DType.UINT8, new int[] {2, 2}, new long[] {1, 2, 3, 4});
    Tensor y = NodeRunner.op("DequantizeLinear").opset(13).attr("axis", Attribute.ofInt(0)).input(x)
        .constInput(NodeRunner.floats(new int[] {2}, 1f, 10f)).constInput(Tensor.vector(DType.UINT8, 0, 1))
        .run().get(0);
    assertArrayEquals(new float[] {1f, 2f, 20f, 30f}, y.floats());
  }

  @Test
  void blockedAlongTheLastAxis() throws Exception {
    Tensor x = Tensor.ofLongs(DType.INT8, new int[] {2, 3}, new long[] {1, 2, 3, 4, 5, 6});
    Tensor y = NodeRunner.op("DequantizeLinear").opset(21).attr("axis", Attribute.ofInt(-1))
        .attr("block_size", Attribute.ofInt(2)).input(x)
        .constInput(NodeRunner.floats(new int[] {2, 2}, 1f, 2f, 3f, 4f))
        .constInput(Tensor.ofLongs(DType.INT8, new int[] {2, 2}, new long[] {0, 1, 0, 2})).run().get(0);
    // Row 0: (1-0)*1, (2-0)*1, (3-1)*2; row 1: 4*3, 5*3, (6-2)*4.
    assertArrayEquals(new float[] {1f, 2f, 4f, 12f, 15f, 16f}, y.floats());
  }

  @Test
  void rejectsZeroPointOfAnotherType() {
    var d = NodeRunner.op("DequantizeLinear").opset(13).input(Tensor.vector(DType.INT8, 1))
        .constInput(Tensor.scalar(1f)).constInput(Tensor.scalar(DType.UINT8, 0)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void rejectsNonFloatScaleAndHalfPrecisionOutput() {
    var scale = NodeRunner.op("DequantizeLinear").opset(13).input(Tensor.vector(DType.INT8, 1))
        .constInput(Tensor.scalar(DType.INT32, 1)).diagnostics();
    assertEquals(Code.TX050, scale.get(0).code());
    var half = NodeRunner.op("DequantizeLinear").opset(23).attr("output_dtype", Attribute.ofInt(10))
        .input(Tensor.vector(DType.INT8, 1)).constInput(Tensor.scalar(1f)).diagnostics();
    assertEquals(Code.TX020, half.get(0).code());
  }

  @Test
  void rejectsBlockedScaleOfWrongShape() {
    var d = NodeRunner.op("DequantizeLinear").opset(21).attr("block_size", Attribute.ofInt(2))
        .input(Tensor.ofLongs(DType.INT8, new int[] {2, 4}, new long[8]))
        .constInput(NodeRunner.floats(new int[] {2, 3}, 1, 1, 1, 1, 1, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
