package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SqueezeTest {
  private static final Tensor X = Tensor.ofLongs(DType.INT64, new int[] {1, 2, 1, 1}, new long[] {7, 8});

  @Test
  void withoutAxesEveryUnitDimensionGoes() throws Exception {
    Tensor y = NodeRunner.op("Squeeze").opset(13).input(X).run().get(0);
    assertArrayEquals(new int[] {2}, y.shape());
    assertArrayEquals(new long[] {7, 8}, y.longs());
  }

  @Test
  void opset11TakesAxesAsAttribute() throws Exception {
    int[] s = NodeRunner.op("Squeeze").opset(11).attr("axes", Attribute.ofInts(0, -1)).input(X)
        .infer().get(0).shape();
    assertArrayEquals(new int[] {2, 1}, s);
  }

  @Test
  void opset13TakesAxesAsInput() throws Exception {
    int[] s = NodeRunner.op("Squeeze").opset(13).input(X).constInput(Tensor.vector(DType.INT64, 2))
        .infer().get(0).shape();
    assertArrayEquals(new int[] {1, 2, 1}, s);
  }

  @Test
  void onlyUnitDimensionsCanBeSqueezed() {
    var d = NodeRunner.op("Squeeze").opset(13).input(X).constInput(Tensor.vector(DType.INT64, 1)).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void runtimeAxesAreReported() {
    var d = NodeRunner.op("Squeeze").opset(13).input(X).input(Tensor.vector(DType.INT64, 0)).diagnostics();
    assertEquals(Code.TX051, d.get(0).code());
  }
}
