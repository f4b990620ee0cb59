package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.QemuRun.FirmwareException;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every first write of an MSP430 inference with the simulator's few watchpoints: the NVM
 * words are split into batches that fit the slots left by the three breakpoints (tenax_exit,
 * tenax_power_fail, tx_progress_commit), two slots a word (one per byte), and each batch is
 * watched in one uninterrupted run. At a hit the driver decodes which word the instruction stored
 * to ({@link Msp430StoreDecoder}), records it with the commits so far and the MCLK count, and
 * stops watching it until the next commit.
 *
 * <p>TODO(issue 6): the discovery costs one full run per 14 words, fine for the tiny CNN (380
 * words, 28 runs, ~5 s) but ~200 runs for the MNIST example's 5.7 KB arena. The plan knows which
 * words each tile writes; batching by tile (watching only the words of the tiles in flight, in a
 * run that also breaks at the commits) would need one run per few tiles instead.
 */
final class Msp430FirstWriteDiscovery {
  /** Bytes in an MSP430 word. */
  static final int WORD = 2;

  /** Words one run can watch: the slots the breakpoints leave, one per byte. */
  static final int WORDS_PER_RUN = (Msp430Breakpoints.SLOTS - 3) / WORD;

  private Msp430FirstWriteDiscovery() {}

  static Msp430FirstWrites.Discovery discover(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds)
      throws IOException, UsageException {
    ElfSymbols symbols = ElfSymbols.read(HostBuild.make(m.dir(), m.name() + ".elf"));
    List<Long> words = NvmWords.of(symbols, m, "tenax_output_", WORD);
    long commit = address(symbols, m, "tx_progress_commit");
    long exit = address(symbols, m, "tenax_exit");
    List<Msp430FirstWrites.Event> events = new ArrayList<>();
    PowerFailureRun.Run run = null;
    for (int from = 0; from < words.size(); from += WORDS_PER_RUN) {
      List<Long> batch = words.subList(from, Math.min(words.size(), from + WORDS_PER_RUN));
      run = Msp430PowerRun.session(m, feed, null, timeoutSeconds, r -> watch(r, m, batch, commit, exit, events));
    }
    events.sort(Comparator.comparingLong(Msp430FirstWrites.Event::cycle));
    return new Msp430FirstWrites.Discovery(run, List.copyOf(events));
  }

  /** One uninterrupted run watching {@code words}, adding their first writes to {@code events}. */
  private static PowerFailureRun.Run watch(Msp430PowerRun r, ProjectManifest m, List<Long> words, long commit,
      long exit, List<Msp430FirstWrites.Event> events) throws IOException {
    r.powerOn();
    Msp430Breakpoints.breakAt(r, "tx_progress_commit");
    Map<Long, int[]> slots = new HashMap<>();
    int commits = 0;
    watchAll(r, words, slots);
    while (true) {
      Msp430Stop stop = Msp430Stop.parse(r.command("run"));
      if (stop.pc() == exit) {
        return r.stoppedAtExit(m);
      }
      if (stop.pc() == commit) {
        // entering a commit: the stretch's stores are done, the next stretch's are new events
        commits++;
        watchAll(r, words, slots);
        continue;
      }
      long word = storedWord(r, stop, slots.keySet());
      for (int slot : slots.remove(word)) {
        Msp430Breakpoints.clear(r, slot);
      }
      events.add(new Msp430FirstWrites.Event(new FirstWriteSweep.FirstWrite(commits, word), r.bootCycles()));
    }
  }

  private static void watchAll(Msp430PowerRun r, List<Long> words, Map<Long, int[]> slots) throws IOException {
    for (long w : words) {
      if (!slots.containsKey(w)) {
        slots.put(w, new int[] {Msp430Breakpoints.watchWrites(r, w), Msp430Breakpoints.watchWrites(r, w + 1)});
      }
    }
  }

  /**
   * The word among {@code watched} that the instruction before the stop stored to; fails when the
   * stop was not a store to exactly one of them.
   */
  static long storedWord(Msp430PowerRun r, Msp430Stop stop, Set<Long> watched) throws IOException {
    byte[] code = r.memory((stop.pc() - 6) & 0xFFFF, 6);
    Set<Long> hit = new HashSet<>();
    for (int a : Msp430StoreDecoder.candidates(code, stop.pc(), stop.registers())) {
      long word = a & ~(long) (WORD - 1);
      if (watched.contains(word)) {
        hit.add(word);
      }
    }
    if (hit.size() != 1) {
      throw new FirmwareException("the simulator stopped at 0x" + Integer.toHexString(stop.pc()) + " in "
          + stop.function() + " where the instruction before " + (hit.isEmpty() ? "stored to no watched word"
          : "may have stored to any of the watched words " + hit) + " (a first-write sweep cannot place this store)");
    }
    return hit.iterator().next();
  }

  static long address(ElfSymbols symbols, ProjectManifest m, String name) throws UsageException {
    return symbols.find(name).orElseThrow(() -> new UsageException(m.dir() + " has no " + name
        + " (generated by an older Tenax, or not an intermittent MSP430 build?); compile the model again")).address();
  }
}
