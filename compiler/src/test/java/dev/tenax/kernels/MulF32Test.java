package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
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
    Random r = new Random(0x7E4A_F3A0L + 6);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      int n = s[0] * s[1] * s[2] * s[3];
      float[] a = FloatCases.floats(r, n, FloatCases.range(r));
      float[] b = FloatCases.floats(r, n, FloatCases.range(r));
      check.add(new Line().add(s).add(a).add(b), MulF32.run(a, b));
    }
    check.addError(new Line().add(1, 1, 0, 1));
    check.check(dir, "mul_f32");
  }
}
