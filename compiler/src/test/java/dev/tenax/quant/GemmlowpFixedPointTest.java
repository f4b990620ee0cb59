package dev.tenax.quant;

import static dev.tenax.quant.GemmlowpFixedPoint.expOnIntervalBetweenNegativeOneQuarterAnd0Excl;
import static dev.tenax.quant.GemmlowpFixedPoint.expOnNegativeValues;
import static dev.tenax.quant.GemmlowpFixedPoint.oneOverOnePlusXForXIn01;
import static dev.tenax.quant.GemmlowpFixedPoint.roundingHalfSum;
import static dev.tenax.quant.GemmlowpFixedPoint.saturatingRoundingMultiplyByPot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GemmlowpFixedPointTest {
  private static final double Q31 = 0x1p31;
  private static final double Q26 = 0x1p26;

  @Test
  void multiplyByPowerOfTwoSaturatesAndRounds() {
    assertEquals(12, saturatingRoundingMultiplyByPot(3, 2));
    assertEquals(Integer.MAX_VALUE, saturatingRoundingMultiplyByPot(1 << 29, 2));
    assertEquals(Integer.MIN_VALUE, saturatingRoundingMultiplyByPot(-(1 << 29) - 1, 2));
    assertEquals(-(1 << 31), saturatingRoundingMultiplyByPot(-(1 << 29), 2)); // exactly representable
    assertEquals(Integer.MIN_VALUE, saturatingRoundingMultiplyByPot(-1, 31));
    assertEquals(0, saturatingRoundingMultiplyByPot(0, 31));
    assertEquals(2, saturatingRoundingMultiplyByPot(6, -2)); // 1.5 -> 2
    assertEquals(-2, saturatingRoundingMultiplyByPot(-6, -2)); // -1.5 -> -2
    assertEquals(1, saturatingRoundingMultiplyByPot(5, -2)); // 1.25 -> 1
    assertThrows(IllegalArgumentException.class, () -> saturatingRoundingMultiplyByPot(1, 32));
  }

  @Test
  void halfSumRoundsAwayFromZeroWithoutOverflow() {
    assertEquals(2, roundingHalfSum(1, 2));
    assertEquals(-2, roundingHalfSum(-1, -2));
    assertEquals(Integer.MAX_VALUE, roundingHalfSum(Integer.MAX_VALUE, Integer.MAX_VALUE));
    assertEquals(Integer.MIN_VALUE, roundingHalfSum(Integer.MIN_VALUE, Integer.MIN_VALUE));
    assertEquals(-1, roundingHalfSum(Integer.MIN_VALUE, Integer.MAX_VALUE)); // -1/2 -> -1
  }

  @Test
  void expOnTheQuarterIntervalIsAccurate() {
    for (int i = 1; i <= 1000; i++) {
      int a = -(int) ((long) i * (1 << 29) / 1000); // (0, -1/4]
      double got = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(a) / Q31;
      // fourth-order Taylor around -1/8: the error reaches (1/8)^5 / 120 = 2.5e-7 at the ends
      assertEquals(Math.exp(a / Q31), got, 3e-7, "a=" + a);
    }
  }

  @Test
  void expOnNegativeValuesIsAccurate() {
    assertEquals(Integer.MAX_VALUE, expOnNegativeValues(0));
    // -1 = -1/4 (polynomial) - 3/4 (barrel: exp(-1/4) * exp(-1/2)); the polynomial's error dominates
    assertEquals(Math.exp(-1), expOnNegativeValues(-(1 << 26)) / Q31, 3e-7);
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      int a = -r.nextInt(Integer.MAX_VALUE); // down to -32 in Q5.26
      double expected = Math.exp(a / Q26);
      double got = expOnNegativeValues(a) / Q31;
      assertEquals(expected, got, 1e-7 + 1e-6 * expected, "a=" + a);
    }
  }

  @Test
  void reciprocalIsAccurate() {
    Random r = new Random(12);
    for (int i = 0; i < 20_000; i++) {
      int a = r.nextInt(Integer.MAX_VALUE);
      double got = oneOverOnePlusXForXIn01(a) / Q31;
      assertEquals(1 / (1 + a / Q31), got, 1e-8, "a=" + a);
    }
    assertTrue(Math.abs(oneOverOnePlusXForXIn01(0) / Q31 - 1) < 1e-8);
  }
}
