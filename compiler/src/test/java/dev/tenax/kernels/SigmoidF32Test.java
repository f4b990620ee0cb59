package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigmoidF32Test {

  @Test
  void handValuesAndTails() {
    float[] y = SigmoidF32.run(new float[] {0f, 2f, -2f, 100f, -100f, -200f, 200f, Float.NaN,
        Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY});
    assertEquals(0.5f, y[0]);
    assertEquals(0.8807970779778823, y[1], 1e-7);
    assertEquals(0.11920292202211755, y[2], 1e-8);
    assertEquals(1f, y[3]);
    assertEquals(3.720075976020836e-44, y[4], 1e-45); // e^-100: a subnormal, not 0
    assertEquals(0f, y[5]);
    assertEquals(1f, y[6]);
    assertTrue(Float.isNaN(y[7]));
    assertEquals(0f, y[8]);
    assertEquals(1f, y[9]);
  }

  @Test
  void isWithinTwoAndAHalfUlpOfTheExactValue() {
    // Measured: max 2.34 ulp (at x = -4.8462257) over every 13th float in [-80, 80] with a
    // normal result; this test takes every 793rd.
    double worst = 0;
    for (int b = 1; b <= Float.floatToIntBits(80f); b += 13 * 61) {
      for (float x : new float[] {Float.intBitsToFloat(b), -Float.intBitsToFloat(b)}) {
        double want = 1 / (1 + Math.exp(-(double) x));
        worst = Math.max(worst, Math.abs(SigmoidF32.sigmoid(x) - want) / Math.ulp((float) want));
      }
    }
    assertTrue(worst <= 2.5, "worst " + worst + " ulp");
  }

  @Test
  void agreesWithTheFloatReferenceOperator() throws Exception {
    FloatCases.assertMatchesReferenceOnRandomRows("Sigmoid", 0x5160_0001L,
        (rowSize, x) -> SigmoidF32.run(x));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    FloatCases.crossCheckRows(dir, "sigmoid_f32", 0x5160_0001L + 1,
        (rowSize, x) -> SigmoidF32.run(x));
  }
}
