package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenax.hostrun.HostFirstWrites;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.testing.HostGcc;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power failing right before a tile's first store to a word of the arena or the outputs, on
 * the host: the intermittent harness (power_main.c) write-protects those pages and single-steps
 * each store, so the tiny CNN of 'tenax example' in small tiles, built for the host, gives the same
 * events as on Cortex-M and ends with the Java integer evaluator's bits whichever first write the
 * power fails at.
 */
class HostFirstWriteTest {
  private static CortexMFirstWriteTest.SmallCnn cnn;

  /** One build and discovery run for the quick cases. */
  @BeforeAll
  static void compileOnce(@TempDir Path dir) throws Exception {
    cnn = compile(dir);
  }

  private static CortexMFirstWriteTest.SmallCnn compile(Path dir) throws Exception {
    HostGcc.require();
    assumeTrue(HostFirstWrites.supported(), "the host harness watches first writes on Linux x86-64 only");
    return CortexMFirstWriteTest.SmallCnn.compile(dir, "host");
  }

  @Test
  void theDiscoveryRunListsTheFirstStoreOfEachWordInEachTile() {
    cnn.assertEveryTileStoresAndTheOutputsComeLast();
  }

  /** A sample of events (about one in six, the first and the last included), one failure each. */
  @Test
  void aFailureBeforeTheFirstStoreOfSampledWordsLeavesTheOutputsBitExact() throws Exception {
    int events = cnn.firstWrites().size();
    int ran = cnn.sweep(k -> k == 1 || k == events || k % 6 == 5);
    assertTrue(ran > events / 6, ran + " runs of " + events + " events");
  }

  /**
   * Several failures in one run, through the schedule 'tenax run' takes; the harness counts the
   * discovery run's events. (A shorter stride fails some tile more than three times in a row, which
   * then runs in halves: a new stretch, whose stores are events again.)
   */
  @Test
  void aFailureAtEveryTwentiethFirstWriteLeavesTheOutputsBitExact() throws Exception {
    PowerFailureRun.Run got = PowerFailureRun.interrupted(cnn.manifest(), cnn.feed(),
        PowerSchedule.parse("first-writes:20"), 0, 120);
    int events = cnn.firstWrites().size();
    assertEquals(events / 20, got.failures(), got.console());
    assertEquals(got.failures() + 1, got.boots());
    assertTrue(got.console().contains("first-writes=" + events + " "), got.console());
    PowerFailureSweep.assertBitExact(cnn.want(), got.outputs(), "first-writes:20");
  }

  /** Every first write of every tile, one run each, for the thorough profile. */
  static void sweepEveryWord(Path dir) throws Exception {
    CortexMFirstWriteTest.SmallCnn all = compile(dir);
    assertEquals(all.firstWrites().size() + 1, all.sweep(k -> true));
  }
}
