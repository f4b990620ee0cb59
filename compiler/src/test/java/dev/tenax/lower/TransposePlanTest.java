package dev.tenax.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TransposePlanTest {
  @Test
  void nchwToNhwcMergesHeightAndWidth() {
    TransposePlan p = TransposePlan.of(new int[] {1, 8, 5, 7}, new int[] {0, 2, 3, 1});
    assertArrayEquals(new int[] {8, 35}, p.shape());
    assertArrayEquals(new int[] {1, 0}, p.perm());
    assertArrayEquals(new int[] {1, 1, 8, 35}, p.shape4());
    assertArrayEquals(new int[] {0, 1, 3, 2}, p.perm4());
  }

  /** Super-resolution's depth-to-space: six axes, two of size 1, four that really move. */
  @Test
  void sixAxisDepthToSpaceFitsFourAxes() {
    TransposePlan p = TransposePlan.of(new int[] {1, 1, 3, 3, 224, 224}, new int[] {0, 1, 4, 2, 5, 3});
    assertArrayEquals(new int[] {3, 3, 224, 224}, p.shape());
    assertArrayEquals(new int[] {2, 0, 3, 1}, p.perm());
  }

  @Test
  void identityCollapsesToOneAxisAndAByteAxisStaysInnermost() {
    TransposePlan p = TransposePlan.of(new int[] {2, 3, 4}, new int[] {0, 1, 2});
    assertArrayEquals(new int[] {24}, p.shape());
    TransposePlan b = TransposePlan.of(new int[] {2, 3, 4}, new int[] {2, 0, 1}).withInnerAxis(2);
    assertArrayEquals(new int[] {6, 4, 2}, b.shape());
    assertArrayEquals(new int[] {1, 0, 2}, b.perm());
  }
}
