package dev.tenax.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantizedValuesTest {
  @Test
  void nhwcStorageIsReadBackInNchwOrder() {
    // Logical NCHW [1, 2, 2, 3]: value = c*100 + h*10 + w. Stored NHWC: shape [1, 2, 3, 2], perm (0, 2, 3, 1).
    int[] shape = {1, 2, 3, 2};
    float[] physical = new float[12];
    int i = 0;
    for (int h = 0; h < 2; h++) {
      for (int w = 0; w < 3; w++) {
        for (int c = 0; c < 2; c++) {
          physical[i++] = c * 100 + h * 10 + w;
        }
      }
    }
    float[] logical = QuantizedValues.toLogical(physical, shape, new int[] {0, 2, 3, 1});
    assertArrayEquals(new float[] {0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112}, logical);
  }

  @Test
  void identityLayoutIsUnchanged() {
    float[] x = {1, 2, 3, 4, 5, 6};
    assertArrayEquals(x, QuantizedValues.toLogical(x, new int[] {2, 3}, new int[] {0, 1}));
  }

  @Test
  void sqnrSumsEnergyOverSamples() {
    LayerSqnr s = new LayerSqnr("x");
    s.add(new float[] {3, 4}, new float[] {3, 4});
    assertEquals(Double.POSITIVE_INFINITY, s.sqnrDb());
    // Signal 25 + 100 = 125, noise 1 + 0.25: 10 log10(125 / 1.25) = 20 dB.
    s.add(new float[] {6, 8}, new float[] {5, 8.5f});
    assertEquals(20.0, s.sqnrDb(), 1e-9);
    assertEquals(4, s.elements());
    LayerSqnr zero = new LayerSqnr("z");
    zero.add(new float[] {0}, new float[] {1});
    assertTrue(Double.isNaN(zero.sqnrDb()));
  }
}
