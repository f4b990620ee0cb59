package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.QemuRun.FirmwareException;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run of an MSP430 build with the power failing right before chosen first writes, numbered as
 * in a discovery run ({@link Msp430FirstWrites}). For each failing event in turn the driver runs
 * (breaking at tx_progress_commit) until the commits reach the event's, then watches the event's
 * word alone: the first store to it from there is the event, since the stretch re-executed after a
 * failure repeats its stores in order. After the store the driver writes the word's old bytes
 * back and makes the power fail. After the last failing event it clears its breakpoints and the
 * firmware runs to the end at full speed. A commit, or the end, where the driver expects the store
 * means the run left the discovery run's path, which is reported rather than guessed around.
 */
final class Msp430FirstWriteFailures {
  /**
   * Failures between two commits that keep the firmware from splitting the tile in flight: it
   * splits on its fourth boot from one commit (SPLIT_AFTER_BOOTS in model.c.ftl). One fewer in the
   * first stretch, since the first boot counts as a boot from the restart's commit.
   */
  static final int MAX_FAILURES_PER_STRETCH = 3;

  private Msp430FirstWriteFailures() {}

  static PowerFailureRun.Run run(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule,
      List<Msp430FirstWrites.Event> events, long timeoutSeconds) throws IOException, UsageException {
    if (!schedule.none() && !schedule.onFirstWrites()) {
      throw new IllegalArgumentException("not a first-writes schedule: " + schedule);
    }
    List<FirstWriteSweep.FirstWrite> failing = failing(schedule, events);
    ElfSymbols symbols = ElfSymbols.read(HostBuild.make(m.dir(), m.name() + ".elf"));
    long commit = Msp430FirstWriteDiscovery.address(symbols, m, "tx_progress_commit");
    long exit = Msp430FirstWriteDiscovery.address(symbols, m, "tenax_exit");
    return Msp430PowerRun.session(m, feed, schedule, timeoutSeconds, r -> {
      r.powerOn();
      int commitSlot = Msp430Breakpoints.breakAt(r, "tx_progress_commit");
      int commits = 0;
      for (FirstWriteSweep.FirstWrite f : failing) {
        while (commits < f.commits()) {
          commits += expectCommit(r, commit, f);
        }
        failBefore(r, f, commit, exit);
      }
      Msp430Breakpoints.clear(r, commitSlot);
      return r.runToEnd(m);
    });
  }

  /** The discovery run's events the schedule fails at, refused when one stretch would get too many. */
  private static List<FirstWriteSweep.FirstWrite> failing(PowerSchedule schedule, List<Msp430FirstWrites.Event> events)
      throws UsageException {
    List<FirstWriteSweep.FirstWrite> failing = new ArrayList<>();
    Map<Integer, Integer> perStretch = new HashMap<>();
    for (int n = 1; n <= events.size(); n++) {
      if (!schedule.none() && schedule.failsAtFirstWrite(n)) {
        FirstWriteSweep.FirstWrite f = events.get(n - 1).write();
        int most = f.commits() == 1 ? MAX_FAILURES_PER_STRETCH - 1 : MAX_FAILURES_PER_STRETCH;
        if (perStretch.merge(f.commits(), 1, Integer::sum) > most) {
          throw new UsageException("the schedule fails more than " + most + " times between two commits "
              + "(at first write " + n + "), after which the firmware splits the tile and the first writes no longer "
              + "follow the uninterrupted run's on MSP430; use a larger stride or fewer points per tile");
        }
        failing.add(f);
      }
    }
    return failing;
  }

  /** Runs to the next commit; 1, or a failure when the firmware ends first. */
  private static int expectCommit(Msp430PowerRun r, long commit, FirstWriteSweep.FirstWrite next) throws IOException {
    Msp430Stop stop = Msp430Stop.parse(r.command("run"));
    if (stop.pc() != commit) {
      throw new FirmwareException("the firmware stopped in " + stop.function() + " before its commit "
          + next.commits() + ", where first write " + next + " of the uninterrupted run is:\n" + r.consoleTail());
    }
    return 1;
  }

  /** Watches {@code f}'s word until the store, undoes the store and makes the power fail. */
  private static void failBefore(Msp430PowerRun r, FirstWriteSweep.FirstWrite f, long commit, long exit)
      throws IOException {
    long word = f.address();
    byte[] old = r.memory(word, Msp430FirstWriteDiscovery.WORD);
    int[] slots = {Msp430Breakpoints.watchWrites(r, word), Msp430Breakpoints.watchWrites(r, word + 1)};
    Msp430Stop stop = Msp430Stop.parse(r.command("run"));
    if (stop.pc() == commit || stop.pc() == exit) {
      throw new FirmwareException("the firmware reached " + stop.function() + " without storing to 0x"
          + Long.toHexString(word) + " (first write " + f + " of the uninterrupted run):\n" + r.consoleTail());
    }
    Msp430FirstWriteDiscovery.storedWord(r, stop, Set.of(word));
    // the power fails right before the store: its instruction wrote nothing else to memory
    r.writeMemory(word, old);
    for (int slot : slots) {
      Msp430Breakpoints.clear(r, slot);
    }
    r.powerFailure(r.bootCycles());
  }
}
