package dev.tenax.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code tenax simulate} prints: the setup, each inference, totals; as text or one JSON object. */
public record SimulationReport(Map<String, Object> setup, FirmwareInLoop.Outcome outcome, double smallestFarads) {
  public boolean allCorrect() {
    return outcome.inferences().stream().allMatch(InferenceResult::correct);
  }

  public EnergySplit totalEnergy() {
    EnergySplit sum = new EnergySplit(0, 0, 0, 0, 0, 0, 0, 0);
    for (InferenceResult r : outcome.inferences()) {
      sum = sum.plus(r.energy());
    }
    return sum;
  }

  public int powerFailures() {
    return outcome.inferences().stream().mapToInt(InferenceResult::powerFailures).sum();
  }

  public double meanLatency() {
    return outcome.inferences().stream().mapToDouble(InferenceResult::latencyS).average().orElse(Double.NaN);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>(setup);
    List<InferenceResult> rs = outcome.inferences();
    m.put("inferences_completed", rs.size());
    m.put("all_outputs_correct", allCorrect());
    m.put("power_failures", powerFailures());
    m.put("stopped_because", outcome.stoppedBecause());
    m.put("simulated_s", outcome.simulatedSeconds());
    List<Object> latency = new ArrayList<>();
    List<Object> cycles = new ArrayList<>();
    List<Object> detail = new ArrayList<>();
    for (InferenceResult r : rs) {
      latency.add(r.latencyS());
      cycles.add(r.powerFailures());
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("input_set", r.inputIndex());
      d.put("start_s", r.startS());
      d.put("latency_s", r.latencyS());
      d.put("on_time_s", r.onTimeS());
      d.put("dead_time_s", r.deadTimeS());
      d.put("on_time_units", r.onTimeUnits());
      d.put("uninterrupted_units", r.plainUnits());
      d.put("power_failures", r.powerFailures());
      d.put("boots", r.boots());
      d.put("outputs_correct", new LinkedHashMap<>(r.outputsCorrect()));
      d.put("energy_j", r.energy().toJson());
      detail.add(d);
    }
    m.put("latency_s", latency);
    m.put("power_cycles", cycles);
    Map<String, Object> energy = totalEnergy().toJson();
    if (!rs.isEmpty()) {
      energy.put("per_inference", scale(totalEnergy(), 1.0 / rs.size()).toJson());
    }
    m.put("energy_j", energy);
    m.put("inferences", detail);
    FirmwareInLoop.Unfinished u = outcome.unfinished();
    if (u != null) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("index", u.index());
      d.put("power_failures", u.powerFailures());
      d.put("boots", u.boots());
      d.put("simulated_s", u.simulatedSeconds());
      d.put("on_time_units", u.onTimeUnits());
      d.put("needed_units", u.neededUnits() < 0 ? null : u.neededUnits());
      m.put("unfinished_inference", d);
    }
    if (!Double.isNaN(smallestFarads) || outcome.neverFinished()) {
      m.put("smallest_capacitor_f", Double.isNaN(smallestFarads) ? null : smallestFarads);
    }
    return m;
  }

  private static EnergySplit scale(EnergySplit e, double f) {
    return new EnergySplit(e.usefulCompute() * f, e.nvmCommits() * f, e.reboots() * f, e.reexecuted() * f,
        e.supervisorOff() * f, e.esr() * f, e.leakage() * f, e.harvested() * f);
  }

  public String toText() {
    StringBuilder sb = new StringBuilder();
    List<InferenceResult> rs = outcome.inferences();
    sb.append(String.format(Locale.ROOT, "%-4s %-5s %12s %12s %12s %8s %6s  %s%n", "inf", "input", "latency s",
        "on-time s", "dead s", "failures", "boots", "outputs"));
    for (InferenceResult r : rs) {
      sb.append(String.format(Locale.ROOT, "%-4d %-5d %12.6g %12.6g %12.6g %8d %6d  %s%n", r.index(), r.inputIndex(),
          r.latencyS(), r.onTimeS(), r.deadTimeS(), r.powerFailures(), r.boots(),
          r.correct() ? "correct" : "WRONG " + r.outputsCorrect()));
    }
    sb.append(String.format(Locale.ROOT, "inferences completed: %d in %.6g s simulated (%s)%n", rs.size(),
        outcome.simulatedSeconds(), outcome.stoppedBecause()));
    if (!rs.isEmpty()) {
      EnergySplit e = scale(totalEnergy(), 1.0 / rs.size());
      sb.append(String.format(Locale.ROOT, "mean latency %.6g s, %.3g power failures per inference%n", meanLatency(),
          powerFailures() / (double) rs.size()));
      sb.append(String.format(Locale.ROOT, "energy per inference (uJ): useful compute %.4g, NVM commits %.4g, reboots "
          + "%.4g, re-executed %.4g, supervisor while off %.4g, ESR %.4g, leakage %.4g (overhead %.1f%% of useful)%n",
          e.usefulCompute() * 1e6, e.nvmCommits() * 1e6, e.reboots() * 1e6, e.reexecuted() * 1e6,
          e.supervisorOff() * 1e6, e.esr() * 1e6, e.leakage() * 1e6, 100 * e.overhead()));
      sb.append(allCorrect() ? "outputs: every inference equals the uninterrupted run\n"
          : "outputs: SOME DIFFER from the uninterrupted run (a bug in the intermittent runtime: please report it)\n");
    }
    FirmwareInLoop.Unfinished u = outcome.unfinished();
    if (u != null && !outcome.neverOn()) {
      sb.append(String.format(Locale.ROOT, "inference %d did not finish: %d power failures and %d boots in %.6g s "
          + "simulated%s%n", u.index(), u.powerFailures(), u.boots(), u.simulatedSeconds(),
          Double.isNaN(u.doneFraction()) ? ""
              : String.format(Locale.ROOT, ", %.1f%% of the on-time it needs", 100 * u.doneFraction())));
    }
    if (outcome.neverOn()) {
      sb.append("no capacitor helps: the MCU never turns on (" + outcome.stoppedBecause() + ")\n");
    } else if (outcome.neverFinished()) {
      sb.append(Double.isNaN(smallestFarads) ? "no capacitor up to 1 F finishes an inference on this trace\n"
          : String.format(Locale.ROOT, "this capacitor never finishes an inference; the smallest that does: %.4g uF%n",
              smallestFarads * 1e6));
    }
    return sb.toString();
  }
}
