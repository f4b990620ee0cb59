package dev.tenax.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places buffers one at a time, in a given order, at the lowest aligned offset that does not
 * collide with an already placed buffer whose lifetime overlaps (the idea of TFLM's greedy
 * planner). The order is the whole strategy; see {@link PlacementOrder}.
 */
final class GreedyPlacement {
  private GreedyPlacement() {}

  /** Returns offsets indexed like {@code requests}. */
  static long[] place(List<BufferRequest> requests, List<Integer> order) {
    long[] offsets = new long[requests.size()];
    List<Integer> placed = new ArrayList<>();
    for (int index : order) {
      BufferRequest r = requests.get(index);
      if (r.bytes() == 0) {
        continue; // empty buffers sit at 0 and take no space, so they never conflict
      }
      List<Integer> conflicts = new ArrayList<>();
      for (int other : placed) {
        if (requests.get(other).livesWith(r)) {
          conflicts.add(other);
        }
      }
      conflicts.sort(Comparator.comparingLong(i -> offsets[i]));
      // Walking conflicts by ascending offset, the candidate only moves up, so the first gap
      // that fits is the lowest one: every later conflict starts at or above this one.
      long candidate = 0;
      long size = r.paddedBytes();
      for (int other : conflicts) {
        long start = offsets[other];
        if (Math.addExact(candidate, size) <= start) {
          break;
        }
        long end = start + requests.get(other).paddedBytes();
        candidate = Math.max(candidate, BufferRequest.alignUp(end, r.alignment()));
      }
      offsets[index] = candidate;
      placed.add(index);
    }
    return offsets;
  }
}
