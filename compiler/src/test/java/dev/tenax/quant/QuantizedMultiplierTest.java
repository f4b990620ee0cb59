package dev.tenax.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedMultiplierTest {
  private static void assertQm(int multiplier, int shift, double real) {
    assertEquals(new QuantizedMultiplier(multiplier, shift), QuantizedMultiplier.of(real), "of(" + real + ")");
  }

  @Test
  void powersOfTwoHaveMantissaOneHalf() {
    assertQm(1 << 30, 0, 0.5);
    assertQm(1 << 30, 1, 1.0);
    assertQm(1 << 30, -1, 0.25);
    assertQm(1 << 30, 30, 0x1p29);
  }

  @Test
  void knownTfliteValues() {
    // 0.75 and 1.25 are TFLite's QuantizeMultiplierSmallerThanOne / GreaterThanOne test values.
    assertQm(1610612736, 0, 0.75);
    assertQm(1342177280, 1, 1.25);
    // 0.1 = 0.8 * 2^-3; 0.8 * 2^31 = 1717986918.4 rounds down.
    assertQm(1717986918, -3, 0.1);
    // 2^31 * 0.6 = 1288490188.8 rounds up (0.3 = 0.6 * 2^-1).
    assertQm(1288490189, -1, 0.3);
  }

  @Test
  void mantissaRoundingUpToOneRenormalizes() {
    // (1 - 2^-33) has mantissa 2^31 - 0.25 after scaling, which rounds to 2^31.
    assertQm(1 << 30, 1, 1 - 0x1p-33);
    assertQm(Integer.MAX_VALUE, 0, 1 - 0x1p-31 - 0x1p-33); // 2^31 - 1.25 rounds to 2^31 - 1
  }

  @Test
  void tinyScalesFlushToZeroAfterRounding() {
    assertQm(1 << 30, -31, 0x1p-32);
    assertQm(0, 0, 0x1p-33);
    assertQm(0, 0, Double.MIN_VALUE);
    assertQm(0, 0, 0.0);
    // Just below 2^-32 has exponent -32 but its mantissa rounds to one, so it survives as 2^-32.
    assertQm(1 << 30, -31, 0x1p-32 * (1 - 0x1p-40));
  }

  @Test
  void largeScalesAreRejectedWithAReason() {
    assertQm(1610612736, 30, 0x1p29 * 1.5);
    var e = assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(0x1p30));
    assertTrue(e.getMessage().contains("left shift of 31"), e.getMessage());
    // Rounds up into the next binade, which is one shift too many.
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(0x1p30 * (1 - 0x1p-40)));
  }

  @Test
  void rejectsNegativeAndNonFiniteScales() {
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(-0.5));
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(Double.POSITIVE_INFINITY));
  }

  @Test
  void constructorRejectsUnnormalizedPairs() {
    assertThrows(IllegalArgumentException.class, () -> new QuantizedMultiplier((1 << 30) - 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new QuantizedMultiplier(1 << 30, 31));
    assertThrows(IllegalArgumentException.class, () -> new QuantizedMultiplier(1 << 30, -32));
    assertThrows(IllegalArgumentException.class, () -> new QuantizedMultiplier(0, 3));
  }

  @Test
  void representsTheScaleWithinHalfAnUlpOfQ31() {
    Random r = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      double real = Math.scalb(0.5 + r.nextDouble() / 2, r.nextInt(60) - 30);
      QuantizedMultiplier m = QuantizedMultiplier.of(real);
      double ulp = Math.scalb(1.0, m.shift() - 31);
      assertTrue(Math.abs(m.value() - real) <= ulp / 2, () -> real + " -> " + m);
    }
  }

  @Test
  void reducedMultiplierRoundsTheTop16BitsAndSaturates() {
    assertEquals(16384, QuantizedMultiplier.reduce(1 << 30));
    assertEquals(24576, QuantizedMultiplier.reduce(1610612736));
    assertEquals(16385, QuantizedMultiplier.reduce((1 << 30) + (1 << 15))); // tie rounds up
    assertEquals(16384, QuantizedMultiplier.reduce((1 << 30) + (1 << 15) - 1));
    assertEquals(0x7FFF, QuantizedMultiplier.reduce(0x7FFF0000 - 1));
    assertEquals(0x7FFF, QuantizedMultiplier.reduce(0x7FFF0000));
    assertEquals(0x7FFF, QuantizedMultiplier.reduce(Integer.MAX_VALUE));
    assertEquals(0, QuantizedMultiplier.reduce(0));
    assertEquals(24576, QuantizedMultiplier.of(0.75).reduced());
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.reduce(-1));
  }
}
