package dev.tenax.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The largest total padded size of buffers live at one step: no placement can use less arena.
 *
 * @param step the earliest step where the peak is reached (0 when nothing takes space)
 * @param live indices (request order) of the non-empty buffers live at that step
 */
record PeakUsage(long bytes, int step, List<Integer> live) {
  static PeakUsage of(List<BufferRequest> requests) {
    // The sum only grows when a buffer starts, so the peak is at some buffer's first step:
    // sweep +size at firstStep and -size after lastStep, frees before allocations at one step.
    int n = requests.size();
    long[][] events = new long[2 * n][];
    for (int i = 0; i < n; i++) {
      BufferRequest r = requests.get(i);
      events[2 * i] = new long[] {r.firstStep(), 1, r.paddedBytes()};
      events[2 * i + 1] = new long[] {(long) r.lastStep() + 1, 0, -r.paddedBytes()};
    }
    Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long current = 0;
    long best = 0;
    int bestStep = 0;
    for (long[] e : events) {
      current = Math.addExact(current, e[2]); // a real arena this large is a bug upstream
      if (current > best) {
        best = current;
        bestStep = (int) e[0];
      }
    }
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BufferRequest r = requests.get(i);
      if (best > 0 && r.bytes() > 0 && r.firstStep() <= bestStep && bestStep <= r.lastStep()) {
        live.add(i);
      }
    }
    return new PeakUsage(best, bestStep, List.copyOf(live));
  }
}
