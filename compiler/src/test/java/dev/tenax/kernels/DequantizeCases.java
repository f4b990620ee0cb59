package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of {@link DequantizeS8F32} and {@link DequantizeS16F32}: the same cases at either
 * width, with the value range, seeds and C kernel name following from {@link #bits}.
 */
abstract class DequantizeCases {
  /** One width's Java kernel: builds its Params (which may throw) and runs it on q (in range). */
  interface Kernel {
    float[] run(float scale, int zeroPoint, long[] q);
  }

  /** Random quantized operands of the kernel's width. */
  interface Values {
    long[] draw(Random r, int n);
  }

  private final int bits;
  private final int min;
  private final int max;
  private final Kernel kernel;
  private final Values values;

  DequantizeCases(int bits, Kernel kernel, Values values) {
    this.bits = bits;
    this.min = -(1 << (bits - 1));
    this.max = (1 << (bits - 1)) - 1;
    this.kernel = kernel;
    this.values = values;
  }

  @Test
  void subtractsTheZeroPointThenScales() {
    float[] out = kernel.run(0.5f, -3, new long[] {-3, 0, max, min, 7});
    assertArrayEquals(new float[] {0f, 1.5f, (max + 3) * 0.5f, (min + 3) * 0.5f, 5f}, out);
  }

  @Test
  void roundsOnceLikeTheFloatReference() {
    // (q - zp) is exact in float, so the result is the float product rounded once from double.
    Random r = new Random(0xDE0_0000L + bits);
    for (int i = 0; i < 20_000; i++) {
      float scale = (float) Math.pow(10, -6 + 6 * r.nextDouble());
      int zp = min + r.nextInt(max - min + 1);
      long q = min + r.nextInt(max - min + 1);
      float want = (float) ((double) (q - zp) * scale);
      assertEquals(want, kernel.run(scale, zp, new long[] {q})[0]);
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_DE00L + bits);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      float scale = r.nextInt(10) == 0 ? Float.MIN_VALUE * (1 + r.nextInt(100))
          : (float) Math.pow(10, -6 + 8 * r.nextDouble());
      int zp = r.nextInt(4) == 0 ? new int[] {min, max, 0}[r.nextInt(3)]
          : min + r.nextInt(max - min + 1);
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 17);
      int n = s[0] * s[1] * s[2] * s[3];
      long[] q = values.draw(r, n);
      check.add(new Line().add(scale).add(zp).add(s).add(q), kernel.run(scale, zp, q));
    }
    check.addError(new Line().add(1f).add(min - 1).add(1, 1, 1, 1).add(1));
    check.check(dir, "dequantize_s" + bits + "_f32");
  }
}
