package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class LRNTest {
  private static final Tensor X = NodeRunner.floats(new int[] {1, 3, 1, 1}, 1, 2, 3);

  @Test
  void normalizesOverNeighbouringChannels() throws Exception {
    // alpha / size = 1, beta = 1, bias = 1: y = x / (1 + sum of squares in the window).
    Tensor y = NodeRunner.op("LRN").attr("size", Attribute.ofInt(3)).attr("alpha", Attribute.ofFloat(3))
        .attr("beta", Attribute.ofFloat(1)).input(X).run().get(0);
    assertArrayEquals(new float[] {1f / 6, 2f / 15, 3f / 14}, y.floats(), 1e-7f);
  }

  @Test
  void evenSizeReachesFurtherForward() throws Exception {
    // size 2: channels [c, c + 1].
    Tensor y = NodeRunner.op("LRN").attr("size", Attribute.ofInt(2)).attr("alpha", Attribute.ofFloat(2))
        .attr("beta", Attribute.ofFloat(1)).input(X).run().get(0);
    assertArrayEquals(new float[] {1f / 6, 2f / 14, 3f / 10}, y.floats(), 1e-7f);
  }

  @Test
  void usesOnnxDefaults() throws Exception {
    Tensor y = NodeRunner.op("LRN").attr("size", Attribute.ofInt(1)).input(X).run().get(0);
    float[] expected = new float[3];
    for (int c = 0; c < 3; c++) {
      double v = c + 1;
      expected[c] = (float) (v / Math.pow(1 + 1e-4f * v * v, 0.75f));
    }
    assertArrayEquals(expected, y.floats());
  }

  @Test
  void sizeIsRequiredAndPositive() {
    assertEquals(Code.TX041, NodeRunner.op("LRN").input(X).diagnostics().get(0).code());
    assertEquals(Code.TX040, NodeRunner.op("LRN").attr("size", Attribute.ofInt(0)).input(X)
        .diagnostics().get(0).code());
  }
}
