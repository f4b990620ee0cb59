package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ClipTest {
  private static final Tensor X = NodeRunner.floats(new int[] {5}, -3f, -1f, 0f, 1f, 3f);

  @Test
  void constantBoundsAsInputs() throws Exception {
    Tensor y = NodeRunner.op("Clip").opset(13).input(X).constInput(Tensor.scalar(-1.5f)).constInput(Tensor.scalar(2f))
        .run().get(0);
    assertArrayEquals(new float[] {-1.5f, -1f, 0f, 1f, 2f}, y.floats());
  }

  @Test
  void runtimeBoundsAndOmittedMin() throws Exception {
    Tensor y = NodeRunner.op("Clip").opset(12).input(X).input(null).input(Tensor.scalar(0.5f)).run().get(0);
    assertArrayEquals(new float[] {-3f, -1f, 0f, 0.5f, 0.5f}, y.floats());
  }

  @Test
  void minAboveMaxGivesMax() throws Exception {
    Tensor y = NodeRunner.op("Clip").input(X).input(Tensor.scalar(2f)).input(Tensor.scalar(1f)).run().get(0);
    assertArrayEquals(new float[] {1f, 1f, 1f, 1f, 1f}, y.floats());
  }

  @Test
  void noBoundsIsIdentity() throws Exception {
    Tensor y = NodeRunner.op("Clip").input(NodeRunner.floats(new int[] {2}, Float.NEGATIVE_INFINITY, 1e38f)).run().get(0);
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, 1e38f}, y.floats());
  }

  @Test
  void attributesBeforeOpset11() throws Exception {
    Tensor y = NodeRunner.op("Clip").opset(6).attr("min", Attribute.ofFloat(-1f)).attr("max", Attribute.ofFloat(1f))
        .input(X).run().get(0);
    assertArrayEquals(new float[] {-1f, -1f, 0f, 1f, 1f}, y.floats());
  }

  @Test
  void opset6DefaultsAreRoundedFloatMax() throws Exception {
    Tensor inf = NodeRunner.floats(new int[] {2}, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    Tensor y6 = NodeRunner.op("Clip").opset(6).input(inf).run().get(0);
    assertArrayEquals(new float[] {-3.402823e+38f, 3.402823e+38f}, y6.floats());
    // Opset 1 leaves absent bounds open.
    Tensor y1 = NodeRunner.op("Clip").opset(1).input(inf).run().get(0);
    assertArrayEquals(inf.floats(), y1.floats());
  }

  @Test
  void integers() throws Exception {
    Tensor x = Tensor.vector(DType.INT8, -128, -5, 0, 5, 127);
    Tensor y = NodeRunner.op("Clip").input(x).constInput(Tensor.scalar(DType.INT8, -4))
        .constInput(Tensor.scalar(DType.INT8, 4)).run().get(0);
    assertArrayEquals(new long[] {-4, -4, 0, 4, 4}, y.longs());
    Tensor open = NodeRunner.op("Clip").input(x).run().get(0);
    assertArrayEquals(x.longs(), open.longs());
  }

  @Test
  void boundsMustBeScalarsOfTheInputType() {
    assertEquals(Code.TX050, NodeRunner.op("Clip").input(X).input(NodeRunner.floats(new int[] {2}, 0, 1))
        .diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Clip").input(X).input(Tensor.scalar(DType.INT32, 0))
        .diagnostics().get(0).code());
  }
}
