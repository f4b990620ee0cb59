package dev.tenax.kernels;

import dev.tenax.quant.QuantizedMultiplier;
import java.util.Random;

/** Random quantized operands for the kernel cross-checks. */
final class RandomQuant {
  private RandomQuant() {}

  static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static int[] bias(Random r, int n) {
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      b[i] = r.nextInt(1 << 17) - (1 << 16);
    }
    return b;
  }

  /** Multipliers from real scales (input * weight / output) spanning typical and extreme values. */
  static QuantizedMultiplier[] multipliers(Random r, int n, boolean perTensor) {
    QuantizedMultiplier[] q = new QuantizedMultiplier[n];
    for (int i = 0; i < n; i++) {
      q[i] = perTensor && i > 0 ? q[0]
          : QuantizedMultiplier.of(Math.pow(2, -16 + 18 * r.nextDouble()));
    }
    return q;
  }

  static int[] mults(QuantizedMultiplier[] q) {
    int[] m = new int[q.length];
    for (int i = 0; i < q.length; i++) {
      m[i] = q[i].multiplier();
    }
    return m;
  }

  static int[] shifts(QuantizedMultiplier[] q) {
    int[] s = new int[q.length];
    for (int i = 0; i < q.length; i++) {
      s[i] = q[i].shift();
    }
    return s;
  }

  /** The full int8 range half of the time, otherwise a random non-empty sub-range. */
  static int[] actRange(Random r) {
    if (r.nextBoolean()) {
      return new int[] {-128, 127};
    }
    int a = r.nextInt(256) - 128;
    int b = r.nextInt(256) - 128;
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }
}
