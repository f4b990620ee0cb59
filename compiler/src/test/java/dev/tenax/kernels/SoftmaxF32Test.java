package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftmaxF32Test {

  @Test
  void handValuesAndLargeInputs() {
    // rows of 3: [0, ln 2, ln 3] -> [1/6, 2/6, 3/6]; [1000, 1000, -1e30] stays finite
    float[] y = SoftmaxF32.run(3, new float[] {0f, (float) Math.log(2), (float) Math.log(3), 1000f,
        1000f, -1e30f});
    assertEquals(1 / 6.0, y[0], 1e-7);
    assertEquals(2 / 6.0, y[1], 1e-7);
    assertEquals(3 / 6.0, y[2], 1e-7);
    assertEquals(0.5f, y[3]);
    assertEquals(0.5f, y[4]);
    assertEquals(0f, y[5]);
  }

  @Test
  void agreesWithTheFloatReferenceOperator() throws Exception {
    Random r = new Random(0x50F7_0001L);
    for (int i = 0; i < 300; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = FloatCases.floats(r, s[0] * s[1] * s[2] * s[3], FloatCases.range(r));
      FloatCases.assertMatchesReference("Softmax", rowSize, x, SoftmaxF32.run(rowSize, x));
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x50F7_0001L + 1);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = FloatCases.floats(r, s[0] * s[1] * s[2] * s[3], FloatCases.range(r));
      if (r.nextInt(10) == 0) {
        x[r.nextInt(x.length)] = new float[] {Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 1e30f, -1e30f}[r.nextInt(5)];
      }
      check.add(new Line().add(s).add(x), SoftmaxF32.run(rowSize, x));
    }
    check.addError(new Line().add(1, 0, 1, 1));
    check.check(dir, "softmax_f32");
  }
}
