package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class DivTest {
  @Test
  void floatDivisionIsFloat32() throws Exception {
    Tensor y = NodeRunner.op("Div").input(NodeRunner.floats(new int[] {4}, 1, 7, -1, 0))
        .input(NodeRunner.floats(new int[] {4}, 3, 2, 0, 0)).run().get(0);
    assertEquals(1f / 3f, y.floats()[0]);
    assertEquals(3.5f, y.floats()[1]);
    assertEquals(Float.NEGATIVE_INFINITY, y.floats()[2]);
    assertTrue(Float.isNaN(y.floats()[3]));
  }

  @Test
  void integerDivisionTruncatesTowardZero() throws Exception {
    Tensor y = NodeRunner.op("Div").input(Tensor.vector(DType.INT32, 7, -7, 7, -7))
        .input(Tensor.vector(DType.INT32, 2, 2, -2, -2)).run().get(0);
    assertArrayEquals(new long[] {3, -3, -3, 3}, y.longs());
  }

  @Test
  void int8MinimumDividedByMinusOneWraps() throws Exception {
    Tensor y = NodeRunner.op("Div").input(Tensor.vector(DType.INT8, -128))
        .input(Tensor.vector(DType.INT8, -1)).run().get(0);
    assertArrayEquals(new long[] {-128}, y.longs());
  }

  @Test
  void unsigned32DividesAsUnsigned() throws Exception {
    Tensor y = NodeRunner.op("Div").input(Tensor.vector(DType.UINT32, 0xFFFF_FFFFL))
        .input(Tensor.vector(DType.UINT32, 2)).run().get(0);
    assertArrayEquals(new long[] {0x7FFF_FFFFL}, y.longs());
  }

  @Test
  void integerDivisionByZeroThrows() {
    var runner = NodeRunner.op("Div").input(Tensor.vector(DType.INT32, 1, 2))
        .input(Tensor.vector(DType.INT32, 1, 0));
    ArithmeticException e = assertThrows(ArithmeticException.class, runner::run);
    assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
  }
}
