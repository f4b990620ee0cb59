package dev.tenax.ops.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConvIntegerTest {
  private static Tensor ints(DType t, int[] shape, long... v) {
    return Tensor.ofLongs(t, shape, v.clone());
  }

  @Test
  void paddingHoldsTheZeroPoint() throws Exception {
    Tensor x = ints(DType.UINT8, new int[] {1, 1, 3, 3}, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    Tensor w = ints(DType.UINT8, new int[] {1, 1, 2, 2}, 1, 1, 1, 1);
    Tensor y = NodeRunner.op("ConvInteger").opset(10).attr("pads", Attribute.ofInts(1, 1, 1, 1)).input(x)
        .constInput(w).constInput(Tensor.scalar(DType.UINT8, 1)).run().get(0);
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new int[] {1, 1, 4, 4}, y.shape());
    assertArrayEquals(new long[] {1, 3, 5, 3, 5, 12, 16, 9, 11, 24, 28, 15, 7, 15, 17, 9}, y.longs());
  }

  @Test
  void perChannelWeightZeroPointWithDilation() throws Exception {
    Tensor x = ints(DType.UINT8, new int[] {1, 1, 5}, 1, 2, 3, 4, 5);
    Tensor w = ints(DType.UINT8, new int[] {2, 1, 2}, 1, 1, 4, 2);
    Tensor y = NodeRunner.op("ConvInteger").opset(10).attr("dilations", Attribute.ofInts(2)).input(x)
        .constInput(w).input(null).constInput(Tensor.vector(DType.UINT8, 0, 2)).run().get(0);
    assertArrayEquals(new int[] {1, 2, 3}, y.shape());
    // Channel 0 taps (1, 1) on x[i] and x[i+2]; channel 1 taps (4-2, 2-2) = (2, 0).
    assertArrayEquals(new long[] {4, 6, 8, 2, 4, 6}, y.longs());
  }

  @Test
  void threeDimensionalSameUpperAndSameLower() throws Exception {
    Tensor x = ints(DType.INT8, new int[] {1, 1, 2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8);
    long[] ones = new long[8];
    Arrays.fill(ones, 1);
    Tensor w = ints(DType.INT8, new int[] {1, 1, 2, 2, 2}, ones);
    Tensor upper = NodeRunner.op("ConvInteger").opset(10).attr("auto_pad", Attribute.ofString("SAME_UPPER"))
        .input(x).constInput(w).run().get(0);
    assertArrayEquals(new int[] {1, 1, 2, 2, 2}, upper.shape());
    assertArrayEquals(new long[] {36, 20, 22, 12, 26, 14, 15, 8}, upper.longs());
    Tensor lower = NodeRunner.op("ConvInteger").opset(10).attr("auto_pad", Attribute.ofString("SAME_LOWER"))
        .input(x).constInput(w).run().get(0);
    assertArrayEquals(new long[] {1, 3, 4, 10, 6, 14, 16, 36}, lower.longs());
  }

  @Test
  void accumulatorWrapsAt32Bits() throws Exception {
    int k = 70000;
    long[] xs = new long[k];
    long[] ws = new long[k];
    Arrays.fill(xs, 255);
    Arrays.fill(ws, 127);
    Tensor y = NodeRunner.op("ConvInteger").opset(10).input(ints(DType.UINT8, new int[] {1, 1, k}, xs))
        .constInput(ints(DType.INT8, new int[] {1, 1, k}, ws)).run().get(0);
    assertArrayEquals(new long[] {(int) (70000L * 255 * 127)}, y.longs());
  }

  @Test
  void rejectsBadShapesAndZeroPoints() {
    Tensor x = ints(DType.UINT8, new int[] {1, 1, 2, 2}, 1, 2, 3, 4);
    Tensor w = ints(DType.UINT8, new int[] {1, 1, 1, 1}, 1);
    assertEquals(Code.TX050, NodeRunner.op("ConvInteger").opset(10).input(ints(DType.UINT8, new int[] {2, 2}, 1, 2, 3, 4))
        .constInput(ints(DType.UINT8, new int[] {1, 1}, 1)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("ConvInteger").opset(10).input(x).constInput(w)
        .constInput(Tensor.vector(DType.UINT8, 1, 1)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("ConvInteger").opset(10).input(x).constInput(w).input(null)
        .constInput(Tensor.scalar(DType.INT8, 0)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("ConvInteger").opset(10).input(Tensor.zeros(DType.INT32, new int[] {1, 1, 2, 2}))
        .constInput(w).diagnostics().get(0).code());
  }
}
