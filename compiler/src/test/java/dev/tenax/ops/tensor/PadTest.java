package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class PadTest {
  private static final Tensor ROW = NodeRunner.floats(new int[] {3}, 1, 2, 3);

  private static Tensor i64(long... v) {
    return Tensor.vector(DType.INT64, v);
  }

  private static float[] pad1d(Tensor x, String mode, int opset, long begin, long end) throws Exception {
    return NodeRunner.op("Pad").opset(opset).attr("mode", Attribute.ofString(mode)).input(x)
        .constInput(i64(begin, end)).run().get(0).floats();
  }

  @Test
  void constantModeWithValueInput() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 2}, 1, 2);
    Tensor y = NodeRunner.op("Pad").opset(13).input(x).constInput(i64(1, 0, 0, 1))
        .constInput(Tensor.scalar(1.5f)).run().get(0);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new float[] {1.5f, 1.5f, 1.5f, 1, 2, 1.5f}, y.floats());
  }

  @Test
  void reflectEdgeAndWrap() throws Exception {
    assertArrayEquals(new float[] {3, 2, 1, 2, 3, 2, 1}, pad1d(ROW, "reflect", 13, 2, 2));
    assertArrayEquals(new float[] {1, 1, 2, 3, 3, 3}, pad1d(ROW, "edge", 13, 1, 2));
    assertArrayEquals(new float[] {2, 3, 1, 2, 3, 1}, pad1d(ROW, "wrap", 19, 2, 1));
  }

  @Test
  void reflectFoldsAgainWhenPadsExceedTheAxis() throws Exception {
    assertArrayEquals(new float[] {1, 2, 3, 2, 1, 2, 3}, pad1d(ROW, "reflect", 13, 4, 0));
  }

  @Test
  void negativePadsCropBeforePadding() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {4}, 1, 2, 3, 4);
    assertArrayEquals(new float[] {2, 3, 4, 0, 0}, pad1d(x, "constant", 13, -1, 2));
    assertArrayEquals(new float[] {2, 3, 4, 4}, pad1d(x, "edge", 13, -1, 1));
    assertArrayEquals(new float[] {1, 2}, pad1d(x, "constant", 13, 0, -2));
  }

  @Test
  void opset2AttributesPadIntegersWithTheFloatValue() throws Exception {
    Tensor x = Tensor.ofLongs(DType.INT32, new int[] {2}, new long[] {5, 6});
    Tensor y = NodeRunner.op("Pad").opset(2).attr("pads", Attribute.ofInts(1, 1))
        .attr("value", Attribute.ofFloat(-7f)).input(x).run().get(0);
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new long[] {-7, 5, 6, -7}, y.longs());
  }

  @Test
  void opset1NamesThemPaddings() throws Exception {
    Tensor y = NodeRunner.op("Pad").opset(1).attr("paddings", Attribute.ofInts(0, 1))
        .attr("mode", Attribute.ofString("edge")).input(ROW).run().get(0);
    assertArrayEquals(new float[] {1, 2, 3, 3}, y.floats());
  }

  @Test
  void opset18AxesSelectWhichAxesArePadded() throws Exception {
    Tensor x = Tensor.ofLongs(DType.UINT8, new int[] {2, 2}, new long[] {1, 2, 3, 4});
    Tensor y = NodeRunner.op("Pad").opset(18).input(x).constInput(i64(1, 0))
        .constInput(Tensor.scalar(DType.UINT8, 9)).constInput(i64(-1)).run().get(0);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new long[] {9, 1, 2, 9, 3, 4}, y.longs());
  }

  @Test
  void wrapNeedsOpset19() {
    var d = NodeRunner.op("Pad").opset(18).attr("mode", Attribute.ofString("wrap")).input(ROW)
        .constInput(i64(1, 1)).diagnostics();
    assertEquals(Code.TX040, d.get(0).code());
  }

  @Test
  void unknownModeIsUnsupported() {
    var d = NodeRunner.op("Pad").opset(13).attr("mode", Attribute.ofString("symmetric")).input(ROW)
        .constInput(i64(1, 1)).diagnostics();
    assertEquals(Code.TX040, d.get(0).code());
  }

  @Test
  void padsNeedBeginAndEndPerAxis() {
    var d = NodeRunner.op("Pad").opset(13).input(ROW).constInput(i64(1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void croppingMoreThanTheAxisIsRejected() {
    var d = NodeRunner.op("Pad").opset(13).input(ROW).constInput(i64(-2, -2)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void runtimePadsAreReported() {
    var d = NodeRunner.op("Pad").opset(13).input(ROW).input(i64(1, 1)).diagnostics();
    assertEquals(Code.TX051, d.get(0).code());
  }

  @Test
  void padsAreRequired() {
    assertEquals(Code.TX041, NodeRunner.op("Pad").opset(2).input(ROW).diagnostics().get(0).code());
  }
}
