package dev.tenax.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Buffers that may overlap while a call consumes one and writes the other row by row. */
class SharedBytesPlanTest {
  private static BufferRequest buf(String name, long bytes, int first, int last) {
    return new BufferRequest(name, bytes, 4, first, last);
  }

  @Test
  void aChainOfInPlaceCallsAlternatesDirectionsWithinOneLagOfItsLargestBuffer() {
    // a -> b -> c -> d, each call in row tiles needing 20 bytes of lag either way
    List<BufferRequest> requests = List.of(buf("a", 100, 0, 1), buf("b", 100, 1, 2), buf("c", 100, 2, 3),
        buf("d", 100, 3, 4));
    List<SharedBytes> shared = List.of(new SharedBytes("a", "b", 20, 20), new SharedBytes("b", "c", 20, 20),
        new SharedBytes("c", "d", 20, 20));
    ArenaPlan plan = ArenaPlanner.plan(requests, shared);
    assertEquals(120, plan.lowerBound());
    assertEquals(120, plan.arenaBytes());
    Map<String, Long> at = plan.offsets();
    for (SharedBytes s : shared) {
      long in = at.get(s.input());
      long out = at.get(s.output());
      assertTrue(out + s.below() <= in || out >= in + s.above(), s + " at " + at);
    }
    assertEquals(200, ArenaPlanner.plan(requests).arenaBytes(), "without sharing, two buffers side by side");
  }

  @Test
  void aLargerOutputCoversTheInputItConsumes() {
    // 50 bytes in, 100 out: tiles in order need the output to start 60 under the input
    ArenaPlan plan = ArenaPlanner.plan(List.of(buf("in", 52, 0, 1), buf("out", 100, 1, 2)),
        List.of(new SharedBytes("in", "out", 60, 52)));
    assertEquals(112, plan.lowerBound());
    assertEquals(112, plan.arenaBytes());
    assertTrue(plan.offsets().get("out") + 60 <= plan.offsets().get("in")
        || plan.offsets().get("out") >= plan.offsets().get("in") + 52, plan.offsets().toString());
  }

  @Test
  void aBufferLiveBesideThePairKeepsItsOwnBytes() {
    // x lives across the in-place call: it may not overlap either buffer
    List<BufferRequest> requests = List.of(buf("x", 40, 0, 3), buf("a", 100, 0, 1), buf("b", 100, 1, 2));
    ArenaPlan plan = ArenaPlanner.plan(requests, List.of(new SharedBytes("a", "b", 16, 16)));
    assertEquals(156, plan.arenaBytes());
    long x = plan.offsets().get("x");
    for (String other : List.of("a", "b")) {
      long o = plan.offsets().get(other);
      assertTrue(o + 100 <= x || x + 40 <= o, other + " overlaps x: " + plan.offsets());
    }
  }

  @Test
  void pairsOfUnknownOrTooDistantBuffersAreRefused() {
    List<BufferRequest> requests = List.of(buf("a", 100, 0, 1), buf("b", 100, 1, 2));
    assertThrows(IllegalArgumentException.class,
        () -> ArenaPlanner.plan(requests, List.of(new SharedBytes("a", "zz", 1, 1))));
    assertThrows(IllegalArgumentException.class,
        () -> ArenaPlanner.plan(requests, List.of(new SharedBytes("a", "b", 101, 1))));
    assertThrows(IllegalArgumentException.class, () -> new SharedBytes("a", "a", 1, 1));
  }
}
