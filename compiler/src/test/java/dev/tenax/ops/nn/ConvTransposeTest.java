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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTransposeTest {
  private static final Tensor X = NodeRunner.floats(new int[] {1, 1, 3, 3}, 0, 1, 2, 3, 4, 5, 6, 7, 8);

  private static Tensor ones(int... shape) {
    float[] v = new float[dev.tenax.ir.Shapes.size(shape)];
    Arrays.fill(v, 1f);
    return Tensor.ofFloats(shape, v);
  }

  private static float[] twice(float[] channel) {
    float[] v = Arrays.copyOf(channel, channel.length * 2);
    System.arraycopy(channel, 0, v, channel.length, channel.length);
    return v;
  }

  @Test
  void spreadsEachInputOverTheKernel() throws Exception {
    Tensor y = NodeRunner.op("ConvTranspose").input(X).constInput(ones(1, 2, 3, 3)).run().get(0);
    assertArrayEquals(new int[] {1, 2, 5, 5}, y.shape());
    assertArrayEquals(twice(new float[] {0, 1, 3, 3, 2, 3, 8, 15, 12, 7, 9, 21, 36, 27, 15, 9, 20, 33,
        24, 13, 6, 13, 21, 15, 8}), y.floats());
  }

  @Test
  void stridesAndPadsCropTheOutput() throws Exception {
    Tensor y = NodeRunner.op("ConvTranspose").attr("strides", Attribute.ofInts(3, 2))
        .attr("pads", Attribute.ofInts(1, 2, 1, 2)).input(X).constInput(ones(1, 2, 3, 3)).run().get(0);
    assertArrayEquals(new int[] {1, 2, 7, 3}, y.shape());
    assertArrayEquals(twice(new float[] {1, 1, 3, 1, 1, 3, 7, 4, 9, 7, 4, 9, 7, 4, 9, 13, 7, 15, 13,
        7, 15}), y.floats());
  }

  @Test
  void outputShapeAndOutputPaddingExtendTheEnd() throws Exception {
    Tensor shaped = NodeRunner.op("ConvTranspose").attr("strides", Attribute.ofInts(3, 2))
        .attr("output_shape", Attribute.ofInts(10, 8)).input(X).constInput(ones(1, 2, 3, 3)).run().get(0);
    Tensor padded = NodeRunner.op("ConvTranspose").attr("strides", Attribute.ofInts(3, 2))
        .attr("output_padding", Attribute.ofInts(1, 1)).input(X).constInput(ones(1, 2, 3, 3)).run().get(0);
    assertArrayEquals(new int[] {1, 2, 10, 8}, shaped.shape());
    assertEquals(shaped, padded);
    float[] row0 = Arrays.copyOfRange(shaped.floats(), 0, 8);
    assertArrayEquals(new float[] {0, 0, 1, 1, 3, 2, 2, 0}, row0);
    float[] row9 = Arrays.copyOfRange(shaped.floats(), 72, 80);
    assertArrayEquals(new float[8], row9);
  }

  @Test
  void sameUpperPadsLessAtTheBeginning() throws Exception {
    Tensor y = NodeRunner.op("ConvTranspose").attr("strides", Attribute.ofInts(2, 2))
        .attr("auto_pad", Attribute.ofString("SAME_UPPER")).input(X).constInput(ones(1, 2, 3, 3))
        .run().get(0);
    assertArrayEquals(new int[] {1, 2, 6, 6}, y.shape());
    assertArrayEquals(twice(new float[] {0, 0, 1, 1, 3, 2, 0, 0, 1, 1, 3, 2, 3, 3, 8, 5, 12, 7, 3, 3,
        7, 4, 9, 5, 9, 9, 20, 11, 24, 13, 6, 6, 13, 7, 15, 8}), y.floats());
    Tensor lower = NodeRunner.op("ConvTranspose").attr("strides", Attribute.ofInts(2, 2))
        .attr("auto_pad", Attribute.ofString("SAME_LOWER")).input(X).constInput(ones(1, 2, 3, 3))
        .run().get(0);
    // SAME_LOWER drops the first row and column of the 7x7 result instead of the last.
    assertArrayEquals(new float[] {0, 1, 1, 3, 2, 2}, Arrays.copyOfRange(lower.floats(), 0, 6));
  }

  private static long[] longs(int... v) {
    return Arrays.stream(v).asLongStream().toArray();
  }

  @Test
  void matchesNaiveReferenceWithGroupsDilationsAndBias() throws Exception {
    Random r = new Random(3);
    int[][][] configs = {
      // x shape, w shape, {group}, strides, dilations, pads, output_padding
      {{2, 4, 5}, {4, 3, 3}, {2}, {2}, {1}, {1, 0}, {1}},
      {{1, 2, 4, 3}, {2, 3, 2, 3}, {1}, {2, 3}, {2, 1}, {0, 1, 2, 0}, {0, 2}},
      {{1, 4, 3, 2, 3}, {4, 1, 2, 2, 3}, {4}, {1, 2, 2}, {1, 1, 2}, {1, 0, 0, 0, 1, 1}, {0, 1, 1}},
    };
    for (int[][] c : configs) {
      Tensor x = NaiveConv.random(r, c[0]);
      Tensor w = NaiveConv.random(r, c[1]);
      int group = c[2][0];
      Tensor b = NaiveConv.random(r, c[1][1] * group);
      Tensor y = NodeRunner.op("ConvTranspose").attr("group", Attribute.ofInt(group))
          .attr("strides", Attribute.ofInts(longs(c[3]))).attr("dilations", Attribute.ofInts(longs(c[4])))
          .attr("pads", Attribute.ofInts(longs(c[5]))).attr("output_padding", Attribute.ofInts(longs(c[6])))
          .input(x).constInput(w).constInput(b).run().get(0);
      int n = c[0].length - 2;
      int[] out = new int[n];
      for (int a = 0; a < n; a++) {
        out[a] = c[3][a] * (c[0][a + 2] - 1) + c[6][a] + (c[1][a + 2] - 1) * c[4][a] + 1 - c[5][a]
            - c[5][a + n];
        assertEquals(out[a], y.dim(a + 2));
      }
      NaiveConv.assertClose(NaiveConv.convTranspose(x, w, b.floats(), group, c[3], c[4],
          Arrays.copyOf(c[5], n), out), y.floats());
    }
  }

  @Test
  void rejectsMismatchedChannelsAndBias() {
    assertEquals(Code.TX050, NodeRunner.op("ConvTranspose").input(X).constInput(ones(2, 2, 3, 3))
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("ConvTranspose").input(X).constInput(ones(1, 2, 3, 3))
        .constInput(ones(3)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("ConvTranspose").attr("pads", Attribute.ofInts(4, 4, 4, 4))
        .input(X).constInput(ones(1, 2, 3, 3)).diagnostics().get(0).code());
  }

  @Test
  void countsMultiplyAccumulatesPerInputElement() {
    Node node = new Node("t", "ConvTranspose", 11, List.of("x", "w"), List.of("y"), Map.of());
    long macs = new ConvTranspose().macs(List.of(new TensorType(DType.FLOAT32, new int[] {1, 4, 3, 3}),
        new TensorType(DType.FLOAT32, new int[] {4, 2, 3, 3})), List.of(), node);
    assertEquals(4L * 9 * 2 * 9, macs);
  }
}
