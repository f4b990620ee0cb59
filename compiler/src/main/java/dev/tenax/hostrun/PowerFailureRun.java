package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs an intermittent build's firmware (host harness, Cortex-M under QEMU, or MSP430 under
 * mspdebug sim) once without power failures and then on a {@link PowerSchedule}, and compares the
 * two runs' outputs. Used by
 * {@code tenax run --power-failures} and by the energy simulator, which turns a harvesting trace
 * into an {@code at:} schedule.
 */
public final class PowerFailureRun {
  private PowerFailureRun() {}

  /**
   * One run. {@code onTime} counts the platform's unit ({@link #unit(Target)}) from power-on to the
   * end of the inference over all boots, or is {@link #NOT_MEASURED}.
   */
  public record Run(Map<String, Tensor> outputs, long onTime, int boots, int failures, String console) {}

  /**
   * The on-time of a run driven through QEMU's gdbstub (first-writes schedules on Cortex-M): QEMU's virtual
   * clock runs on for a host-dependent while each time the debugger holds the core, so SysTick
   * does not count the instructions there.
   */
  public static final long NOT_MEASURED = -1;

  /** A run with failures next to the uninterrupted one. */
  public record Outcome(Run plain, Run interrupted, boolean identical) {
    /** On-time spent beyond the uninterrupted run, as a fraction of it (re-executed work and commits redone). */
    public double reexecutedFraction() {
      return (interrupted.onTime() - plain.onTime()) / (double) Math.max(1, plain.onTime());
    }
  }

  /** What the schedule's counts mean on this target. */
  public static String unit(Target t) {
    if (t.isHost()) {
      return "events (NVM word writes and finished tiles)";
    }
    return msp430(t) ? "MCLK cycles" : "instructions";
  }

  /** Whether the on-time includes the boots (on MSP430 it counts from every reset; elsewhere from the harness's start). */
  public static boolean onTimeCountsBoots(Target t) {
    return msp430(t);
  }

  private static boolean msp430(Target t) {
    return t.family().equals("msp430");
  }

  /** The target of an intermittent project, or a usage error saying why it cannot run with failures. */
  public static Target target(ProjectManifest m) throws UsageException {
    if (!m.intermittent()) {
      throw new UsageException(m.dir() + " is not an intermittent build: compile it with --intermittent");
    }
    Target t = Targets.find(m.target()).orElseThrow(() -> new UsageException("unknown target " + m.target()));
    return t;
  }

  /** The firmware's run without power failures (the harness still commits progress). */
  public static Run uninterrupted(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds)
      throws IOException, InterruptedException, UsageException {
    return execute(m, feed, timeoutSeconds, null, 0, target(m));
  }

  /** The firmware's run on {@code schedule}; {@code plainOnTime} sizes random schedules. */
  public static Run interrupted(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule,
      long plainOnTime, long timeoutSeconds) throws IOException, InterruptedException, UsageException {
    try {
      return execute(m, feed, timeoutSeconds, schedule, plainOnTime, target(m));
    } catch (QemuRun.FirmwareException e) {
      if (schedule != null && schedule.onNvmWrites() && e.getMessage().contains("TENAX-NO-PROGRESS")) {
        // the firmware's advice (capacitor, tile size) is for on-time schedules: here the failures
        // come every K writes, whatever the capacitor, and a boot with its commit writes more
        java.util.regex.Matcher head = java.util.regex.Pattern.compile("TENAX-NO-PROGRESS[^:]*").matcher(e.getMessage());
        throw new QemuRun.FirmwareException((head.find() ? head.group() : "TENAX-NO-PROGRESS") + ": the schedule fails the "
            + "power at NVM writes, and every boot with its commit writes more words than it lets through; give a "
            + "larger count (nvm-writes:K with K above the words one commit writes, about 20 on these builds)");
      }
      throw e;
    }
  }

  /** Both runs and whether every output holds the same values. */
  public static Outcome compare(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule,
      long timeoutSeconds) throws IOException, InterruptedException, UsageException {
    Run plain = uninterrupted(m, feed, timeoutSeconds);
    Run r = interrupted(m, feed, schedule, plain.onTime(), timeoutSeconds);
    return new Outcome(plain, r, identical(plain.outputs(), r.outputs()));
  }

  /** Whether two runs' outputs hold the same values, output by output. */
  public static boolean identical(Map<String, Tensor> a, Map<String, Tensor> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, Tensor> e : a.entrySet()) {
      if (!e.getValue().equals(b.get(e.getKey()))) { // bit for bit, whatever the type
        return false;
      }
    }
    return true;
  }

  /** Firmware counter ticks per 1e9 units: the clock on Cortex-M (-icount shift=0), 1e9 on the host. */
  private static long perBillion(Target t) {
    return t.isHost() ? 1_000_000_000L : t.clockHz();
  }

  private static Run execute(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds,
      PowerSchedule powerSchedule, long plainOnTime, Target t) throws IOException, InterruptedException,
      UsageException {
    boolean firstWrites = powerSchedule != null && powerSchedule.onFirstWrites();
    if (firstWrites && t.isHost()) {
      HostFirstWrites.requireSupported();
    }
    if (firstWrites && msp430(t)) {
      // the simulator's few watchpoints find the first writes in batches first, then fail at them
      return Msp430FirstWrites.run(m, feed, powerSchedule, Msp430FirstWrites.discover(m, feed, timeoutSeconds),
          timeoutSeconds);
    }
    if (msp430(t)) {
      // the driver injects the failures itself; the on-time is in MCLK cycles
      return Msp430PowerRun.run(m, feed, powerSchedule, plainOnTime, timeoutSeconds);
    }
    QemuRun.Result r;
    if (firstWrites && !t.isHost()) {
      // a debugger watches the kernels' stores; the firmware sees no schedule
      r = FirstWriteSweep.run(m, feed, powerSchedule, timeoutSeconds).run();
    } else {
      byte[] schedule;
      try {
        schedule = powerSchedule == null ? null : powerSchedule.firmwareFile(plainOnTime, perBillion(t));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--power-failures: " + e.getMessage() + " (the firmware counts at most 2^32 - 1 "
            + "SysTick ticks and 1024 points)");
      }
      if (t.isHost()) {
        // the host harness counts events (NVM word writes and finished tiles), not instructions, and
        // watches first writes itself
        List<String> harness = List.of(HostBuild.make(m.dir(), m.name() + "_power").toAbsolutePath().toString());
        r = QemuRun.runHarness(m, harness, feed, timeoutSeconds, schedule);
      } else {
        r = schedule == null ? QemuRun.run(m, feed, timeoutSeconds) : QemuRun.run(m, feed, timeoutSeconds, schedule);
      }
    }
    long onTime = firstWrites && !t.isHost() ? NOT_MEASURED : Math.round(r.ticks() * 1e9 / perBillion(t));
    return new Run(r.outputs(), onTime, r.boots(), r.failures(), r.console());
  }
}
