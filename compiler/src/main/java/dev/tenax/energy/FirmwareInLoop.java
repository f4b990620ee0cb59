package dev.tenax.energy;

import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Couples the energy model to the real firmware. For each inference a look-ahead copy of the
 * simulator finds the on-time counts at which the power would fail; the firmware runs on that
 * {@code at:} schedule (QEMU or the host harness, through {@link PowerFailureRun}); its measured
 * on-time, which includes the work it re-executes, then advances the real simulator to the
 * inference's end. Since the MCU draws the same current whatever code it runs, the failure points
 * do not depend on the firmware, only the end does, so the look-ahead and the replay agree.
 */
public final class FirmwareInLoop {
  /** The firmware can take at most this many failure points per run (PowerSchedule). */
  public static final int MAX_FAILURES_PER_INFERENCE = 1024;

  /** Called after each inference (for a progress bar). */
  public interface Progress {
    void inferenceDone(int done, double simulatedSeconds);
  }

  /**
   * All inferences, and why the simulation stopped. {@code neverOn}: the capacitor never reached
   * the turn-on voltage, which no capacitance changes (the harvest's own voltage, or --vmax, is
   * below it).
   */
  public record Outcome(List<InferenceResult> inferences, String stoppedBecause, boolean neverFinished,
      double simulatedSeconds, boolean neverOn, Unfinished unfinished) {}

  /**
   * How far the inference the simulation stopped in got: its power failures and boots, the simulated
   * seconds and on-time units it was given, and the on-time it needs with those failures ({@code -1}
   * when the firmware could not say: it made no progress).
   */
  public record Unfinished(int index, int powerFailures, int boots, double simulatedSeconds, double onTimeUnits,
      long neededUnits) {
    /** Its share of the on-time it needs, in [0, 1], or NaN when that is unknown. */
    public double doneFraction() {
      return neededUnits <= 0 ? Double.NaN : Math.min(1, onTimeUnits / neededUnits);
    }

    /** The same, once the firmware has said how much on-time it needs with these failures. */
    Unfinished needing(long units) {
      return new Unfinished(index, powerFailures, boots, simulatedSeconds, onTimeUnits, units);
    }
  }

  private final ProjectManifest manifest;
  private final List<Map<String, Tensor>> feeds;
  private final LoadProfile load;
  private final long commitsPerInference;
  private final long timeoutSeconds;
  private final Map<Integer, PowerFailureRun.Run> plainRuns = new HashMap<>();

  public FirmwareInLoop(ProjectManifest manifest, List<Map<String, Tensor>> feeds, LoadProfile load,
      long commitsPerInference, long timeoutSeconds) {
    this.manifest = manifest;
    this.feeds = feeds;
    this.load = load;
    this.commitsPerInference = commitsPerInference;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The firmware's run without failures on input set {@code i} (run once, then reused). */
  public PowerFailureRun.Run plain(int i) throws IOException, InterruptedException, UsageException {
    PowerFailureRun.Run r = plainRuns.get(i);
    if (r == null) {
      r = PowerFailureRun.uninterrupted(manifest, feeds.get(i), timeoutSeconds);
      plainRuns.put(i, r);
    }
    return r;
  }

  /** Runs inferences back to back until {@code maxInferences} or {@code untilSeconds} of simulated time. */
  public Outcome run(EnergySimulator sim, int maxInferences, double untilSeconds, Progress progress)
      throws IOException, InterruptedException, UsageException {
    List<InferenceResult> done = new ArrayList<>();
    String stop = "stopped after the " + maxInferences + (maxInferences == 1 ? " inference" : " inferences")
        + " asked for";
    boolean never = false;
    boolean neverOn = false;
    Unfinished unfinished = null;
    for (int k = 0; k < maxInferences; k++) {
      int in = k % feeds.size();
      PowerFailureRun.Run plain = plain(in);
      Attempt a = attempt(sim, k, in, plain, untilSeconds);
      if (a.result == null) {
        stop = a.why;
        never = a.never && done.isEmpty();
        neverOn = a.neverOn;
        unfinished = a.unfinished;
        break;
      }
      done.add(a.result);
      if (progress != null) {
        progress.inferenceDone(done.size(), sim.time());
      }
    }
    return new Outcome(done, stop, never, unfinished == null ? sim.time() : sim.time() + unfinished.simulatedSeconds(),
        neverOn, unfinished);
  }

  private record Attempt(InferenceResult result, String why, boolean never, boolean neverOn, Unfinished unfinished) {
    static Attempt finished(InferenceResult result) {
      return new Attempt(result, null, false, false, null);
    }

    static Attempt stopped(String why, boolean never, boolean neverOn, Unfinished unfinished) {
      return new Attempt(null, why, never, neverOn, unfinished);
    }
  }

  /** One inference from the simulator's current state; the simulator advances only when it completes. */
  private Attempt attempt(EnergySimulator sim, int index, int in, PowerFailureRun.Run plain, double untilSeconds)
      throws IOException, InterruptedException, UsageException {
    long budget = plain.onTime() * 2 + 1000;
    while (true) {
      EnergySimulator probe = sim.probe();
      probe.startInference();
      EnergySimulator.Stretch ahead = probe.runUntil(budget, MAX_FAILURES_PER_INFERENCE, untilSeconds);
      List<Long> at = ahead.failuresAt();
      Unfinished sofar = new Unfinished(index, at.size(), ahead.boots(), probe.time() - sim.time(), probe.units(), -1);
      PowerFailureRun.Run r;
      try {
        r = at.isEmpty() ? plain : PowerFailureRun.interrupted(manifest, feeds.get(in), schedule(at), plain.onTime(),
            timeoutSeconds);
      } catch (QemuRun.FirmwareException e) {
        if (e.getMessage().contains("TENAX-NO-PROGRESS")) { // the firmware's report, on every platform
          return Attempt.stopped("the firmware made no progress: each on-period is shorter than its longest tile "
              + "plus a commit", true, false, sofar);
        }
        throw e;
      }
      sofar = sofar.needing(r.onTime());
      boolean coversRun = ahead.stop() == EnergySimulator.Stop.UNITS_REACHED || r.onTime() <= probe.units();
      if (!coversRun && ahead.stop() == EnergySimulator.Stop.NEVER_ON) {
        // (an inference the on-time before it already covers is done, whatever comes after)
        return Attempt.stopped("the capacitor never reaches the turn-on voltage: a whole pass of the trace leaves "
            + "it no higher (the harvest's voltage, or --vmax, is below --von)", true, true, sofar);
      }
      if (!coversRun) {
        return Attempt.stopped(switch (ahead.stop()) {
          case FAILURES_LIMIT -> "an inference needs more than " + MAX_FAILURES_PER_INFERENCE + " power failures";
          case TIME_LIMIT -> "the simulated time ran out";
          case TRACE_ENDED -> "the trace ended";
          case NO_PROGRESS -> "the capacitor cannot carry the MCU past its boot";
          default -> "unexpected";
        }, ahead.stop() == EnergySimulator.Stop.FAILURES_LIMIT || ahead.stop() == EnergySimulator.Stop.NO_PROGRESS,
            false, sofar);
      }
      if (r.onTime() > budget) {
        budget = r.onTime() * 2;
        continue;
      }
      double start = sim.time();
      EnergyLedger before = sim.ledger().copy();
      sim.startInference();
      EnergySimulator.Stretch real = sim.runUntil(r.onTime(), MAX_FAILURES_PER_INFERENCE + 1, Double.MAX_VALUE);
      sim.markInferenceDone();
      EnergySplit energy = EnergySplit.of(sim.ledger().since(before), r.onTime(), plain.onTime(), commitsPerInference,
          load);
      return Attempt.finished(new InferenceResult(index, in, start, sim.time(), r.onTime() / load.unitsPerSecond(), r.onTime(),
          plain.onTime(), real.failuresAt().size(), real.boots(), correctness(plain.outputs(), r.outputs()), energy,
          r.outputs()));
    }
  }

  private static PowerSchedule schedule(List<Long> at) throws UsageException {
    return PowerSchedule.parse("at:" + at.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /** Per output: whether the interrupted run's values equal the uninterrupted run's. */
  static Map<String, Boolean> correctness(Map<String, Tensor> expected, Map<String, Tensor> actual) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : expected.entrySet()) {
      Tensor a = actual.get(e.getKey());
      m.put(e.getKey(), e.getValue().equals(a)); // bit for bit, whatever the type
    }
    return m;
  }
}
