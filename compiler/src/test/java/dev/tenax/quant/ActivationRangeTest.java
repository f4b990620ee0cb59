package dev.tenax.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.ir.DType;
import org.junit.jupiter.api.Test;

class ActivationRangeTest {
  @Test
  void noActivationIsTheWholeType() {
    assertEquals(new ActivationRange(-128, 127), ActivationRange.none(DType.INT8));
    assertEquals(new ActivationRange(-32768, 32767), ActivationRange.none(DType.INT16));
  }

  @Test
  void reluStartsAtTheZeroPoint() {
    assertEquals(new ActivationRange(-5, 127), ActivationRange.relu(0.1f, -5, DType.INT8));
    assertEquals(new ActivationRange(0, 32767), ActivationRange.relu(0.001f, 0, DType.INT16));
  }

  @Test
  void relu6EndsAtTheQuantizedSix() {
    assertEquals(new ActivationRange(-128, -8), ActivationRange.relu6(0.05f, -128, DType.INT8)); // 6/0.05=120
    assertEquals(new ActivationRange(0, 127), ActivationRange.relu6(0.01f, 0, DType.INT8)); // 600 saturates
    // 6 / 0.8 = 7.5 rounds half to even, as QuantizeLinear does.
    assertEquals(new ActivationRange(3, 11), ActivationRange.relu6(0.8f, 3, DType.INT8));
  }

  @Test
  void clipBoundsAreQuantizedAndSaturated() {
    assertEquals(new ActivationRange(-2, 2), ActivationRange.clip(-1f, 1f, 0.5f, 0, DType.INT8));
    assertEquals(new ActivationRange(-128, 127),
        ActivationRange.clip(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0.5f, 0, DType.INT8));
    assertEquals(new ActivationRange(-128, 127), ActivationRange.clip(-1000f, 1000f, 0.5f, 0, DType.INT8));
    // lo > hi: ONNX Clip outputs hi everywhere.
    assertEquals(new ActivationRange(2, 2), ActivationRange.clip(3f, 1f, 0.5f, 0, DType.INT8));
  }

  @Test
  void rejectsBadScalesTypesAndZeroPoints() {
    assertThrows(IllegalArgumentException.class, () -> ActivationRange.relu(0f, 0, DType.INT8));
    assertThrows(IllegalArgumentException.class, () -> ActivationRange.relu(Float.NaN, 0, DType.INT8));
    assertThrows(IllegalArgumentException.class, () -> ActivationRange.relu(1f, 0, DType.UINT8));
    assertThrows(IllegalArgumentException.class, () -> ActivationRange.relu(1f, 128, DType.INT8));
    assertThrows(IllegalArgumentException.class, () -> ActivationRange.clip(Float.NaN, 1f, 1f, 0, DType.INT8));
    assertThrows(IllegalArgumentException.class, () -> new ActivationRange(1, 0));
  }
}
