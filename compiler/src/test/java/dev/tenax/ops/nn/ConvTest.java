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
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTest {
  private static Tensor iota(int... shape) {
    float[] v = new float[dev.tenax.ir.Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.ofFloats(shape, v);
  }

  private static Tensor ones(int... shape) {
    float[] v = new float[dev.tenax.ir.Shapes.size(shape)];
    java.util.Arrays.fill(v, 1f);
    return Tensor.ofFloats(shape, v);
  }

  private static Attribute ints(long... v) {
    return Attribute.ofInts(v);
  }

  @Test
  void sumsPaddedThreeByThreeWindows() throws Exception {
    Tensor y = NodeRunner.op("Conv").attr("pads", ints(1, 1, 1, 1)).input(iota(1, 1, 5, 5))
        .constInput(ones(1, 1, 3, 3)).run().get(0);
    assertArrayEquals(new int[] {1, 1, 5, 5}, y.shape());
    assertArrayEquals(new float[] {12, 21, 27, 33, 24, 33, 54, 63, 72, 51, 63, 99, 108, 117, 81,
        93, 144, 153, 162, 111, 72, 111, 117, 123, 84}, y.floats());
  }

  @Test
  void stridesAndAsymmetricPadsAndBias() throws Exception {
    // 7x5 input, pads top 1 / bottom 1, no width pads, stride 2: rows -1..1, 1..3, 3..5, 5..7.
    Tensor y = NodeRunner.op("Conv").attr("kernel_shape", ints(3, 3)).attr("strides", ints(2, 2))
        .attr("pads", ints(1, 0, 1, 0)).input(iota(1, 1, 7, 5)).constInput(ones(1, 1, 3, 3))
        .constInput(NodeRunner.floats(new int[] {1}, 0.5f)).run().get(0);
    assertArrayEquals(new int[] {1, 1, 4, 2}, y.shape());
    assertArrayEquals(new float[] {21.5f, 33.5f, 99.5f, 117.5f, 189.5f, 207.5f, 171.5f, 183.5f},
        y.floats());
  }

  @Test
  void autoPadSameLowerPutsTheExtraPadFirst() throws Exception {
    // 5x5, k3, s2: out 3, total pad 2 -> 1 each side, same as SAME_UPPER here.
    Tensor lower = NodeRunner.op("Conv").attr("auto_pad", Attribute.ofString("SAME_LOWER"))
        .attr("strides", ints(2, 2)).input(iota(1, 1, 5, 5)).constInput(ones(1, 1, 3, 3)).run().get(0);
    assertArrayEquals(new float[] {12, 27, 24, 63, 108, 81, 72, 117, 84}, lower.floats());
    // 4 wide, k2, s1: total pad 1, SAME_LOWER pads before, SAME_UPPER after.
    Tensor x = NodeRunner.floats(new int[] {1, 1, 4}, 1, 2, 3, 4);
    Tensor w = NodeRunner.floats(new int[] {1, 1, 2}, 1, 10);
    assertArrayEquals(new float[] {10, 21, 32, 43}, NodeRunner.op("Conv")
        .attr("auto_pad", Attribute.ofString("SAME_LOWER")).input(x).constInput(w).run().get(0).floats());
    assertArrayEquals(new float[] {21, 32, 43, 4}, NodeRunner.op("Conv")
        .attr("auto_pad", Attribute.ofString("SAME_UPPER")).input(x).constInput(w).run().get(0).floats());
  }

  /** One configuration checked against the naive reference. */
  private static void checkAgainstNaive(Random r, int[] xShape, int[] wShape, int group,
      int[] strides, int[] dilations, int[] pads, boolean bias) throws Exception {
    int n = xShape.length - 2;
    Tensor x = NaiveConv.random(r, xShape);
    Tensor w = NaiveConv.random(r, wShape);
    Tensor b = bias ? NaiveConv.random(r, wShape[0]) : null;
    NodeRunner run = NodeRunner.op("Conv").opset(11).attr("group", Attribute.ofInt(group))
        .attr("strides", Attribute.ofInts(java.util.Arrays.stream(strides).asLongStream().toArray()))
        .attr("dilations", Attribute.ofInts(java.util.Arrays.stream(dilations).asLongStream().toArray()))
        .attr("pads", Attribute.ofInts(java.util.Arrays.stream(pads).asLongStream().toArray()))
        .input(x).constInput(w);
    if (b != null) {
      run.constInput(b);
    }
    Tensor y = run.run().get(0);
    int[] out = new int[n];
    for (int a = 0; a < n; a++) {
      int eff = (wShape[a + 2] - 1) * dilations[a] + 1;
      out[a] = (xShape[a + 2] + pads[a] + pads[a + n] - eff) / strides[a] + 1;
      assertEquals(out[a], y.dim(a + 2), "output size on axis " + a);
    }
    NaiveConv.assertClose(NaiveConv.conv(x, w, b == null ? null : b.floats(), group, strides,
        dilations, java.util.Arrays.copyOf(pads, n), out), y.floats());
  }

  @Test
  void matchesNaiveConvolutionIn1d2dAnd3d() throws Exception {
    Random r = new Random(7);
    checkAgainstNaive(r, new int[] {2, 4, 11}, new int[] {6, 2, 3}, 2, new int[] {2},
        new int[] {1}, new int[] {2, 1}, true);
    checkAgainstNaive(r, new int[] {1, 3, 9, 8}, new int[] {4, 3, 3, 2}, 1, new int[] {2, 1},
        new int[] {2, 3}, new int[] {1, 0, 2, 3}, true);
    // Depthwise with multiplier 2, stride 3 on the last axis only.
    checkAgainstNaive(r, new int[] {2, 4, 7, 10}, new int[] {8, 1, 3, 3}, 4, new int[] {1, 3},
        new int[] {1, 1}, new int[] {1, 1, 1, 1}, false);
    checkAgainstNaive(r, new int[] {1, 4, 5, 6, 7}, new int[] {6, 2, 2, 3, 2}, 2,
        new int[] {2, 1, 2}, new int[] {1, 2, 1}, new int[] {1, 0, 1, 0, 2, 1}, true);
    // Kernel wider than the input, reachable only through padding.
    checkAgainstNaive(r, new int[] {1, 2, 2, 3}, new int[] {3, 2, 3, 5}, 1, new int[] {1, 1},
        new int[] {1, 1}, new int[] {1, 2, 1, 2}, true);
  }

  @Test
  void accumulatesInDoubleAndRoundsOnce() throws Exception {
    // Summed in float, 1e8 + 1 - 1e8 would give 0.
    Tensor y = NodeRunner.op("Conv").input(NodeRunner.floats(new int[] {1, 3, 1}, 1e8f, 1f, -1e8f))
        .constInput(NodeRunner.floats(new int[] {1, 3, 1}, 1, 1, 1)).run().get(0);
    assertArrayEquals(new float[] {1f}, y.floats());
  }

  @Test
  void kernelShapeMustMatchWeights() {
    var d = NodeRunner.op("Conv").attr("kernel_shape", ints(2, 2)).input(iota(1, 1, 5, 5))
        .constInput(ones(1, 1, 3, 3)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void rejectsInconsistentChannelsGroupsAndBias() {
    assertEquals(Code.TX050, NodeRunner.op("Conv").input(iota(1, 4, 5, 5))
        .constInput(ones(2, 3, 3, 3)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Conv").attr("group", Attribute.ofInt(2))
        .input(iota(1, 4, 5, 5)).constInput(ones(3, 2, 3, 3)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Conv").input(iota(1, 1, 5, 5)).constInput(ones(2, 1, 3, 3))
        .constInput(ones(3)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Conv").input(Tensor.zeros(DType.INT8, new int[] {1, 1, 3, 3}))
        .constInput(ones(1, 1, 3, 3)).diagnostics().get(0).code());
    assertEquals(Code.TX040, NodeRunner.op("Conv").attr("auto_pad", Attribute.ofString("SAME"))
        .input(iota(1, 1, 5, 5)).constInput(ones(1, 1, 3, 3)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Conv").attr("strides", ints(1))
        .input(iota(1, 1, 5, 5)).constInput(ones(1, 1, 3, 3)).diagnostics().get(0).code());
  }

  @Test
  void countsMultiplyAccumulates() {
    Node node = new Node("c", "Conv", 13, List.of("x", "w"), List.of("y"), Map.of());
    long macs = new Conv().macs(List.of(new TensorType(DType.FLOAT32, new int[] {2, 4, 8, 8}),
        new TensorType(DType.FLOAT32, new int[] {6, 2, 3, 3})), List.of(new TensorType(DType.FLOAT32,
        new int[] {2, 6, 6, 6})), node);
    assertEquals(2L * 6 * 36 * 2 * 9, macs);
  }
}
