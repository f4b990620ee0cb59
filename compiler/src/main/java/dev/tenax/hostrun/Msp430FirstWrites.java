package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Power failures right before the first store to NVM words on MSP430 under mspdebug's simulator:
 * the same events as {@link FirstWriteSweep} on Cortex-M (a tile's first store to a 16-bit word of
 * the harness's {@code arena} or {@code tenax_output_<i>}, numbered in the order they happen, the
 * words watched again from every {@code tx_progress_commit}), found differently because the
 * simulator has 32 breakpoint slots, a watchpoint per byte, and stops after the store:
 *
 * <ol>
 *   <li>Discovery ({@link Msp430FirstWriteDiscovery}): uninterrupted runs, each watching one batch
 *       of words, record every first write with the MCLK count after its store; sorted by that
 *       count, the batches give the run's events in order.
 *   <li>Failures ({@link Msp430FirstWriteFailures}): a run counts the commits up to a failing
 *       event's stretch, then watches that one word; when the store has happened the driver puts
 *       the word's old bytes back (the store is the instruction's only memory write, so this is
 *       the state right before it) and the power fails (SRAM filled with random bytes, reset).
 * </ol>
 *
 * A tile re-executed after a failure stores to the same words in the same order, so the events
 * after a failure are the discovery run's next ones, as on Cortex-M, as long as the firmware
 * does not split the tile (its fourth boot from one commit would): a schedule with more than
 * {@link Msp430FirstWriteFailures#MAX_FAILURES_PER_STRETCH} failures between two commits is refused.
 */
public final class Msp430FirstWrites {
  /** A first write and the MCLK count after its store, in the uninterrupted run. */
  public record Event(FirstWriteSweep.FirstWrite write, long cycle) {}

  /** The uninterrupted run (under the watchpoints of the last batch) and every first write in order. */
  public record Discovery(PowerFailureRun.Run run, List<Event> events) {
    public List<FirstWriteSweep.FirstWrite> firstWrites() {
      return events.stream().map(Event::write).toList();
    }
  }

  private Msp430FirstWrites() {}

  /** Every first write of the inference, in order (one uninterrupted run per batch of words). */
  public static Discovery discover(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds)
      throws IOException, UsageException {
    return Msp430FirstWriteDiscovery.discover(m, feed, timeoutSeconds);
  }

  /**
   * One run with the power failing right before the first writes {@code schedule} names, numbered
   * as in {@code discovery}; the on-time is in MCLK cycles (boots included, the interrupted store
   * instruction too).
   */
  public static PowerFailureRun.Run run(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule,
      Discovery discovery, long timeoutSeconds) throws IOException, UsageException {
    return Msp430FirstWriteFailures.run(m, feed, schedule, discovery.events(), timeoutSeconds);
  }
}
