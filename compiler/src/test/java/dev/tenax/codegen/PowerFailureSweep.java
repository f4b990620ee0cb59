package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.FirstWriteSweep;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sweeps of one power failure per run over numbered events of an intermittent build (NVM writes,
 * first writes of NVM words), each run checked against the Java evaluator's bits.
 */
final class PowerFailureSweep {
  private PowerFailureSweep() {}

  static void assertBitExact(Map<String, Tensor> want, Map<String, Tensor> got, String what) {
    for (String out : want.keySet()) {
      assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.get(out)), what + ": output "
          + out);
    }
  }

  /**
   * Runs {@code kind + ":" + k} (e.g. {@code at-nvm-writes:k}) for each k in 1..{@code events}
   * that {@code which} accepts, the power failing once, and once for k = events + 1, where the
   * schedule never fires; every run must end with {@code want}. Returns how many runs there were.
   */
  static int oneFailurePerRun(ProjectManifest m, Map<String, Tensor> feed, Map<String, Tensor> want, String kind,
      int events, IntPredicate which) throws Exception {
    return oneFailurePerRun(want, kind, events, which, s -> PowerFailureRun.interrupted(m, feed, s, 0, 120));
  }

  /** Runs one schedule (a platform's runner that reuses what it found once, say). */
  interface Runner {
    PowerFailureRun.Run run(PowerSchedule schedule) throws Exception;
  }

  /** As above, each run made by {@code runner}. */
  static int oneFailurePerRun(Map<String, Tensor> want, String kind, int events, IntPredicate which, Runner runner)
      throws Exception {
    int ran = 0;
    for (int k = 1; k <= events + 1; k++) {
      if (!which.test(k) && k <= events) {
        continue;
      }
      PowerFailureRun.Run got = runner.run(PowerSchedule.parse(kind + ":" + k));
      String what = kind + ":" + k + " of " + events;
      assertEquals(k <= events ? 1 : 0, got.failures(), what + ": " + got.console());
      assertEquals(got.failures() + 1, got.boots(), what);
      assertBitExact(want, got.outputs(), what + ", after " + got.failures() + " power failures");
      ran++;
    }
    return ran;
  }

  /**
   * A discovery run's first writes: none counted twice, every stretch between commits (the
   * restart's commit comes first, then one per tile of the {@code steps}) has some, and later
   * tiles store again to words earlier ones wrote. Returns the last {@code outputWords} events,
   * which must all be the last tile's (the dequantize writes the float outputs last).
   */
  static List<FirstWriteSweep.FirstWrite> assertFirstWritesOfEveryTile(List<FirstWriteSweep.FirstWrite> events,
      int steps, int outputWords) {
    assertEquals(events.size(), new HashSet<>(events).size(), "an event counted twice: " + events);
    Set<Integer> stretches = events.stream().map(FirstWriteSweep.FirstWrite::commits).collect(Collectors.toSet());
    assertEquals(IntStream.rangeClosed(1, steps).boxed().collect(Collectors.toSet()), stretches);
    Set<Long> words = events.stream().map(FirstWriteSweep.FirstWrite::address).collect(Collectors.toSet());
    assertTrue(events.size() > words.size() + 20, events.size() + " events over " + words.size() + " words");
    List<FirstWriteSweep.FirstWrite> last = events.subList(events.size() - outputWords, events.size());
    for (FirstWriteSweep.FirstWrite f : last) {
      assertEquals(steps, f.commits(), "the outputs come last: " + last);
    }
    return last;
  }
}
