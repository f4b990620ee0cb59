package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AveragePoolTest {
  private static NodeRunner pool(long... kernel) {
    return NodeRunner.op("AveragePool").attr("kernel_shape", Attribute.ofInts(kernel));
  }

  private static final Tensor ROW4 = NodeRunner.floats(new int[] {1, 1, 4}, 1, 2, 3, 4);

  @Test
  void averagesTwoByTwoBlocks() throws Exception {
    float[] v = new float[16];
    for (int i = 0; i < 16; i++) {
      v[i] = i;
    }
    Tensor y = pool(2, 2).attr("strides", Attribute.ofInts(2, 2))
        .input(Tensor.ofFloats(new int[] {1, 1, 4, 4}, v)).run().get(0);
    assertArrayEquals(new int[] {1, 1, 2, 2}, y.shape());
    assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, y.floats());
  }

  @Test
  void countIncludePadDecidesTheDivisor() throws Exception {
    assertArrayEquals(new float[] {1.5f, 2, 3, 3.5f}, pool(3).attr("pads", Attribute.ofInts(1, 1))
        .input(ROW4).run().get(0).floats());
    assertArrayEquals(new float[] {1, 2, 3, 7f / 3}, pool(3).attr("pads", Attribute.ofInts(1, 1))
        .attr("count_include_pad", Attribute.ofInt(1)).input(ROW4).run().get(0).floats());
  }

  @Test
  void ceilModeWindowIsClippedAtTheEndPad() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 1, 6}, 1, 2, 3, 4, 5, 6);
    // Windows start at -1, 1, 3, 5; the last covers x[5], the end pad and one position beyond.
    NodeRunner base = pool(3).attr("strides", Attribute.ofInts(2)).attr("pads", Attribute.ofInts(1, 1))
        .attr("ceil_mode", Attribute.ofInt(1));
    assertArrayEquals(new float[] {1, 3, 5, 3}, base.attr("count_include_pad", Attribute.ofInt(1))
        .input(x).run().get(0).floats());
    assertArrayEquals(new float[] {1.5f, 3, 5, 6}, pool(3).attr("strides", Attribute.ofInts(2))
        .attr("pads", Attribute.ofInts(1, 1)).attr("ceil_mode", Attribute.ofInt(1)).input(x).run()
        .get(0).floats());
  }

  @Test
  void sameUpperPadsCountWhenIncluded() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 1, 3}, 1, 2, 3);
    assertArrayEquals(new float[] {1.5f, 2.5f, 3}, pool(2).attr("auto_pad",
        Attribute.ofString("SAME_UPPER")).input(x).run().get(0).floats());
    assertArrayEquals(new float[] {1.5f, 2.5f, 1.5f}, pool(2).attr("auto_pad",
        Attribute.ofString("SAME_UPPER")).attr("count_include_pad", Attribute.ofInt(1)).input(x)
        .run().get(0).floats());
  }

  @Test
  void dilationsSkipTaps() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 1, 5}, 1, 2, 3, 4, 5);
    assertArrayEquals(new float[] {2, 3, 4}, pool(2).opset(19).attr("dilations", Attribute.ofInts(2))
        .input(x).run().get(0).floats());
  }

  @Test
  void rejectsBadAttributesAndOutputs() {
    assertEquals(Code.TX040, pool(2).attr("count_include_pad", Attribute.ofInt(2)).input(ROW4)
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, pool(2).outputs(2).input(ROW4).diagnostics().get(0).code());
    assertEquals(Code.TX041, NodeRunner.op("AveragePool").input(ROW4).diagnostics().get(0).code());
    assertEquals(Code.TX050, pool(2).input(Tensor.ofLongs(DType.INT8, new int[] {1, 1, 2},
        new long[] {1, 2})).diagnostics().get(0).code());
  }

  @Test
  void countsOneAccumulationPerTap() {
    Node node = new Node("p", "AveragePool", 13, List.of("x"), List.of("y"),
        Map.of("kernel_shape", Attribute.ofInts(3, 3)));
    assertEquals(2L * 4 * 4 * 9, new AveragePool().macs(List.of(new TensorType(DType.FLOAT32,
        new int[] {1, 2, 6, 6})), List.of(new TensorType(DType.FLOAT32, new int[] {1, 2, 4, 4})), node));
  }
}
