package dev.tenax.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test vectors for the C driver {@code fixed_point_driver.c}: edge cases crossed with each other
 * plus seeded random operands, each with the result the Java specification gives. Only inputs
 * inside each function's documented domain are generated (Java rejects the others).
 */
final class FixedPointVectors {
  /** One driver input line and the Java result for it. */
  record Vector(String line, long expected) {}

  private static final int MIN = Integer.MIN_VALUE;
  private static final int MAX = Integer.MAX_VALUE;
  private static final int[] EDGES = {MIN, MIN + 1, -(1 << 30), -65536, -32769, -32768, -129, -128,
    -2, -1, 0, 1, 2, 127, 128, 32767, 32768, 65536, 1 << 30, MAX - 1, MAX};
  private static final int[] MULTIPLIERS = {0, 1, 1 << 30, (1 << 30) + 1, 1288490189, 1717986918,
    0x7FFF0000, MAX - 1, MAX};
  private static final long[] EDGES_64 = {-(1L << 47), -(1L << 47) + 1, -(1L << 40), -(1L << 32),
    (1L << 32), 1L << 40, (1L << 47) - 2, (1L << 47) - 1};
  private static final int[] REDUCED = {0, 1, 2, 16383, 16384, 24576, 32766, 32767};

  private final Random random;
  private final List<Vector> out = new ArrayList<>();

  private FixedPointVectors(long seed) {
    random = new Random(seed);
  }

  static List<Vector> generate(long seed) {
    FixedPointVectors v = new FixedPointVectors(seed);
    v.highMuls(15_000);
    v.divides(15_000);
    v.requantizes(20_000);
    v.requantizesS64(15_000);
    v.outputs(15_000, 10_000, 10_000);
    return v.out;
  }

  private void add(long expected, String op, long... operands) {
    StringBuilder sb = new StringBuilder(op);
    for (long o : operands) {
      sb.append(' ').append(o);
    }
    out.add(new Vector(sb.toString(), expected));
  }

  /** A random int32 of random magnitude, so small values are as common as large ones. */
  private int anyInt() {
    return random.nextInt() >> random.nextInt(32);
  }

  private int multiplier() {
    int pick = random.nextInt(8);
    return pick == 0 ? random.nextInt(MAX) : pick == 1 ? MULTIPLIERS[random.nextInt(MULTIPLIERS.length)]
        : (1 << 30) + random.nextInt(1 << 30);
  }

  private void highMul(int a, int b) {
    add(FixedPoint.saturatingRoundingDoublingHighMul(a, b), "H", a, b);
    add(FixedPoint.doublingHighMulNoSat(a, b), "N", a, b);
  }

  private void highMuls(int n) {
    for (int a : EDGES) {
      for (int b : EDGES) {
        highMul(a, b);
      }
    }
    for (int i = 0; i < n; i++) {
      highMul(i % 2 == 0 ? random.nextInt() : anyInt(), i % 3 == 0 ? random.nextInt() : anyInt());
    }
  }

  private void divides(int n) {
    for (int x : EDGES) {
      for (int e = 0; e <= 31; e++) {
        add(FixedPoint.roundingDivideByPot(x, e), "D", x, e);
      }
    }
    for (int i = 0; i < n; i++) {
      int x = anyInt();
      int e = random.nextInt(32);
      add(FixedPoint.roundingDivideByPot(x, e), "D", x, e);
    }
  }

  private void requantize(int acc, int m, int shift) {
    add(FixedPoint.multiplyByQuantizedMultiplier(acc, m, shift), "R", acc, m, shift);
  }

  private void requantizes(int n) {
    for (int acc : EDGES) {
      for (int m : MULTIPLIERS) {
        for (int shift = -31; shift <= 30; shift++) {
          requantize(acc, m, shift);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      requantize(anyInt(), multiplier(), random.nextInt(62) - 31);
    }
  }

  private void requantizeS64(long acc, int m, int shift) {
    add(FixedPoint.multiplyByQuantizedMultiplierS64(acc, m, shift), "L", acc, m, shift);
  }

  private long anyAcc64() {
    return random.nextLong() >> (16 + random.nextInt(48)); // [-2^47, 2^47), all magnitudes
  }

  private void requantizesS64(int n) {
    List<Long> accs = new ArrayList<>();
    for (long a : EDGES_64) {
      accs.add(a);
    }
    for (int a : EDGES) {
      accs.add((long) a);
    }
    for (long acc : accs) {
      for (int m : REDUCED) {
        for (int shift = -31; shift <= 7; shift++) {
          requantizeS64(acc, m, shift);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      requantizeS64(anyAcc64(), random.nextInt(0x8000), random.nextInt(39) - 31);
    }
  }

  /** A zero point and a non-empty activation range inside {@code [lo, hi]}, edges favoured. */
  private int[] outputParams(int lo, int hi) {
    int span = hi - lo + 1;
    int zp = random.nextInt(4) == 0 ? (random.nextBoolean() ? lo : hi) : lo + random.nextInt(span);
    int a = random.nextInt(3) == 0 ? lo : lo + random.nextInt(span);
    int b = random.nextInt(3) == 0 ? hi : lo + random.nextInt(span);
    return new int[] {zp, Math.min(a, b), Math.max(a, b)};
  }

  private void outputs(int n8, int n16, int n64) {
    for (int i = 0; i < n8; i++) {
      int acc = anyInt();
      int m = multiplier();
      int shift = random.nextInt(62) - 31;
      int[] p = outputParams(-128, 127);
      add(Requantize.s8(acc, m, shift, p[0], p[1], p[2]), "B", acc, m, shift, p[0], p[1], p[2]);
    }
    for (int i = 0; i < n16; i++) {
      int acc = anyInt();
      int m = multiplier();
      int shift = random.nextInt(62) - 31;
      int[] p = outputParams(-32768, 32767);
      add(Requantize.s16(acc, m, shift, p[0], p[1], p[2]), "W", acc, m, shift, p[0], p[1], p[2]);
    }
    for (int i = 0; i < n64; i++) {
      long acc = anyAcc64();
      int m = random.nextInt(0x8000);
      int shift = random.nextInt(39) - 31;
      int[] p = outputParams(-32768, 32767);
      add(Requantize.s64ToS16(acc, m, shift, p[0], p[1], p[2]), "X", acc, m, shift, p[0], p[1], p[2]);
    }
  }
}
