package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import java.util.Map;
import java.util.function.IntPredicate;

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
    int ran = 0;
    for (int k = 1; k <= events + 1; k++) {
      if (!which.test(k) && k <= events) {
        continue;
      }
      PowerFailureRun.Run got = PowerFailureRun.interrupted(m, feed, PowerSchedule.parse(kind + ":" + k), 0, 120);
      String what = kind + ":" + k + " of " + events;
      assertEquals(k <= events ? 1 : 0, got.failures(), what + ": " + got.console());
      assertEquals(got.failures() + 1, got.boots(), what);
      assertBitExact(want, got.outputs(), what + ", after " + got.failures() + " power failures");
      ran++;
    }
    return ran;
  }
}
