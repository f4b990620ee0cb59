package dev.tenax.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places buffers one at a time, in a given order, at the lowest aligned offset that does not
 * collide with an already placed buffer whose lifetime overlaps (the idea of TFLM's greedy
 * planner). The order is the whole strategy; see {@link PlacementOrder}. Buffers that may share
 * bytes ({@link SharedBytes}) forbid each other a narrower range of offsets.
 */
final class GreedyPlacement {
  private GreedyPlacement() {}

  /** Returns offsets indexed like {@code requests}. */
  static long[] place(List<BufferRequest> requests, List<Integer> order) {
    return place(requests, order, List.of());
  }

  /** Returns offsets indexed like {@code requests}, letting {@code shared} pairs overlap as they allow. */
  static long[] place(List<BufferRequest> requests, List<Integer> order, List<SharedBytes> shared) {
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
      // Each conflict forbids the open range (lo, hi) of offsets; walking them by ascending lo,
      // the candidate only moves up, so the first one it stays at or under leaves the lowest fit.
      long size = r.paddedBytes();
      List<long[]> forbidden = new ArrayList<>();
      for (int other : conflicts) {
        forbidden.add(forbidden(r, size, requests.get(other), offsets[other], shared));
      }
      forbidden.sort(Comparator.comparingLong(f -> f[0]));
      long candidate = 0;
      for (long[] f : forbidden) {
        if (candidate <= f[0]) {
          break;
        }
        candidate = Math.max(candidate, BufferRequest.alignUp(f[1], r.alignment()));
      }
      offsets[index] = candidate;
      placed.add(index);
    }
    return offsets;
  }

  /** The offsets {@code r} may not take next to {@code other}, placed at {@code at}: {lo, hi}, exclusive. */
  private static long[] forbidden(BufferRequest r, long size, BufferRequest other, long at, List<SharedBytes> shared) {
    for (SharedBytes s : shared) {
      if (s.output().equals(r.name()) && s.input().equals(other.name())) {
        return new long[] {at - s.below(), at + s.above()};
      }
      if (s.input().equals(r.name()) && s.output().equals(other.name())) {
        return new long[] {at - s.above(), at + s.below()};
      }
    }
    return new long[] {at - size, at + other.paddedBytes()};
  }
}
