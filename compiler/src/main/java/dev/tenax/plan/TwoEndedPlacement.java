package dev.tenax.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Exact placement for the common sequential-network shape where at most two non-empty buffers
 * are live at any step (each kernel reads one tensor and writes the next). Such buffers form
 * chains, which are two-colourable: one colour sits at offset 0, the other flush against the
 * top of an arena exactly as large as the peak. Any two buffers live together fit because their
 * padded sizes sum to at most the peak. Greedy orders can miss this optimum (for example a small
 * buffer between two big ones pushes one of them up), which is why this strategy exists.
 */
final class TwoEndedPlacement {
  static final String LABEL = "two-ended";

  private TwoEndedPlacement() {}

  /** Offsets indexed like {@code requests}, or empty when the shape or alignments do not allow it. */
  static Optional<long[]> place(List<BufferRequest> requests, long peak) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).bytes() > 0) {
        order.add(i);
      }
    }
    Comparator<BufferRequest> byStart = Comparator.comparingInt(BufferRequest::firstStep)
        .thenComparingLong(r -> -r.paddedBytes())
        .thenComparing(BufferRequest::name);
    order.sort((a, b) -> byStart.compare(requests.get(a), requests.get(b)));

    long[] offsets = new long[requests.size()];
    boolean[] top = new boolean[requests.size()];
    List<Integer> done = new ArrayList<>();
    for (int index : order) {
      BufferRequest r = requests.get(index);
      // Every earlier-starting neighbour is live at r.firstStep together with r, so with at most
      // two live buffers there is at most one, and r takes the other end.
      Integer neighbour = null;
      for (int other : done) {
        if (requests.get(other).livesWith(r)) {
          if (neighbour != null) {
            return Optional.empty(); // three buffers live at once: not a chain
          }
          neighbour = other;
        }
      }
      top[index] = neighbour != null && !top[neighbour];
      if (top[index]) {
        long offset = peak - r.paddedBytes();
        if (offset % r.alignment() != 0) {
          return Optional.empty(); // the top end is not aligned for this buffer
        }
        offsets[index] = offset;
      }
      done.add(index);
    }
    return Optional.of(offsets);
  }
}
