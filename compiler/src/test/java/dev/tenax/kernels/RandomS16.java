package dev.tenax.kernels;

import dev.tenax.quant.QuantizedMultiplier;
import java.util.Random;

/** Random operands of the 16x8 kernels (int16 activations, int8 weights) for the cross-checks. */
final class RandomS16 {
  private RandomS16() {}

  /** int16 values: the full range, small values, or the extremes, varying per tensor. */
  static short[] shorts(Random r, int n) {
    int kind = r.nextInt(4);
    short[] v = new short[n];
    for (int i = 0; i < n; i++) {
      v[i] = (short) switch (kind) {
        case 0 -> r.nextInt(201) - 100;
        case 1 -> r.nextBoolean() ? Short.MIN_VALUE + r.nextInt(3) : Short.MAX_VALUE - r.nextInt(3);
        default -> r.nextInt(1 << 16) - (1 << 15);
      };
    }
    return v;
  }

  /** int64 biases, mostly within int32 and sometimes beyond it (but inside 2^40). */
  static long[] bias(Random r, int n) {
    boolean wide = r.nextInt(4) == 0;
    long[] b = new long[n];
    for (int i = 0; i < n; i++) {
      b[i] = wide ? (r.nextLong() >> 24) : r.nextInt(1 << 27) - (1 << 26);
    }
    return b;
  }

  /**
   * Multipliers from real scales typical of int16 layers (2^-22 to 2^-4), sometimes large enough
   * (up to 2^6, shift 7) to saturate, and sometimes flushed to zero.
   */
  static QuantizedMultiplier[] multipliers(Random r, int n, boolean perTensor) {
    QuantizedMultiplier[] q = new QuantizedMultiplier[n];
    for (int i = 0; i < n; i++) {
      if (perTensor && i > 0) {
        q[i] = q[0];
        continue;
      }
      int kind = r.nextInt(10);
      double log2 = kind == 0 ? -2 + 8.9 * r.nextDouble() : kind == 1 ? -40 : -22 + 18 * r.nextDouble();
      q[i] = QuantizedMultiplier.of(Math.pow(2, log2));
    }
    return q;
  }

  static int[] reduced(QuantizedMultiplier[] q) {
    int[] m = new int[q.length];
    for (int i = 0; i < q.length; i++) {
      m[i] = q[i].reduced();
    }
    return m;
  }

  /** The full int16 range half of the time, otherwise a random non-empty sub-range. */
  static int[] actRange(Random r) {
    if (r.nextBoolean()) {
      return new int[] {Short.MIN_VALUE, Short.MAX_VALUE};
    }
    int a = r.nextInt(1 << 16) - (1 << 15);
    int b = r.nextInt(1 << 16) - (1 << 15);
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }
}
