package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSoftmaxF32Test {

  @Test
  void handValuesAndLargeInputs() {
    float[] y = LogSoftmaxF32.run(2, new float[] {0f, 0f, 1000f, -1000f, 3f, 3f});
    assertEquals(-Math.log(2), y[0], 1e-7);
    assertEquals(-Math.log(2), y[1], 1e-7);
    assertEquals(0f, y[2]);
    assertEquals(-2000f, y[3]);
    assertEquals(-Math.log(2), y[4], 1e-7);
    assertEquals(-Math.log(2), y[5], 1e-7);
  }

  @Test
  void agreesWithTheFloatReferenceOperator() throws Exception {
    Random r = new Random(0x1060_0001L);
    for (int i = 0; i < 300; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = FloatCases.floats(r, s[0] * s[1] * s[2] * s[3], FloatCases.range(r));
      FloatCases.assertMatchesReference("LogSoftmax", rowSize, x, LogSoftmaxF32.run(rowSize, x));
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x1060_0001L + 1);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = FloatCases.floats(r, s[0] * s[1] * s[2] * s[3], FloatCases.range(r));
      if (r.nextInt(10) == 0) {
        x[r.nextInt(x.length)] = new float[] {Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 1e30f, -1e30f}[r.nextInt(5)];
      }
      check.add(new Line().add(s).add(x), LogSoftmaxF32.run(rowSize, x));
    }
    check.addError(new Line().add(1, 0, 1, 1));
    check.check(dir, "log_softmax_f32");
  }
}
