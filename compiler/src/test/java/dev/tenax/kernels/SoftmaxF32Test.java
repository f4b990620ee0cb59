package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
    FloatCases.assertMatchesReferenceOnRandomRows("Softmax", 0x50F7_0001L, SoftmaxF32::run);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    FloatCases.crossCheckRows(dir, "softmax_f32", 0x50F7_0001L + 1, SoftmaxF32::run);
  }
}
