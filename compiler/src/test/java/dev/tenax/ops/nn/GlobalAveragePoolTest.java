package dev.tenax.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalAveragePoolTest {
  @Test
  void averagesEachChannelPlane() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 2, 1, 3}, 1, 2, 3, -3, 0, 6, 1e8f, 1, -1e8f, 7, 7, 7);
    Tensor y = NodeRunner.op("GlobalAveragePool").input(x).run().get(0);
    assertArrayEquals(new int[] {2, 2, 1, 1}, y.shape());
    // The third plane needs a double sum: in float, 1e8 + 1 - 1e8 is 0.
    assertArrayEquals(new float[] {2, 1, 1f / 3, 7}, y.floats());
  }

  @Test
  void keepsEverySpatialAxisAsOne() throws Exception {
    Tensor y = NodeRunner.op("GlobalAveragePool").input(Tensor.zeros(DType.FLOAT32,
        new int[] {1, 3, 2, 2, 2})).run().get(0);
    assertArrayEquals(new int[] {1, 3, 1, 1, 1}, y.shape());
  }

  @Test
  void needsASpatialAxisAndFloat() {
    assertEquals(Code.TX050, NodeRunner.op("GlobalAveragePool")
        .input(NodeRunner.floats(new int[] {1, 2}, 1, 2)).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("GlobalAveragePool").input(Tensor.zeros(DType.INT8,
        new int[] {1, 1, 2})).diagnostics().get(0).code());
  }

  @Test
  void countsOneAccumulationPerInput() {
    Node node = new Node("g", "GlobalAveragePool", 13, List.of("x"), List.of("y"), Map.of());
    assertEquals(96L, new GlobalAveragePool().macs(List.of(new TensorType(DType.FLOAT32,
        new int[] {1, 6, 4, 4})), List.of(), node));
  }
}
