package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerNormalizationTest {
  private static final Tensor X = NodeRunner.floats(new int[] {2, 2, 2}, 1, 3, 5, 7, 0, 0, 2, -2);

  @Test
  void normalizesTrailingAxesAndReturnsStatistics() throws Exception {
    Tensor scale = NodeRunner.floats(new int[] {2, 2}, 1, 2, 3, 4);
    Tensor bias = NodeRunner.floats(new int[] {2}, 10, 20);
    List<Tensor> out = NodeRunner.op("LayerNormalization").outputs(3).attr("axis", Attribute.ofInt(1))
        .attr("epsilon", Attribute.ofFloat(0)).input(X).constInput(scale).constInput(bias).run();
    // group 0: {1,3,5,7}, mean 4, variance 5; group 1: {0,0,2,-2}, mean 0, variance 2
    double s0 = 1 / Math.sqrt(5);
    double s1 = 1 / Math.sqrt(2);
    assertArrayEquals(new float[] {(float) (-3 * s0 + 10), (float) (-2 * s0 + 20), (float) (3 * s0 + 10),
        (float) (12 * s0 + 20), 10, 20, (float) (6 * s1 + 10), (float) (-8 * s1 + 20)},
        out.get(0).floats(), 1e-5f);
    assertArrayEquals(new int[] {2, 1, 1}, out.get(1).shape());
    assertArrayEquals(new float[] {4, 0}, out.get(1).floats());
    assertArrayEquals(new float[] {(float) s0, (float) s1}, out.get(2).floats(), 1e-7f);
  }

  @Test
  void defaultAxisIsTheLastAndBiasIsOptional() throws Exception {
    Tensor scale = NodeRunner.floats(new int[] {2}, 1, 1);
    Tensor y = NodeRunner.op("LayerNormalization").input(X).constInput(scale).run().get(0);
    // the default epsilon 1e-5 keeps the constant group {0, 0} at 0 instead of 0/0
    assertArrayEquals(new float[] {-1, 1, -1, 1, 0, 0, 1, -1}, y.floats(), 1e-5f);
  }

  @Test
  void doubleStashTypeNeedsTheStatisticsOmitted() {
    Tensor scale = NodeRunner.floats(new int[] {2}, 1, 1);
    var ok = NodeRunner.op("LayerNormalization").attr("stash_type", Attribute.ofInt(11)).input(X)
        .constInput(scale).diagnostics();
    assertEquals(List.of(), ok);
    var d = NodeRunner.op("LayerNormalization").outputs(2).attr("stash_type", Attribute.ofInt(11))
        .input(X).constInput(scale).diagnostics();
    assertEquals(Code.TX040, d.get(0).code());
  }

  @Test
  void scaleMustBroadcastToTheInput() {
    var d = NodeRunner.op("LayerNormalization").input(X).constInput(NodeRunner.floats(new int[] {3}, 1, 1, 1))
        .diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
    var axis = NodeRunner.op("LayerNormalization").attr("axis", Attribute.ofInt(3)).input(X)
        .constInput(NodeRunner.floats(new int[] {2}, 1, 1)).diagnostics();
    assertEquals(Code.TX050, axis.get(0).code());
  }
}
