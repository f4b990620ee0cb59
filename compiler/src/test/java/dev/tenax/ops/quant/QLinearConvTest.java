package dev.tenax.ops.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class QLinearConvTest {
  private static Tensor ints(DType t, int[] shape, long... v) {
    return Tensor.ofLongs(t, shape, v.clone());
  }

  /** x, x_scale, x_zp, w, w_scale, w_zp, y_scale, y_zp and optional B, all but x constant. */
  private static NodeRunner conv(Tensor x, float xs, Tensor xz, Tensor w, Tensor ws, Tensor wz, float ys, Tensor yz,
      Tensor b) {
    NodeRunner r = NodeRunner.op("QLinearConv").opset(10).input(x).constInput(Tensor.scalar(xs)).constInput(xz)
        .constInput(w).constInput(ws).constInput(wz).constInput(Tensor.scalar(ys)).constInput(yz);
    return b == null ? r : r.constInput(b);
  }

  @Test
  void addsTheZeroPointBeforeRoundingTiesToEven() throws Exception {
    Tensor x = ints(DType.UINT8, new int[] {1, 1, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    Tensor w = ints(DType.INT8, new int[] {1, 1, 2, 2}, 1, 0, 0, 1);
    Tensor y = conv(x, 0.5f, Tensor.scalar(DType.UINT8, 1), w, Tensor.scalar(0.5f), Tensor.scalar(DType.INT8, 0),
        1f, Tensor.scalar(DType.UINT8, 1), null).run().get(0);
    assertEquals(DType.UINT8, y.dtype());
    assertArrayEquals(new int[] {1, 1, 2, 2}, y.shape());
    // Accumulators 4, 6, 10, 12 (x minus 1 on the diagonal pairs) times 0.25 are 1, 1.5, 2.5, 3;
    // plus 1 gives 2, 2.5, 3.5, 4, which round to 2, 2, 4, 4 (rounding first would give 3, 3).
    assertArrayEquals(new long[] {2, 2, 4, 4}, y.longs());
  }

  @Test
  void perChannelWeightsBiasPaddingStridesAndGroups() throws Exception {
    Tensor x = ints(DType.INT8, new int[] {1, 2, 2, 2}, 1, 2, 3, 4, -1, -2, -3, -4);
    Tensor w = ints(DType.INT8, new int[] {2, 1, 1, 1}, 3, 5);
    NodeRunner r = conv(x, 1f, Tensor.scalar(DType.INT8, 0), w, NodeRunner.floats(new int[] {2}, 1f, 0.5f),
        Tensor.vector(DType.INT8, 1, 2), 2f, Tensor.scalar(DType.INT8, -1), Tensor.vector(DType.INT32, 10, -4))
        .attr("group", Attribute.ofInt(2)).attr("pads", Attribute.ofInts(1, 1, 1, 1))
        .attr("strides", Attribute.ofInts(2, 2));
    Tensor y = r.run().get(0);
    assertArrayEquals(new int[] {1, 2, 2, 2}, y.shape());
    // Only the last window position sees real input, x[c][1][1]: channel 0 gets 10 + 4 * (3 - 1)
    // and factor 1 * 1 / 2; channel 1 gets -4 + (-4) * (5 - 2) and factor 1 * 0.5 / 2.
    assertArrayEquals(new long[] {4, 4, 4, 8, -2, -2, -2, -5}, y.longs());
  }

  @Test
  void saturatesToTheOutputType() throws Exception {
    Tensor x = ints(DType.UINT8, new int[] {1, 1, 1, 1}, 255);
    Tensor w = ints(DType.INT8, new int[] {2, 1, 1, 1}, 127, -128);
    Tensor s8 = conv(x, 1f, Tensor.scalar(DType.UINT8, 0), w, Tensor.scalar(1f), Tensor.scalar(DType.INT8, 0), 1f,
        Tensor.scalar(DType.INT8, 0), null).run().get(0);
    assertArrayEquals(new long[] {127, -128}, s8.longs());
    Tensor u8 = conv(x, 1f, Tensor.scalar(DType.UINT8, 0), w, Tensor.scalar(1f), Tensor.scalar(DType.INT8, 0), 1f,
        Tensor.scalar(DType.UINT8, 0), null).run().get(0);
    assertArrayEquals(new long[] {255, 0}, u8.longs());
  }

  @Test
  void rejectsBadParameterShapesAndTypes() {
    Tensor x = ints(DType.UINT8, new int[] {1, 1, 2, 2}, 1, 2, 3, 4);
    Tensor w = ints(DType.UINT8, new int[] {2, 1, 1, 1}, 1, 1);
    Tensor zp = Tensor.scalar(DType.UINT8, 0);
    List<Code> codes = List.of(
        conv(x, 1f, zp, w, NodeRunner.floats(new int[] {3}, 1, 1, 1), zp, 1f, zp, null).diagnostics().get(0).code(),
        conv(x, 1f, Tensor.vector(DType.UINT8, 0, 0), w, Tensor.scalar(1f), zp, 1f, zp, null)
            .diagnostics().get(0).code(),
        conv(x, 1f, zp, w, Tensor.scalar(1f), Tensor.scalar(DType.INT8, 0), 1f, zp, null)
            .diagnostics().get(0).code(),
        conv(x, 1f, zp, w, Tensor.scalar(1f), zp, 1f, zp, Tensor.vector(DType.INT8, 0, 0))
            .diagnostics().get(0).code(),
        conv(x, 1f, zp, w, Tensor.scalar(1f), zp, 1f, zp, null).attr("group", Attribute.ofInt(2))
            .diagnostics().get(0).code(),
        conv(x, 1f, zp, w, Tensor.scalar(1f), zp, 1f, zp, null).attr("kernel_shape", Attribute.ofInts(2, 2))
            .diagnostics().get(0).code());
    assertEquals(List.of(Code.TX050, Code.TX050, Code.TX050, Code.TX050, Code.TX050, Code.TX050), codes);
  }

  @Test
  void rejectsUnknownAutoPad() {
    Tensor x = ints(DType.UINT8, new int[] {1, 1, 2, 2}, 1, 2, 3, 4);
    Tensor w = ints(DType.UINT8, new int[] {1, 1, 1, 1}, 1);
    Tensor zp = Tensor.scalar(DType.UINT8, 0);
    var d = conv(x, 1f, zp, w, Tensor.scalar(1f), zp, 1f, zp, null).attr("auto_pad", Attribute.ofString("FULL"))
        .diagnostics();
    assertEquals(Code.TX040, d.get(0).code());
  }
}
