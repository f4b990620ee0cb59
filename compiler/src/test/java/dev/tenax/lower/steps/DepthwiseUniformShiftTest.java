package dev.tenax.lower.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.DepthwiseConv2dS8;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The uniform shifts a depthwise layer allows: the int16 weight limit and the int32 sums. */
class DepthwiseUniformShiftTest {
  private static DepthwiseConv2dS8.Params params(int inputOffset, int[] shifts) {
    int[] mult = new int[shifts.length];
    Arrays.fill(mult, 1 << 30);
    return new DepthwiseConv2dS8.Params(1, 1, 1, 1, 1, 1, 1, inputOffset, 0, -128, 127, mult, shifts);
  }

  @Test
  void theShiftsReachEightBelowTheSmallestShift() {
    // two channels of shifts -7 and -9: S <= -9, and the -7 channel scales by at most 2^8
    DepthwiseUniformShift u = DepthwiseUniformShift.of(params(0, new int[] {-7, -9}), new int[] {1, 3, 3, 2},
        new int[] {0, 0});
    assertEquals(new DepthwiseUniformShift(-15, -9), u);
    assertTrue(u.contains(-9) && u.contains(-15));
    assertFalse(u.contains(-8) || u.contains(-16));
  }

  @Test
  void shiftsMoreThanEightApartHaveNone() {
    DepthwiseUniformShift u = DepthwiseUniformShift.of(params(0, new int[] {-5, -14}), new int[] {1, 3, 3, 2},
        null);
    assertTrue(u.isEmpty());
    assertFalse(u.contains(-14));
  }

  @Test
  void theSumsMustStayInsideInt32OnceScaled() {
    // nine weights of at most 128 times inputs up to 255: 293,760; with a bias of 2^23 the sum
    // reaches 8,682,368, which scaled by 2^8 passes 2^31: at most 2^7
    int[] shift = {-6};
    DepthwiseUniformShift u = DepthwiseUniformShift.of(params(128, shift), new int[] {1, 3, 3, 1},
        new int[] {1 << 23});
    assertEquals(new DepthwiseUniformShift(-13, -6), u);
    // a bias near 2^31 leaves no room at all
    assertTrue(DepthwiseUniformShift.of(params(128, shift), new int[] {1, 3, 3, 1},
        new int[] {Integer.MAX_VALUE - 1000}).isEmpty());
  }

  @Test
  void shiftsOutsideTheOutputStageHaveNone() {
    assertTrue(DepthwiseUniformShift.of(params(0, new int[] {-1}), new int[] {1, 3, 3, 1}, null)
        .isEmpty());
    assertTrue(DepthwiseUniformShift.of(params(0, new int[] {-24}), new int[] {1, 3, 3, 1}, null)
        .isEmpty());
    // and S never goes below -23
    assertEquals(new DepthwiseUniformShift(-23, -20),
        DepthwiseUniformShift.of(params(0, new int[] {-20}), new int[] {1, 3, 3, 1}, null));
  }

  @Test
  void theDefaultFieldsMeanNone() {
    assertTrue(DepthwiseUniformShift.NONE.isEmpty());
    assertFalse(DepthwiseUniformShift.NONE.contains(0));
  }
}
