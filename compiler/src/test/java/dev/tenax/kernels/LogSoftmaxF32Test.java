package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
    FloatCases.assertMatchesReferenceOnRandomRows("LogSoftmax", 0x1060_0001L, LogSoftmaxF32::run);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    FloatCases.crossCheckRows(dir, "log_softmax_f32", 0x1060_0001L + 1, LogSoftmaxF32::run);
  }
}
