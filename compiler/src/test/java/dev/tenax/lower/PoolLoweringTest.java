package dev.tenax.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.quant.Requantize;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The int8 average lowered as a depthwise convolution with unit weights 2^e. */
class PoolLoweringTest {

  @Test
  void theExponentBringsTheShiftToMinusTwoWithinTheWeightAndAccumulatorLimits() {
    assertEquals(0, PoolLowering.unitWeightExponent(-2, 9));
    assertEquals(0, PoolLowering.unitWeightExponent(-9, 9));
    assertEquals(1, PoolLowering.unitWeightExponent(-1, 9));
    assertEquals(2, PoolLowering.unitWeightExponent(0, 9));
    assertEquals(6, PoolLowering.unitWeightExponent(4, 9));
    assertEquals(6, PoolLowering.unitWeightExponent(12, 9), "an int8 weight: at most 64");
    for (int window : new int[] {1, 4, 9, 49, 2304, 65536, 1 << 22}) {
      for (int shift = -3; shift <= 8; shift++) {
        int e = PoolLowering.unitWeightExponent(shift, window);
        assertTrue(((long) window * 255 << e) < 1L << 30, "window " + window + " e " + e);
      }
    }
    assertEquals(0, PoolLowering.unitWeightExponent(3, 1 << 22), "no room in the accumulator");
  }

  /** What makes the scaled weight safe: the requantization of 2^e acc at shift - e is that of acc. */
  @Test
  void scalingTheSumAndTheShiftTogetherKeepsEveryOutput() {
    Random r = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      int window = 1 + r.nextInt(3000);
      int acc = (r.nextInt(2 * 255 * window + 1) - 255 * window);
      int multiplier = (1 << 30) + r.nextInt(1 << 30);
      int shift = -1 + r.nextInt(6);
      int zp = -128 + r.nextInt(256);
      int e = PoolLowering.unitWeightExponent(shift, window);
      assertEquals(Requantize.s8(acc, multiplier, shift, zp, -128, 127),
          Requantize.s8(acc << e, multiplier, shift - e, zp, -128, 127),
          "acc " + acc + " m " + multiplier + " shift " + shift + " e " + e);
    }
  }
}
