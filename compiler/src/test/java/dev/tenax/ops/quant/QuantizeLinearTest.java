package dev.tenax.ops.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class QuantizeLinearTest {
  private static Tensor quantize(NodeRunner r) throws Exception {
    return r.run().get(0);
  }

  @Test
  void roundsTiesToEvenBeforeAddingTheZeroPoint() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {8}, 0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 3.4f, 3.6f);
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(13).input(x).constInput(Tensor.scalar(1f))
        .constInput(Tensor.scalar(DType.UINT8, 11)));
    assertEquals(DType.UINT8, y.dtype());
    // rint: 0, 2, 2, -0, -2, -2, 3, 4; then + 11 (odd, so rounding after adding would differ).
    assertArrayEquals(new long[] {11, 13, 13, 11, 9, 9, 14, 15}, y.longs());
  }

  @Test
  void dividesInFloat32LikeTheReference() throws Exception {
    // In float32, 0.35f / 0.1f is exactly 3.5 and 0.85f / 0.1f exactly 8.5 (ties, going to 4
    // and 8); the exact quotients 3.4999999 and 8.5000001 would round to 3 and 9.
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(13)
        .input(NodeRunner.floats(new int[] {2}, 0.35f, 0.85f)).constInput(Tensor.scalar(0.1f)));
    assertArrayEquals(new long[] {4, 8}, y.longs());
  }

  @Test
  void saturatesUint8AndInt8() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {6}, -1000f, 1000f, 127.5f, -128.5f, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY);
    Tensor u = quantize(NodeRunner.op("QuantizeLinear").opset(13).input(x).constInput(Tensor.scalar(1f))
        .constInput(Tensor.scalar(DType.UINT8, 0)));
    assertArrayEquals(new long[] {0, 255, 128, 0, 255, 0}, u.longs());
    Tensor s = quantize(NodeRunner.op("QuantizeLinear").opset(13).input(x).constInput(Tensor.scalar(1f))
        .constInput(Tensor.scalar(DType.INT8, 0)));
    assertEquals(DType.INT8, s.dtype());
    // 127.5 rounds to 128 (even) and saturates; -128.5 rounds to -128.
    assertArrayEquals(new long[] {-128, 127, 127, -128, 127, -128}, s.longs());
  }

  @Test
  void zeroPointTypeSelectsTheRange() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {3}, -2f, 0f, 2f);
    Tensor u = quantize(NodeRunner.op("QuantizeLinear").opset(13).input(x).constInput(Tensor.scalar(0.5f))
        .constInput(Tensor.scalar(DType.UINT8, 255)));
    assertArrayEquals(new long[] {251, 255, 255}, u.longs());
    Tensor s = quantize(NodeRunner.op("QuantizeLinear").opset(13).input(x).constInput(Tensor.scalar(0.5f))
        .constInput(Tensor.scalar(DType.INT8, -128)));
    assertArrayEquals(new long[] {-128, -128, -124}, s.longs());
  }

  @Test
  void withoutZeroPointTheOutputIsUint8() throws Exception {
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(10)
        .input(NodeRunner.floats(new int[] {3}, -3f, 2.6f, 300f)).constInput(Tensor.scalar(1f)));
    assertEquals(DType.UINT8, y.dtype());
    assertArrayEquals(new long[] {0, 3, 255}, y.longs());
  }

  @Test
  void int16OutputSaturatesAt16Bits() throws Exception {
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(21)
        .input(NodeRunner.floats(new int[] {3}, 40000f, -40000f, 1234.5f)).constInput(Tensor.scalar(1f))
        .constInput(Tensor.scalar(DType.INT16, 0)));
    assertEquals(DType.INT16, y.dtype());
    assertArrayEquals(new long[] {32767, -32768, 1234}, y.longs());
  }

  @Test
  void int32InputIsDividedExactly() throws Exception {
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(13).input(Tensor.vector(DType.INT32, 5, 7, -3))
        .constInput(Tensor.scalar(2f)).constInput(Tensor.scalar(DType.INT8, 0)));
    assertArrayEquals(new long[] {2, 4, -2}, y.longs());
  }

  @Test
  void perAxisUsesOneScaleAndZeroPointPerIndex() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 3}, 1, 2, 4, -1, -2, -4);
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(13).input(x)
        .constInput(NodeRunner.floats(new int[] {3}, 1, 2, 4))
        .constInput(Tensor.vector(DType.UINT8, 0, 10, 20)));
    assertArrayEquals(new long[] {1, 11, 21, 0, 9, 19}, y.longs());
    Tensor rows = quantize(NodeRunner.op("QuantizeLinear").opset(13).attr("axis", Attribute.ofInt(-2)).input(x)
        .constInput(NodeRunner.floats(new int[] {2}, 1, 0.5f))
        .constInput(Tensor.vector(DType.INT8, 0, 1)));
    assertArrayEquals(new long[] {1, 2, 4, -1, -3, -7}, rows.longs());
  }

  @Test
  void blockedQuantizationRepeatsEachScaleAlongTheAxis() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 4}, 1, 2, 3, 4, 8, 16, -24, -200);
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(21).attr("axis", Attribute.ofInt(1))
        .attr("block_size", Attribute.ofInt(2)).attr("output_dtype", Attribute.ofInt(3)).input(x)
        .constInput(NodeRunner.floats(new int[] {2, 2}, 1, 2, 4, 8)));
    assertEquals(DType.INT8, y.dtype());
    // Row 0 uses scales 1,1,2,2; row 1 uses 4,4,8,8. 3/2 = 1.5 rounds to 2.
    assertArrayEquals(new long[] {1, 2, 2, 2, 2, 4, -3, -25}, y.longs());
  }

  @Test
  void blockedQuantizationAllowsAShortLastBlock() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 5}, 2, 2, 2, 2, 2);
    Tensor y = quantize(NodeRunner.op("QuantizeLinear").opset(21).attr("block_size", Attribute.ofInt(2)).input(x)
        .constInput(NodeRunner.floats(new int[] {1, 3}, 1, 2, 0.5f))
        .constInput(Tensor.ofLongs(DType.UINT8, new int[] {1, 3}, new long[] {0, 1, 2})));
    assertArrayEquals(new long[] {2, 2, 2, 2, 6}, y.longs());
  }

  @Test
  void rejectsScaleOfWrongLength() {
    var d = NodeRunner.op("QuantizeLinear").opset(13).input(NodeRunner.floats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6))
        .constInput(NodeRunner.floats(new int[] {2}, 1, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void rejectsPerAxisBeforeOpset13AndBlocksBefore21() {
    Tensor x = NodeRunner.floats(new int[] {1, 2}, 1, 2);
    var perAxis = NodeRunner.op("QuantizeLinear").opset(10).input(x)
        .constInput(NodeRunner.floats(new int[] {2}, 1, 1)).diagnostics();
    assertEquals(Code.TX050, perAxis.get(0).code());
    var blocked = NodeRunner.op("QuantizeLinear").opset(19).attr("block_size", Attribute.ofInt(1)).input(x)
        .constInput(NodeRunner.floats(new int[] {1, 2}, 1, 1)).diagnostics();
    assertEquals(Code.TX040, blocked.get(0).code());
  }

  @Test
  void rejectsAxisOutOfRange() {
    var d = NodeRunner.op("QuantizeLinear").opset(13).attr("axis", Attribute.ofInt(2))
        .input(NodeRunner.floats(new int[] {2, 2}, 1, 2, 3, 4)).constInput(NodeRunner.floats(new int[] {2}, 1, 1))
        .diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void outputDtypeMustMatchZeroPointAndBeAnIntegerQuantType() {
    Tensor x = NodeRunner.floats(new int[] {1}, 1);
    var mismatch = NodeRunner.op("QuantizeLinear").opset(21).attr("output_dtype", Attribute.ofInt(3)).input(x)
        .constInput(Tensor.scalar(1f)).constInput(Tensor.scalar(DType.UINT8, 0)).diagnostics();
    assertEquals(Code.TX050, mismatch.get(0).code());
    var float8 = NodeRunner.op("QuantizeLinear").opset(21).attr("output_dtype", Attribute.ofInt(17)).input(x)
        .constInput(Tensor.scalar(1f)).diagnostics();
    assertEquals(Code.TX020, float8.get(0).code());
    var int4 = NodeRunner.op("QuantizeLinear").opset(21).attr("output_dtype", Attribute.ofInt(22)).input(x)
        .constInput(Tensor.scalar(1f)).diagnostics();
    assertEquals(Code.TX020, int4.get(0).code());
    var notQuant = NodeRunner.op("QuantizeLinear").opset(21).attr("output_dtype", Attribute.ofInt(1)).input(x)
        .constInput(Tensor.scalar(1f)).diagnostics();
    assertEquals(Code.TX040, notQuant.get(0).code());
  }

  @Test
  void rejectsInt32ZeroPoint() {
    var d = NodeRunner.op("QuantizeLinear").opset(13).input(NodeRunner.floats(new int[] {1}, 1))
        .constInput(Tensor.scalar(1f)).constInput(Tensor.scalar(DType.INT32, 0)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
