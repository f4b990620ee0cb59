package dev.tenax.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every buffer lives in the arena.
 *
 * <p>{@code arenaBytes} counts each buffer rounded up to its alignment (see
 * {@link BufferRequest#paddedBytes()}), which is what makes {@code lowerBound} a real lower bound
 * on it. {@code peakStep} and {@code liveAtPeak} name the step and buffers (request order) that
 * form the lower bound, so the compile summary can explain why the arena cannot be smaller.
 *
 * @param offsets byte offset per buffer name, in request order
 * @param alignment the alignment the arena itself needs (largest request alignment, at least 1)
 * @param strategy the placement strategy that produced these offsets
 */
public record ArenaPlan(
    Map<String, Long> offsets,
    long arenaBytes,
    long lowerBound,
    int alignment,
    String strategy,
    int peakStep,
    List<String> liveAtPeak) {
  public ArenaPlan {
    // Copy into a LinkedHashMap: Map.copyOf would lose the request order the summary prints in.
    offsets = Collections.unmodifiableMap(new LinkedHashMap<>(offsets));
    liveAtPeak = List.copyOf(liveAtPeak);
    if (arenaBytes < lowerBound) {
      throw new IllegalArgumentException("arena " + arenaBytes + " below lower bound " + lowerBound);
    }
  }

  /** Bytes the plan uses above the lower bound (0 when it is provably optimal). */
  public long wastedBytes() {
    return arenaBytes - lowerBound;
  }
}
