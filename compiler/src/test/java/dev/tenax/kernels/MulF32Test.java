package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MulF32Test {
  @Test
  void isTheFloat32OperationElementwise() {
    float[] a = {1.5f, -2f, 1e38f, 0.1f, Float.NaN};
    float[] b = {2f, 0.25f, 1e38f, 0.2f, 1f};
    float[] out = MulF32.run(a, b);
    for (int i = 0; i < a.length; i++) {
      // one float32 rounding of the exact result (the double result of two floats is exact here)
      assertEquals((float) ((double) a[i] * b[i]), out[i]);
    }
    assertThrows(IllegalArgumentException.class, () -> MulF32.run(a, new float[1]));
  }

  @Test
  void handValues() {
    float[] out = MulF32.run(new float[] {1.5f, -2f}, new float[] {2f, 0.25f});
    assertArrayEquals(new float[] {3f, -0.5f}, out);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    FloatCases.crossCheckElementwise(dir, "mul_f32", 0x7E4A_F3A0L + 6, MulF32::run);
  }
}
