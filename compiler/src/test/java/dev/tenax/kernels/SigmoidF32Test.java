package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
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
    Random r = new Random(0x5160_0001L);
    for (int i = 0; i < 300; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = FloatCases.floats(r, s[0] * s[1] * s[2] * s[3], FloatCases.range(r));
      FloatCases.assertMatchesReference("Sigmoid", rowSize, x, SigmoidF32.run(x));
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x5160_0001L + 1);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = FloatCases.floats(r, s[0] * s[1] * s[2] * s[3], FloatCases.range(r));
      if (r.nextInt(10) == 0) {
        x[r.nextInt(x.length)] = new float[] {Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 1e30f, -1e30f}[r.nextInt(5)];
      }
      check.add(new Line().add(s).add(x), SigmoidF32.run(x));
    }
    check.addError(new Line().add(1, 0, 1, 1));
    check.check(dir, "sigmoid_f32");
  }
}
