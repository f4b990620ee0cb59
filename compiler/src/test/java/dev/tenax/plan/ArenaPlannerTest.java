package dev.tenax.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-built graphs whose optimum is known. */
class ArenaPlannerTest {
  private static BufferRequest buf(String name, long bytes, int alignment, int first, int last) {
    return new BufferRequest(name, bytes, alignment, first, last);
  }

  @Test
  void chainReusesMemoryOfBuffersThatAreDead() {
    // a -> b -> c -> d: only neighbours are live together, so the arena is the largest pair.
    ArenaPlan plan = ArenaPlanner.plan(List.of(
        buf("a", 100, 1, 0, 1), buf("b", 50, 1, 1, 2), buf("c", 80, 1, 2, 3), buf("d", 10, 1, 3, 4)));
    assertEquals(150, plan.lowerBound());
    assertEquals(150, plan.arenaBytes());
    assertEquals(List.of("a", "b"), plan.liveAtPeak());
    assertEquals(1, plan.peakStep());
  }

  @Test
  void chainWhereEveryGreedyOrderWastesStillReachesTheBound() {
    // By size: e, b at 0, c above b, then d fits neither under c nor under e's top and lands at
    // 14 (arena 16). The two-ended placement alternates bottom and top of a 14-byte arena.
    ArenaPlan plan = ArenaPlanner.plan(List.of(
        buf("a", 5, 1, 0, 1), buf("b", 8, 1, 1, 2), buf("c", 6, 1, 2, 3), buf("d", 2, 1, 3, 4),
        buf("e", 11, 1, 4, 5)));
    assertEquals(14, plan.lowerBound());
    assertEquals(14, plan.arenaBytes());
    assertEquals(Map.of("a", 0L, "b", 6L, "c", 0L, "d", 12L, "e", 0L), plan.offsets());
    assertEquals("two-ended", plan.strategy());
  }

  /**
   * The open alibaba IC model's first layers, in units of 512 bytes: a residual branch (g, j, k live
   * together at step 10) rules out the two-ended placement, and every fixed greedy order puts d
   * above c and e (arena 28); a seeded shuffled order reaches the bound, whatever the request order.
   */
  @Test
  void shuffledOrdersReachTheBoundWhereTheFixedOnesMissIt() {
    List<BufferRequest> requests = List.of(buf("a", 6, 1, 0, 1), buf("b", 12, 1, 1, 2), buf("c", 12, 1, 2, 3),
        buf("d", 4, 1, 3, 4), buf("e", 12, 1, 4, 5), buf("f", 3, 1, 5, 6), buf("g", 2, 1, 6, 10),
        buf("h", 6, 1, 7, 8), buf("i", 6, 1, 8, 9), buf("j", 2, 1, 9, 10), buf("k", 2, 1, 10, 11));
    ArenaPlan plan = ArenaPlanner.plan(requests);
    assertEquals(24, plan.lowerBound());
    assertEquals(24, plan.arenaBytes());
    assertEquals("greedy-by-shuffled-order", plan.strategy());
    List<BufferRequest> reversed = new java.util.ArrayList<>(requests);
    java.util.Collections.reverse(reversed);
    assertEquals(plan.offsets(), ArenaPlanner.plan(reversed).offsets());
  }

  @Test
  void diamondKeepsBothBranchesApart() {
    // x feeds l (step 1) and r (step 2); y = l + r at step 3. Peak is x, l, r at step 2.
    ArenaPlan plan = ArenaPlanner.plan(List.of(
        buf("x", 64, 4, 0, 2), buf("l", 32, 4, 1, 3), buf("r", 32, 4, 2, 3), buf("y", 64, 4, 3, 3)));
    assertEquals(128, plan.lowerBound());
    assertEquals(128, plan.arenaBytes());
    assertEquals(2, plan.peakStep());
    assertEquals(List.of("x", "l", "r"), plan.liveAtPeak());
    assertEquals(Map.of("x", 0L, "y", 0L, "l", 64L, "r", 96L), plan.offsets());
    assertEquals("greedy-by-size", plan.strategy());
  }

  @Test
  void alignmentPaddingCountsInBoundAndOffsets() {
    ArenaPlan plan = ArenaPlanner.plan(List.of(
        buf("a", 3, 4, 0, 1), buf("b", 5, 8, 0, 1), buf("c", 1, 1, 0, 1)));
    assertEquals(4 + 8 + 1, plan.lowerBound());
    assertEquals(13, plan.arenaBytes());
    assertEquals(Map.of("b", 0L, "a", 8L, "c", 12L), plan.offsets());
    assertEquals(8, plan.alignment());
    assertEquals(List.of("a", "b", "c"), List.copyOf(plan.offsets().keySet()), "request order kept");
  }

  @Test
  void zeroSizeBufferTakesNoSpace() {
    ArenaPlan plan = ArenaPlanner.plan(List.of(
        buf("a", 16, 16, 0, 3), buf("empty", 0, 64, 0, 3), buf("b", 8, 8, 1, 2)));
    assertEquals(0L, plan.offsets().get("empty"));
    assertEquals(24, plan.arenaBytes());
    assertEquals(24, plan.lowerBound());
    assertEquals(List.of("a", "b"), plan.liveAtPeak());
    assertEquals(64, plan.alignment(), "the arena still honours the empty buffer's alignment");
  }

  @Test
  void singleBufferIsRoundedUpToItsAlignment() {
    ArenaPlan plan = ArenaPlanner.plan(List.of(buf("only", 10, 16, 0, 0)));
    assertEquals(Map.of("only", 0L), plan.offsets());
    assertEquals(16, plan.arenaBytes());
    assertEquals(16, plan.lowerBound());
    assertEquals(List.of("only"), plan.liveAtPeak());
  }

  @Test
  void emptyRequestListNeedsNoArena() {
    ArenaPlan plan = ArenaPlanner.plan(List.of());
    assertEquals(0, plan.arenaBytes());
    assertEquals(0, plan.lowerBound());
    assertEquals(1, plan.alignment());
    assertEquals(List.of(), plan.liveAtPeak());
  }

  @Test
  void rejectsDuplicateNamesAndNulls() {
    var dup = assertThrows(IllegalArgumentException.class,
        () -> ArenaPlanner.plan(List.of(buf("a", 1, 1, 0, 0), buf("a", 2, 1, 1, 1))));
    assertEquals("duplicate buffer name 'a'", dup.getMessage());
    var nullList = assertThrows(IllegalArgumentException.class, () -> ArenaPlanner.plan(null));
    assertEquals("buffer request list must not be null", nullList.getMessage());
    var nullItem = assertThrows(IllegalArgumentException.class,
        () -> ArenaPlanner.plan(java.util.Arrays.asList(buf("a", 1, 1, 0, 0), null)));
    assertEquals("buffer request 1 is null", nullItem.getMessage());
  }
}
