package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MathF32Test {
  /** Error of {@code got} against the exact {@code want}, in ulps of float at {@code want}. */
  private static double ulps(float got, double want) {
    return Math.abs(got - want) / Math.ulp((float) want);
  }

  /** Every float bit pattern from a to b (same sign) in steps of {@code step} patterns. */
  private static List<Float> sweep(float a, float b, int step) {
    List<Float> xs = new ArrayList<>();
    int from = Float.floatToIntBits(a);
    int to = Float.floatToIntBits(b);
    int dir = from <= to ? 1 : -1;
    for (long bits = from; dir > 0 ? bits <= to : bits >= to; bits += (long) dir * step) {
      xs.add(Float.intBitsToFloat((int) bits));
    }
    return xs;
  }

  private static List<Float> expInputs() {
    List<Float> xs = sweep(0f, 88.72283f, 97);
    xs.addAll(sweep(-0f, -103.97f, 97));
    return xs;
  }

  private static List<Float> logInputs() {
    List<Float> xs = sweep(Float.MIN_VALUE, Float.MAX_VALUE, 4099);
    xs.addAll(sweep(0.5f, 2f, 7)); // near 1, where ln cancels
    return xs;
  }

  @Test
  void expIsWithinOnePointFiveUlpOverADenseSweep() {
    // Measured: max 1.03 ulp (at x = 59.270813) over every 7th float in [-103.97, 88.72]; this
    // sweep takes every 97th. Subnormal results are measured in units of the smallest subnormal.
    double worst = 0;
    for (float x : expInputs()) {
      double want = Math.exp(x);
      double err = want < Float.MIN_NORMAL ? Math.abs(MathF32.exp(x) - want) / Float.MIN_VALUE
          : ulps(MathF32.exp(x), want);
      worst = Math.max(worst, err);
    }
    assertTrue(worst <= 1.5, "worst error " + worst + " ulp");
  }

  @Test
  void logIsWithinOneUlpOverADenseSweep() {
    // Measured: max 0.85 ulp (at x = 0.7013466) over every 101st positive finite float.
    double worst = 0;
    for (float x : logInputs()) {
      worst = Math.max(worst, ulps(MathF32.log(x), Math.log(x)));
    }
    assertTrue(worst <= 1, "worst error " + worst + " ulp");
  }

  @Test
  void expAndLogEdges() {
    assertEquals(1f, MathF32.exp(0f));
    assertEquals(1f, MathF32.exp(-0f));
    assertEquals(Float.POSITIVE_INFINITY, MathF32.exp(88.8f));
    assertEquals(Float.POSITIVE_INFINITY, MathF32.exp(Float.POSITIVE_INFINITY));
    assertTrue(MathF32.exp(88.72283f) < Float.POSITIVE_INFINITY);
    assertEquals(0f, MathF32.exp(-104f));
    assertEquals(0f, MathF32.exp(Float.NEGATIVE_INFINITY));
    assertEquals(Float.MIN_VALUE, MathF32.exp(-103.27f)); // e^-103.27 = 1.3 * 2^-149
    assertTrue(Float.isNaN(MathF32.exp(Float.NaN)));
    assertEquals(0f, MathF32.log(1f));
    assertEquals(Float.NEGATIVE_INFINITY, MathF32.log(0f));
    assertEquals(Float.NEGATIVE_INFINITY, MathF32.log(-0f));
    assertTrue(Float.isNaN(MathF32.log(-1f)));
    assertTrue(Float.isNaN(MathF32.log(Float.NaN)));
    assertEquals(Float.POSITIVE_INFINITY, MathF32.log(Float.POSITIVE_INFINITY));
    assertEquals((float) Math.log(Float.MIN_VALUE), MathF32.log(Float.MIN_VALUE), 1e-5f);
  }

  @Test
  void rintRoundsHalfToEven() {
    float[] x = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 0.49999997f, 8388607.5f, 1e10f, -3.7f};
    float[] want = {0f, 2f, 2f, -0f, -2f, -2f, 0f, 8388608f, 1e10f, -4f};
    for (int i = 0; i < x.length; i++) {
      assertEquals(want[i], MathF32.rint(x[i]), "rint(" + x[i] + ")");
      assertEquals((float) Math.rint(x[i]), MathF32.rint(x[i]));
    }
    for (float v : sweep(0f, 1e8f, 9973)) {
      assertEquals((float) Math.rint(v), MathF32.rint(v));
      assertEquals((float) Math.rint(-v), MathF32.rint(-v));
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    KernelCrossCheck check = new KernelCrossCheck();
    List<List<Float>> inputs = List.of(expInputs(), logInputs(), sweep(0f, 1e8f, 9973));
    // Every 37th argument of each sweep plus the edges: 600 lines of up to 1000 values.
    float[] edges = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, Float.MAX_VALUE, -1f, 88.8f, -104f, 0.5f, 2.5f, -2.5f};
    for (int fn = 0; fn < 3; fn++) {
      List<Float> all = new ArrayList<>();
      for (float e : edges) {
        all.add(e);
      }
      List<Float> sw = inputs.get(fn);
      for (int i = 0; i < sw.size(); i += 37) {
        all.add(fn == 2 && i % 2 == 1 ? -sw.get(i) : sw.get(i));
      }
      int perLine = (all.size() + 199) / 200;
      for (int from = 0; from < all.size(); from += perLine) {
        float[] x = new float[Math.min(perLine, all.size() - from)];
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
          x[i] = all.get(from + i);
          y[i] = fn == 0 ? MathF32.exp(x[i]) : fn == 1 ? MathF32.log(x[i]) : MathF32.rint(x[i]);
        }
        check.add(new Line().add(fn).add(x.length).add(x), y);
      }
    }
    check.check(dir, "math_f32");
  }
}
