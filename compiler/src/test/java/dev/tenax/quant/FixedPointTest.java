package dev.tenax.quant;

import static dev.tenax.quant.FixedPoint.doublingHighMulNoSat;
import static dev.tenax.quant.FixedPoint.multiplyByQuantizedMultiplier;
import static dev.tenax.quant.FixedPoint.multiplyByQuantizedMultiplierS64;
import static dev.tenax.quant.FixedPoint.roundingDivideByPot;
import static dev.tenax.quant.FixedPoint.saturatingRoundingDoublingHighMul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedPointTest {
  private static final int MIN = Integer.MIN_VALUE;
  private static final int MAX = Integer.MAX_VALUE;

  /** floor(num / 2^bits + 1/2): round half toward plus infinity, computed exactly. */
  private static long roundHalfUp(BigInteger num, int bits) {
    return new BigDecimal(num).divide(new BigDecimal(BigInteger.ONE.shiftLeft(bits)))
        .add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /** x / 2^bits rounded half away from zero, computed exactly. */
  private static long roundHalfAway(long x, int bits) {
    return new BigDecimal(x).divide(new BigDecimal(BigInteger.ONE.shiftLeft(bits)))
        .setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  @Test
  void highMulHandChecked() {
    assertEquals(MAX, saturatingRoundingDoublingHighMul(MIN, MIN)); // the only overflow
    assertEquals(MIN, doublingHighMulNoSat(MIN, MIN)); // wraps instead
    assertEquals(MAX - 1, saturatingRoundingDoublingHighMul(MAX, MAX));
    assertEquals(1 << 29, saturatingRoundingDoublingHighMul(1 << 30, 1 << 30)); // 0.5 * 0.5
    assertEquals(-MAX, saturatingRoundingDoublingHighMul(MIN, MAX));
    assertEquals(-1, saturatingRoundingDoublingHighMul(MIN, 1));
    assertEquals(0, saturatingRoundingDoublingHighMul(-5, 0));
  }

  @Test
  void highMulTiesRoundTowardPlusInfinity() {
    assertEquals(1, saturatingRoundingDoublingHighMul(1 << 15, 1 << 15)); // 0.5 -> 1
    assertEquals(0, saturatingRoundingDoublingHighMul(-(1 << 15), 1 << 15)); // -0.5 -> 0
    assertEquals(-1, saturatingRoundingDoublingHighMul(-3 << 15, 1 << 15)); // -1.5 -> -1
    assertEquals(2, saturatingRoundingDoublingHighMul(3 << 15, 1 << 15)); // 1.5 -> 2
    assertEquals(0, doublingHighMulNoSat(-(1 << 15), 1 << 15));
    assertEquals(-1, doublingHighMulNoSat(-3 << 15, 1 << 15));
  }

  @Test
  void highMulsAgreeWithExactRoundingOnRandomOperands() {
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      int a = r.nextInt();
      int b = i % 4 == 0 ? r.nextInt(1 << 16) - (1 << 15) : r.nextInt();
      long expected = roundHalfUp(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), 31);
      assertEquals(expected, saturatingRoundingDoublingHighMul(a, b), a + " * " + b);
      assertEquals(expected, doublingHighMulNoSat(a, b), a + " * " + b);
    }
  }

  @Test
  void roundingDivideByPotTiesAwayFromZero() {
    int[][] cases = {
      {5, 1, 3}, {-5, 1, -3}, {4, 1, 2}, {-4, 1, -2}, {3, 1, 2}, {-3, 1, -2},
      {7, 2, 2}, {-7, 2, -2}, {6, 2, 2}, {-6, 2, -2}, {5, 2, 1}, {-5, 2, -1},
      {MIN, 0, MIN}, {MAX, 0, MAX}, {MIN, 31, -1}, {MAX, 31, 1}, {1 << 30, 31, 1},
      {-(1 << 30), 31, -1}, {(1 << 30) - 1, 31, 0}, {-(1 << 30) + 1, 31, 0}, {-1, 31, 0}, {MIN, 30, -2},
    };
    for (int[] c : cases) {
      assertEquals(c[2], roundingDivideByPot(c[0], c[1]), c[0] + " / 2^" + c[1]);
    }
    assertThrows(IllegalArgumentException.class, () -> roundingDivideByPot(1, -1));
    assertThrows(IllegalArgumentException.class, () -> roundingDivideByPot(1, 32));
  }

  @Test
  void roundingDivideByPotAgreesWithExactRounding() {
    Random r = new Random(12);
    for (int i = 0; i < 20_000; i++) {
      int x = r.nextInt();
      int e = r.nextInt(32);
      assertEquals(roundHalfAway(x, e), roundingDivideByPot(x, e), x + " / 2^" + e);
    }
  }

  @Test
  void requantizeRoundsOnceLikeCmsisNnSingleRounding() {
    assertEquals(50, multiplyByQuantizedMultiplier(100, 1 << 30, 0)); // * 0.5
    assertEquals(2, multiplyByQuantizedMultiplier(3, 1 << 30, 0)); // 1.5 -> 2
    assertEquals(-1, multiplyByQuantizedMultiplier(-3, 1 << 30, 0)); // -1.5 -> -1 (ties toward +inf)
    assertEquals(-1, multiplyByQuantizedMultiplier(-3, 1 << 30, -1)); // -0.75 -> -1
    // 5 * 0.25 = 1.25 -> 1; the default build's double rounding would give 2 (2.5 -> 3, 1.5 -> 2).
    assertEquals(1, multiplyByQuantizedMultiplier(5, 1 << 30, -1));
    assertEquals(100, multiplyByQuantizedMultiplier(1000, 1717986918, -3)); // * 0.1
    assertEquals(0, multiplyByQuantizedMultiplier(MAX, 0, 0));
    assertEquals(-MAX, multiplyByQuantizedMultiplier(MIN, MAX, 0));
    assertEquals(0, multiplyByQuantizedMultiplier(MIN, 1 << 30, -31)); // -2^31 * 2^-32 = -0.5 -> 0
  }

  @Test
  void positiveShiftsScaleUpAndLargeResultsWrap() {
    assertEquals(4, multiplyByQuantizedMultiplier(3, 1342177280, 1)); // 3 * 1.25 = 3.75
    assertEquals(-4, multiplyByQuantizedMultiplier(-3, 1342177280, 1));
    assertEquals(1 << 29, multiplyByQuantizedMultiplier(1 << 27, 1 << 30, 3)); // * 4
    assertEquals(MIN, multiplyByQuantizedMultiplier(1 << 30, 1 << 30, 2)); // 2^31 wraps to MIN
    assertEquals(1 << 30, multiplyByQuantizedMultiplier(1 << 30, 1 << 30, 1)); // 2^30 is exact
    assertEquals(0, multiplyByQuantizedMultiplier(1 << 30, 1 << 30, 3)); // 2^32 wraps to 0
  }

  @Test
  void requantizeMatchesAnIndependentSingleRounding() {
    Random r = new Random(13);
    int checked = 0;
    for (int i = 0; i < 40_000; i++) {
      int acc = r.nextInt() >> r.nextInt(32);
      int m = (1 << 30) + r.nextInt(1 << 30);
      int shift = r.nextInt(62) - 31;
      long expected = roundHalfUp(BigInteger.valueOf(acc).multiply(BigInteger.valueOf(m)), 31 - shift);
      if (expected < Integer.MIN_VALUE || expected > Integer.MAX_VALUE) {
        continue; // beyond int32 the result wraps (see positiveShiftsScaleUpAndLargeResultsWrap)
      }
      checked++;
      assertEquals(expected, multiplyByQuantizedMultiplier(acc, m, shift), acc + " " + m + " " + shift);
    }
    assertTrue(checked > 10_000, "too few in-range cases: " + checked);
  }

  @Test
  void requantizeRejectsParametersOutsideItsDomain() {
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplier(1, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplier(1, 1 << 30, 31));
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplier(1, 1 << 30, -32));
  }

  @Test
  void s64RequantizeRoundsOnceHalfUp() {
    assertEquals(50, multiplyByQuantizedMultiplierS64(100, 16384, 0));
    assertEquals(2, multiplyByQuantizedMultiplierS64(3, 16384, 0)); // 1.5 -> 2
    assertEquals(-1, multiplyByQuantizedMultiplierS64(-3, 16384, 0)); // -1.5 -> -1
    assertEquals(1, multiplyByQuantizedMultiplierS64(5, 16384, -1)); // 1.25 -> 1: no double rounding
    assertEquals(64, multiplyByQuantizedMultiplierS64(1, 16384, 7)); // 0.5 * 2^7
    assertEquals(1 << 19, multiplyByQuantizedMultiplierS64(1L << 40, 16384, -20));
    assertEquals(-(1 << 15), multiplyByQuantizedMultiplierS64(-(1L << 47), 16384, -31)); // -2^47 * 2^-32
    assertEquals(0, multiplyByQuantizedMultiplierS64((1L << 47) - 1, 0, 7));
  }

  @Test
  void s64RequantizeMatchesExactRoundingAndChecksItsDomain() {
    Random r = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      long acc = r.nextLong() >> (17 + r.nextInt(40)); // |acc| < 2^46, all magnitudes
      int m = r.nextInt(0x8000);
      int shift = r.nextInt(39) - 31;
      long expected = roundHalfUp(BigInteger.valueOf(acc).multiply(BigInteger.valueOf(m)), 15 - shift);
      if (Math.abs(expected) < (1L << 30)) { // beyond, the C original's truncation wraps
        assertEquals(expected, multiplyByQuantizedMultiplierS64(acc, m, shift), acc + " " + m + " " + shift);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplierS64(1L << 47, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplierS64(-(1L << 47) - 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplierS64(1, 0x8000, 0));
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplierS64(1, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplierS64(1, 1, 8));
    assertThrows(IllegalArgumentException.class, () -> multiplyByQuantizedMultiplierS64(1, 1, -32));
  }
}
