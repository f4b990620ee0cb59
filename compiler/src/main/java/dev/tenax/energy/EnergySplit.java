package dev.tenax.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An inference's energy by purpose, in joules. The firmware's running energy is divided by its
 * on-time: the uninterrupted run's share is useful compute less the progress commits (tiles x
 * commit cost), the on-time beyond it is re-executed work (including commits redone); boots,
 * the supervisor's draw while the MCU is off, ESR heat and capacitor leakage are the rest.
 */
public record EnergySplit(double usefulCompute, double nvmCommits, double reboots, double reexecuted,
    double supervisorOff, double esr, double leakage, double harvested) {
  static EnergySplit of(EnergyLedger d, long onTimeUnits, long plainUnits, long commits, LoadProfile load) {
    double perUnit = onTimeUnits > 0 ? d.run / onTimeUnits : 0;
    double commitCpu = Math.min(plainUnits, commits * load.commitUnits()) * perUnit;
    double commitJoules = commitCpu + commits * load.nvmJoulesPerCommit();
    double useful = plainUnits * perUnit - commitCpu;
    double reexecuted = Math.max(0, onTimeUnits - plainUnits) * perUnit;
    return new EnergySplit(useful, commitJoules, d.boot, reexecuted, d.off, d.esr, d.leaked, d.harvested);
  }

  public double consumed() {
    return usefulCompute + nvmCommits + reboots + reexecuted + supervisorOff + esr;
  }

  public EnergySplit plus(EnergySplit o) {
    return new EnergySplit(usefulCompute + o.usefulCompute, nvmCommits + o.nvmCommits, reboots + o.reboots,
        reexecuted + o.reexecuted, supervisorOff + o.supervisorOff, esr + o.esr, leakage + o.leakage,
        harvested + o.harvested);
  }

  /** Overhead as a fraction of useful compute: commits, reboots and re-executed work. */
  public double overhead() {
    return usefulCompute > 0 ? (nvmCommits + reboots + reexecuted) / usefulCompute : Double.NaN;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("useful_compute", usefulCompute);
    m.put("nvm_commits", nvmCommits);
    m.put("reboots", reboots);
    m.put("reexecuted", reexecuted);
    m.put("supervisor_off", supervisorOff);
    m.put("esr", esr);
    m.put("leakage", leakage);
    m.put("consumed", consumed());
    m.put("harvested", harvested);
    return m;
  }
}
