package dev.tenax.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The largest total padded size of buffers live at one step: no placement can use less arena.
 * Two buffers that may share bytes ({@link SharedBytes}) count, while both are live, as the least
 * span they can take together.
 *
 * @param step the earliest step where the peak is reached (0 when nothing takes space)
 * @param live indices (request order) of the non-empty buffers live at that step
 */
record PeakUsage(long bytes, int step, List<Integer> live) {
  static PeakUsage of(List<BufferRequest> requests) {
    return of(requests, List.of());
  }

  static PeakUsage of(List<BufferRequest> requests, List<SharedBytes> shared) {
    int steps = 0;
    for (BufferRequest r : requests) {
      steps = Math.max(steps, r.lastStep() + 1);
    }
    // +size from the first step, -size after the last; a shared pair gives back what overlaps
    long[] delta = new long[steps + 1];
    for (BufferRequest r : requests) {
      delta[r.firstStep()] = Math.addExact(delta[r.firstStep()], r.paddedBytes());
      delta[r.lastStep() + 1] -= r.paddedBytes();
    }
    Map<String, BufferRequest> byName = new java.util.HashMap<>();
    requests.forEach(r -> byName.put(r.name(), r));
    for (SharedBytes s : shared) {
      BufferRequest in = byName.get(s.input());
      BufferRequest out = byName.get(s.output());
      int first = Math.max(in.firstStep(), out.firstStep());
      int last = Math.min(in.lastStep(), out.lastStep());
      if (first <= last) {
        long together = Math.min(Math.max(out.paddedBytes(), s.below() + in.paddedBytes()),
            Math.max(in.paddedBytes(), s.above() + out.paddedBytes()));
        long saved = Math.max(0, in.paddedBytes() + out.paddedBytes() - together);
        delta[first] -= saved;
        delta[last + 1] += saved;
      }
    }
    long current = 0;
    long best = 0;
    int bestStep = 0;
    for (int step = 0; step < steps; step++) {
      current += delta[step];
      if (current > best) {
        best = current;
        bestStep = step;
      }
    }
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      BufferRequest r = requests.get(i);
      if (best > 0 && r.bytes() > 0 && r.firstStep() <= bestStep && bestStep <= r.lastStep()) {
        live.add(i);
      }
    }
    return new PeakUsage(best, bestStep, List.copyOf(live));
  }
}
