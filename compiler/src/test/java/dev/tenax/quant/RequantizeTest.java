package dev.tenax.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.ir.DType;
import org.junit.jupiter.api.Test;

class RequantizeTest {
  private static final int M01 = 1717986918; // 0.1 = M01 * 2^(-3 - 31)

  @Test
  void scalesAddsZeroPointAndSaturatesToInt8() {
    assertEquals(95, Requantize.s8(1000, M01, -3, -5, -128, 127)); // 100 - 5
    assertEquals(127, Requantize.s8(2000, M01, -3, -5, -128, 127)); // 195 saturates
    assertEquals(-128, Requantize.s8(-2000, M01, -3, -5, -128, 127)); // -205 saturates
    assertEquals(-5, Requantize.s8(-5, M01, -3, -5, -128, 127)); // -0.5 rounds toward +infinity
  }

  @Test
  void fusedActivationsAreClamps() {
    ActivationRange relu = ActivationRange.relu(0.5f, -5, DType.INT8);
    QuantizedMultiplier m = QuantizedMultiplier.of(0.1);
    assertEquals(-5, Requantize.s8(-100, m, -5, relu)); // -15 -> quantized zero
    assertEquals(5, Requantize.s8(100, m, -5, relu));
    ActivationRange relu6 = ActivationRange.relu6(0.5f, -5, DType.INT8); // [-5, 7]
    assertEquals(7, Requantize.s8(200, m, -5, relu6));
  }

  @Test
  void zeroPointAdditionWrapsLikeCmsisNn() {
    // The scaled value is MAX - 1; adding 127 wraps negative, so the clamp picks the minimum.
    assertEquals(-128, Requantize.s8(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 127, -128, 127));
    assertEquals(127, Requantize.s8(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, -128, 127));
  }

  @Test
  void int16Outputs() {
    assertEquals(10000, Requantize.s16(100000, M01, -3, 0, -32768, 32767));
    assertEquals(32767, Requantize.s16(1000000, M01, -3, 0, -32768, 32767));
    assertEquals(-32768, Requantize.s16(Integer.MIN_VALUE, 1 << 30, 0, 0, -32768, 32767));
    assertEquals(0, Requantize.s16(-100000, M01, -3, 0, 0, 32767));
  }

  @Test
  void int16OutputsFrom64BitAccumulators() {
    int reduced = QuantizedMultiplier.of(0.75).reduced();
    assertEquals(3, Requantize.s64ToS16(4, reduced, 0, 0, -32768, 32767));
    assertEquals(32767, Requantize.s64ToS16(1L << 40, 16384, -20, 0, -32768, 32767)); // 2^19
    assertEquals(-32768, Requantize.s64ToS16(-(1L << 40), 16384, -20, 0, -32768, 32767));
    assertEquals(100, Requantize.s64ToS16(-(1L << 40), 16384, -20, 0, 100, 200));
    assertEquals(13, Requantize.s64ToS16(20, 16384, 0, 3, -32768, 32767));
  }

  @Test
  void rejectsZeroPointsAndRangesOutsideTheOutputType() {
    assertThrows(IllegalArgumentException.class, () -> Requantize.s8(0, M01, 0, 128, -128, 127));
    assertThrows(IllegalArgumentException.class, () -> Requantize.s8(0, M01, 0, 0, -129, 127));
    assertThrows(IllegalArgumentException.class, () -> Requantize.s8(0, M01, 0, 0, 5, 4));
    assertThrows(IllegalArgumentException.class, () -> Requantize.s16(0, M01, 0, 0, -32768, 32768));
    assertThrows(IllegalArgumentException.class, () -> Requantize.s64ToS16(0, 1, 0, -32769, 0, 1));
  }
}
