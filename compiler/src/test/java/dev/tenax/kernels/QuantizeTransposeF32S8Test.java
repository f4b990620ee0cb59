package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeTransposeF32S8Test {
  @Test
  void isTheQuantizationThenTheTranspose() {
    Random r = new Random(0x0A7E_0001L);
    for (int i = 0; i < 200; i++) {
      int rows = 1 + r.nextInt(5);
      int cols = 1 + r.nextInt(30);
      float scale = (float) Math.pow(10, -3 + 3 * r.nextDouble());
      int zp = r.nextInt(256) - 128;
      float[] x = values(r, rows * cols, scale);
      byte[] twoSteps = TransposeS8.run(new TransposeS8.Params(new int[] {0, 1, 3, 2}),
          new int[] {1, 1, rows, cols}, QuantizeF32S8.run(new QuantizeF32S8.Params(scale, zp), x));
      assertArrayEquals(twoSteps, QuantizeTransposeF32S8.run(
          new QuantizeTransposeF32S8.Params(scale, zp, 0, cols), rows, cols, x));
    }
  }

  @Test
  void outputRowsConcatenateToTheWhole() {
    Random r = new Random(0x0A7E_0002L);
    int rows = 3;
    int cols = 11;
    float[] x = values(r, rows * cols, 0.05f);
    ByteArrayOutputStream tiles = new ByteArrayOutputStream();
    for (int[] range : new int[][] {{0, 4}, {4, 5}, {5, 11}}) {
      tiles.writeBytes(QuantizeTransposeF32S8.run(
          new QuantizeTransposeF32S8.Params(0.05f, -3, range[0], range[1] - range[0]), rows, cols, x));
    }
    assertArrayEquals(QuantizeTransposeF32S8.run(new QuantizeTransposeF32S8.Params(0.05f, -3, 0, cols), rows, cols, x),
        tiles.toByteArray());
  }

  @Test
  void rejectsBadParameters() {
    float[] six = new float[6];
    assertThrows(IllegalArgumentException.class, () -> new QuantizeTransposeF32S8.Params(0f, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new QuantizeTransposeF32S8.Params(1f, 128, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new QuantizeTransposeF32S8.Params(1f, 0, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new QuantizeTransposeF32S8.Params(1f, 0, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> QuantizeTransposeF32S8.run(new QuantizeTransposeF32S8.Params(1f, 0, 2, 2), 2, 3, six));
    assertThrows(IllegalArgumentException.class,
        () -> QuantizeTransposeF32S8.run(new QuantizeTransposeF32S8.Params(1f, 0, 0, 3), 3, 3, six));
  }

  /**
   * The reference kernel and every variant (on the host: arm-dsp's portable loop, the integer loop
   * of arm-scalar and msp430-hwmult) against Java, on quotients near ties, values of every
   * exponent around the scale's and the special values, with output rows from anywhere.
   */
  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x0A7E_0003L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 2, 3, 40);
      int rows = s[0] * s[1] * s[2];
      int cols = s[3];
      int first = r.nextInt(cols);
      int count = 1 + r.nextInt(cols - first);
      float scale = r.nextInt(10) == 0 ? Float.intBitsToFloat(1 + r.nextInt(0x7FFFFF))
          : (float) Math.pow(10, -4 + 5 * r.nextDouble());
      int zp = r.nextInt(256) - 128;
      float[] x = values(r, rows * cols, scale);
      check.add(new Line().add(scale).add(zp, first, count).add(s).add(x),
          QuantizeTransposeF32S8.run(new QuantizeTransposeF32S8.Params(scale, zp, first, count), rows, cols, x));
    }
    check.addError(new Line().add(0f).add(0, 0, 1).add(1, 1, 1, 1).add(1f));
    check.addError(new Line().add(1f).add(0, 0, 0).add(1, 1, 1, 1).add(1f));
    check.addError(new Line().add(1f).add(0, 1, 2).add(1, 1, 1, 2).add(1f, 2f));
    check.addError(new Line().add(1f).add(0, -1, 1).add(1, 1, 1, 2).add(1f, 2f));
    check.check(dir, "quantize_transpose_f32_s8");
  }

  /** Near-ties of the quotient, random bits around the scale's exponent, and the special values. */
  private static float[] values(Random r, int n, float scale) {
    float[] special = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
        -Float.MAX_VALUE, 127.5f * scale, -128.5f * scale, 0.5f * scale};
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(20);
      if (kind == 0) {
        x[i] = special[r.nextInt(special.length)];
      } else if (kind < 10) {
        float tie = (float) ((r.nextInt(300) - 150 + 0.5) * (double) scale);
        x[i] = Float.intBitsToFloat(Float.floatToIntBits(tie) + r.nextInt(5) - 2);
      } else {
        int e = Math.max(0, Math.min(254, (Float.floatToIntBits(scale) >>> 23) + r.nextInt(40) - 30));
        x[i] = Float.intBitsToFloat((r.nextInt(2) << 31) | (e << 23) | r.nextInt(0x800000));
      }
    }
    return x;
  }
}
