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

/**
 * The tests of {@link QuantizeF32S8} and {@link QuantizeF32S16}: the same cases at either width,
 * with the saturation bounds, seeds and C kernel name following from {@link #bits}.
 */
abstract class QuantizeF32Cases {
  /** One width's Java kernel: builds its Params (which may throw) and runs it, widened. */
  interface Kernel {
    long[] run(float scale, int zeroPoint, float[] x);
  }

  private final int bits;
  private final int min;
  private final int max;
  private final Kernel kernel;

  QuantizeF32Cases(int bits, Kernel kernel) {
    this.bits = bits;
    this.min = -(1 << (bits - 1));
    this.max = (1 << (bits - 1)) - 1;
    this.kernel = kernel;
  }

  private long[] run(float scale, int zeroPoint, float[] x) {
    return kernel.run(scale, zeroPoint, x);
  }

  @Test
  void roundsHalfToEvenAndAddsTheZeroPoint() {
    // x / 0.5: 0.25 -> 0.5 -> 0; 0.75 -> 1.5 -> 2; 1.25 -> 2.5 -> 2; -0.25 -> -0; -0.75 -> -2;
    // 1.3 -> 2.6 -> 3; -1.3 -> -3
    float[] in = {0.25f, 0.75f, 1.25f, -0.25f, -0.75f, 1.3f, -1.3f};
    assertArrayEquals(new long[] {3, 5, 5, 3, 1, 6, 0}, run(0.5f, 3, in));
  }

  @Test
  void divisionIsFloat32() {
    // 0.7f / 0.2f is 3.4999998882 in double, but the float32 quotient rounds to exactly 3.5,
    // which ties to even: 4 (a double division would give 3).
    assertArrayEquals(new long[] {4}, run(0.2f, 0, new float[] {0.7f}));
    assertEquals(3, Math.rint(0.7f / (double) 0.2f));
  }

  @Test
  void saturatesAndMapsNanToTheZeroPoint() {
    float[] in = {1e9f, -1e9f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        (max + 0.4f) * 0.01f};
    assertArrayEquals(new long[] {max, min, max, min, -7, max - 7}, run(0.01f, -7, in));
  }

  @Test
  void rejectsBadParameters() {
    float[] one = {1f};
    assertThrows(IllegalArgumentException.class, () -> run(0f, 0, one));
    assertThrows(IllegalArgumentException.class, () -> run(Float.NaN, 0, one));
    assertThrows(IllegalArgumentException.class, () -> run(Float.POSITIVE_INFINITY, 0, one));
    assertThrows(IllegalArgumentException.class, () -> run(1f, max + 1, one));
  }

  @Test
  void agreesWithRoundingInDouble() {
    Random r = new Random(0x51AB_0000L + bits);
    for (int i = 0; i < 20_000; i++) {
      float scale = (float) Math.pow(10, -4 + 4 * r.nextDouble());
      int zp = min + r.nextInt(max - min + 1);
      float x = (float) ((r.nextDouble() - 0.5) * 2 * scale * (max + 1) * 1.2);
      float q = x / scale;
      long want = Math.max(min, Math.min(max, Math.round(Math.rint(q)) + zp));
      assertEquals(want, run(scale, zp, new float[] {x})[0]);
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_F300L + bits);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      float scale = r.nextInt(10) == 0 ? Float.MIN_VALUE * (1 + r.nextInt(100))
          : (float) Math.pow(10, -5 + 6 * r.nextDouble());
      int zp = r.nextInt(4) == 0 ? new int[] {min, max, 0}[r.nextInt(3)]
          : min + r.nextInt(max - min + 1);
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 17);
      int n = s[0] * s[1] * s[2] * s[3];
      float[] x = FloatCases.floats(r, n, scale * (max + 1) * 1.5f);
      if (r.nextInt(4) == 0) {
        // exact ties k + 1/2 times the scale, where rounding direction matters
        for (int j = 0; j < n; j++) {
          x[j] = (r.nextInt(64) - 32 + 0.5f) * 0.25f;
        }
        scale = 0.25f;
      }
      if (r.nextInt(8) == 0) {
        float[] edge = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        x[r.nextInt(n)] = edge[r.nextInt(3)];
      }
      check.add(new Line().add(scale).add(zp).add(s).add(x), run(scale, zp, x));
    }
    check.addError(new Line().add(0f).add(0).add(1, 1, 1, 1).add(1f));
    check.addError(new Line().add(Float.NaN).add(0).add(1, 1, 1, 1).add(1f));
    check.addError(new Line().add(1f).add(max + 1).add(1, 1, 1, 1).add(1f));
    check.check(dir, "quantize_f32_s" + bits);
  }

  /**
   * Inputs whose quotient lies within a few ulps of a half-integer, where the float32 division's
   * rounding decides rint's result, and random bit patterns of every magnitude: the cases an
   * integer-only variant (msp430-hwmult) must get right that random decimals rarely hit.
   */
  @Test
  void cAgreesWithJavaNearTiesAndAcrossExponents(@TempDir Path dir) throws IOException {
    Random r = new Random(0x71E5_0000L + bits);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      float scale = switch (r.nextInt(5)) {
        case 0 -> Float.intBitsToFloat(1 + r.nextInt(0x7FFFFF)); // subnormal
        case 1 -> Float.intBitsToFloat(0x0080_0000 + r.nextInt(0x7F00_0000 - 0x0080_0000)); // any normal
        default -> Float.intBitsToFloat(Float.floatToIntBits(1e-4f) + r.nextInt(0x0700_0000)); // 1e-4 .. ~1e3
      };
      int zp = min + r.nextInt(max - min + 1);
      int n = 1 + r.nextInt(48);
      float[] x = new float[n];
      for (int j = 0; j < n; j++) {
        if (r.nextBoolean()) {
          float tie = (float) ((r.nextInt(2 * (max + 1) + 64) - (max + 1) - 32 + 0.5) * scale);
          x[j] = Float.intBitsToFloat(Float.floatToIntBits(tie) + r.nextInt(5) - 2);
        } else {
          int e = Math.max(0, Math.min(254, ((Float.floatToIntBits(scale) >>> 23) + r.nextInt(70) - 40)));
          x[j] = Float.intBitsToFloat((r.nextInt(2) << 31) | (e << 23) | r.nextInt(0x800000));
        }
      }
      check.add(new Line().add(scale).add(zp).add(1, 1, 1, n).add(x), run(scale, zp, x));
    }
    check.check(dir, "quantize_f32_s" + bits);
  }
}
