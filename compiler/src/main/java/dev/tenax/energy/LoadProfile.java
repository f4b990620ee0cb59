package dev.tenax.energy;

import dev.tenax.intermittent.PowerModel;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import java.util.Locale;
import java.util.Map;

/**
 * What the MCU draws in each state, per target, and how fast its firmware's on-time counter runs.
 * Currents are constant in the supply voltage: both families run the core from an on-chip
 * regulator, and the Fused project's measured sweep (../shared/energy-traces/fused/vsweep-current.csv,
 * an MSP430-class part) varies by only 8% from 1.9 to 3.6 V. Sources:
 * <ul>
 *   <li>active: {@link PowerModel#activeAmpsPerHz} x the target's clock (MSP430FR5994 118 uA/MHz,
 *       TI SLASE54; Cortex-M 100 uA/MHz, ST STM32L476 DS10198);
 *   <li>sleep (the MCU is on and waits, after the last inference): MSP430FR5994 LPM3 about 0.5 uA
 *       (SLASE54); STM32L476 Stop 2 rounded up to 2 uA (DS10198);
 *   <li>off: the supervisor's own quiescent current, 150 nA (TI TPS3839, SBVS193);
 *   <li>boot: MSP430 0.662 mA for 1.664 ms, the mean and length of the measured boot transient in
 *       ../shared/energy-traces/fused/boot-trace.csv; Cortex-M {@link PowerModel#bootCycles} at
 *       the active current (no measured transient at hand);
 *   <li>NVM: a commit costs {@link PowerModel#commitCycles} of on-time, which the firmware's run
 *       already contains; FRAM writes at the active current (SLASE54), so no extra energy on
 *       MSP430; flash programming on Cortex-M parts is not modelled (the QEMU firmware commits to
 *       RAM standing in for NVM), see docs/energy-simulator.md.
 * </ul>
 * {@code unitsPerSecond} converts the firmware's on-time (instructions on Cortex-M, counted at one
 * per cycle; MCLK cycles on MSP430) to seconds. Host builds count events (NVM word writes and
 * finished tiles) instead; they borrow the Cortex-M4 profile at {@link #HOST_CYCLES_PER_EVENT}
 * cycles per event, which makes host simulations a check of the coupling, not a forecast.
 *
 * <p>A power profile measured on the user's board ({@code --power-profile}, the file format of
 * {@link dev.tenax.intermittent.PowerProfileFile}) replaces the active current
 * ({@code active_ua_per_mhz}), the boot ({@code boot_cycles} at the active current, in place of
 * the MSP430's measured transient) and the commit ({@code commit_cycles}); sleep and off currents
 * stay the parts' datasheet values.
 */
public record LoadProfile(String target, double activeAmps, double sleepAmps, double offAmps, double bootAmps,
    double bootSeconds, double unitsPerSecond, double nvmJoulesPerCommit, long commitUnits) {
  public static final double HOST_CYCLES_PER_EVENT = 1000;
  static final double SUPERVISOR_AMPS = 150e-9;

  public static LoadProfile of(Target target) {
    return of(target, Map.of());
  }

  /** The target's profile with a measured power profile's numbers ({@code profile}: key to value) in place. */
  public static LoadProfile of(Target target, Map<String, Double> profile) {
    Target t = target.isHost() ? Targets.find("cortex-m4").orElseThrow() : target;
    PowerModel m = PowerModel.of(t);
    double ampsPerHz = profile.containsKey("active_ua_per_mhz") ? profile.get("active_ua_per_mhz") * 1e-12
        : PowerModel.activeAmpsPerHz(t);
    double active = ampsPerHz * t.clockHz();
    double unitsPerSecond = target.isHost() ? t.clockHz() / HOST_CYCLES_PER_EVENT : t.clockHz();
    long commitUnits = target.isHost() ? 1
        : profile.containsKey("commit_cycles") ? Math.round(profile.get("commit_cycles")) : m.commitCycles();
    if (profile.containsKey("boot_cycles")) {
      double sleep = t.family().equals("msp430") ? 0.5e-6 : 2e-6;
      return new LoadProfile(target.name(), active, sleep, SUPERVISOR_AMPS, active,
          profile.get("boot_cycles") / t.clockHz(), unitsPerSecond, 0, commitUnits);
    }
    if (t.family().equals("msp430")) {
      return new LoadProfile(target.name(), active, 0.5e-6, SUPERVISOR_AMPS, 0.662e-3, 1.664e-3, unitsPerSecond, 0,
          commitUnits);
    }
    return new LoadProfile(target.name(), active, 2e-6, SUPERVISOR_AMPS, active, m.bootCycles() / (double) t.clockHz(),
        unitsPerSecond, 0, commitUnits);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: active %.3g mA, sleep %.3g uA, off %.3g uA, boot %.3g mA for %.3g ms, "
        + "%.4g on-time units per second", target, activeAmps * 1e3, sleepAmps * 1e6, offAmps * 1e6, bootAmps * 1e3,
        bootSeconds * 1e3, unitsPerSecond);
  }
}
