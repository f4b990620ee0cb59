package dev.tenax.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * The closed-loop, time-stepped energy model: the harvester charges the capacitor at every step,
 * also while the MCU runs; the supervisor switches the MCU on at Von (it boots, then runs the
 * firmware) and off when the voltage it sees (V - I x ESR) falls to Voff. Steps are sized so the
 * voltage moves by at most {@link #VOLTS_PER_STEP} and never span a trace sample; the step that
 * crosses a threshold is cut at the crossing, so on- and off-times do not depend on the step.
 * Each step integrates with the midpoint voltage and books energy with it, which makes the
 * ledger balance: C/2 (V1^2 - V0^2) = Vmid x (Iharvest - Iload - Ileak) x dt exactly.
 *
 * <p>On-time is counted in the firmware's units ({@link LoadProfile#unitsPerSecond}) while the MCU
 * runs, from {@link #startInference}; the firmware is told to fail at those counts.
 */
public final class EnergySimulator {
  static final double VOLTS_PER_STEP = 0.001;
  static final double MIN_STEP = 1e-7;
  /** An on-period that never gets past the boot this many times in a row means no progress is possible. */
  static final int FRUITLESS_BOOTS = 50;
  /** What a capacitor that is still charging gains at least over a pass of a looped harvest. */
  static final double NEVER_ON_VOLTS = 1e-4;

  public enum Mcu { OFF, BOOT, RUN }

  private final Harvester harvester;
  private final StorageCapacitor cap;
  private final Supervisor supervisor;
  private final LoadProfile load;
  private final double maxStep;
  private final VoltageHistory history;

  private double t;
  private double v;
  private Mcu mcu = Mcu.OFF;
  private double bootLeft;
  private double units;
  private int fruitlessBoots;
  private boolean ranThisPeriod;
  private final EnergyLedger ledger;

  public EnergySimulator(Harvester harvester, StorageCapacitor cap, Supervisor supervisor, LoadProfile load,
      VoltageHistory history) {
    this(harvester, cap, supervisor, load, history, 0, cap.initialVolts(), new EnergyLedger());
  }

  private EnergySimulator(Harvester h, StorageCapacitor cap, Supervisor s, LoadProfile load, VoltageHistory history,
      double t, double v, EnergyLedger ledger) {
    this.harvester = h;
    this.cap = cap;
    this.supervisor = s;
    this.load = load;
    this.maxStep = Math.min(1.0, h.sampleSeconds());
    this.history = history;
    this.t = t;
    this.v = v;
    this.ledger = ledger;
  }

  /** A copy to look ahead with (no history): the model is deterministic, so it replays identically. */
  public EnergySimulator probe() {
    EnergySimulator p = new EnergySimulator(harvester, cap, supervisor, load, null, t, v, ledger.copy());
    p.mcu = mcu;
    p.bootLeft = bootLeft;
    p.units = units;
    p.fruitlessBoots = fruitlessBoots;
    p.ranThisPeriod = ranThisPeriod;
    return p;
  }

  public double time() {
    return t;
  }

  public double volts() {
    return v;
  }

  public Mcu mcu() {
    return mcu;
  }

  public EnergyLedger ledger() {
    return ledger;
  }

  public double storedJoules() {
    return cap.joulesAt(v);
  }

  /** On-time (firmware units) since {@link #startInference}. */
  public double units() {
    return units;
  }

  public void startInference() {
    units = 0;
  }

  /** Why a stretch of simulation stopped. */
  public enum Stop { UNITS_REACHED, FAILURES_LIMIT, TIME_LIMIT, TRACE_ENDED, NO_PROGRESS, NEVER_ON }

  /** The on-time counts (since the inference started) at which the power failed, and why it stopped. */
  public record Stretch(List<Long> failuresAt, int boots, Stop stop) {}

  /**
   * Runs until the inference's on-time reaches {@code targetUnits}, {@code maxFailures} failures
   * while running, simulated time {@code untilSeconds}, the end of a stopping trace with the
   * capacitor off, or evidence that the MCU can never get past its boot.
   */
  public Stretch runUntil(double targetUnits, int maxFailures, double untilSeconds) {
    List<Long> failures = new ArrayList<>();
    int boots = 0;
    // a whole pass of a looped harvest with the MCU off that leaves the capacitor no higher: the
    // next passes repeat it, so the voltage never reaches Von (a source below Von, or --vmax)
    final double period = harvester.periodSeconds();
    double passStart = t;
    double passVolts = v;
    while (true) {
      if (mcu != Mcu.OFF) {
        passStart = t;
        passVolts = v;
      } else if (t - passStart >= period) {
        if (v <= passVolts + NEVER_ON_VOLTS) {
          return new Stretch(failures, boots, Stop.NEVER_ON);
        }
        passStart = t;
        passVolts = v;
      }
      if (units >= targetUnits) {
        return new Stretch(failures, boots, Stop.UNITS_REACHED);
      }
      if (failures.size() >= maxFailures) {
        return new Stretch(failures, boots, Stop.FAILURES_LIMIT);
      }
      if (t >= untilSeconds) {
        return new Stretch(failures, boots, Stop.TIME_LIMIT);
      }
      if (mcu == Mcu.OFF && harvester.ended(t)) {
        return new Stretch(failures, boots, Stop.TRACE_ENDED);
      }
      if (fruitlessBoots >= FRUITLESS_BOOTS) {
        return new Stretch(failures, boots, Stop.NO_PROGRESS);
      }
      Mcu before = mcu;
      step(targetUnits, untilSeconds);
      if (before == Mcu.RUN && mcu == Mcu.OFF) {
        long at = (long) Math.floor(units);
        if (at >= 1 && (failures.isEmpty() || at > failures.get(failures.size() - 1))) {
          failures.add(at);
        }
      }
      if (before == Mcu.OFF && mcu != Mcu.OFF) {
        boots++;
      }
    }
  }

  /** Marks a completed inference in the history. */
  public void markInferenceDone() {
    if (history != null) {
      history.event(t, VoltageHistory.Kind.INFERENCE_DONE, v);
    }
  }

  private double loadAmps() {
    return switch (mcu) {
      case OFF -> load.offAmps();
      case BOOT -> load.bootAmps();
      case RUN -> load.activeAmps();
    };
  }

  private void step(double targetUnits, double untilSeconds) {
    double iLoad = loadAmps();
    double rate0 = harvester.current(t, v) - iLoad - v / cap.leakageOhms();
    double dt = Math.min(maxStep, VOLTS_PER_STEP * cap.farads() / Math.max(Math.abs(rate0), 1e-30));
    dt = Math.max(MIN_STEP, Math.min(dt, untilSeconds - t));
    if (mcu == Mcu.RUN) {
      dt = Math.min(dt, (targetUnits - units) / load.unitsPerSecond());
    } else if (mcu == Mcu.BOOT) {
      dt = Math.min(dt, bootLeft);
    }
    dt = Math.max(dt, 1e-12);
    // midpoint rule: currents at the half-step voltage
    double vHalf = v + rate0 * dt / (2 * cap.farads());
    double iHarvest = harvester.current(t + dt / 2, Math.max(0, vHalf));
    double iLeak = Math.max(0, vHalf) / cap.leakageOhms();
    double dv = (iHarvest - iLoad - iLeak) * dt / cap.farads();
    if (v + dv > cap.maxVolts()) {
      // the clamp turns harvest away: only what keeps V at Vmax enters
      iHarvest = Math.max(0, (cap.maxVolts() - v) * cap.farads() / dt + iLoad + iLeak);
      dv = (iHarvest - iLoad - iLeak) * dt / cap.farads();
    }
    boolean switchOn = false;
    boolean switchOff = false;
    if (mcu == Mcu.OFF && v + dv >= supervisor.vOn() && dv > 0) {
      double f = Math.max(0, (supervisor.vOn() - v) / dv);
      dt *= f;
      dv *= f;
      switchOn = true;
    } else if (mcu != Mcu.OFF && v + dv - iLoad * cap.esrOhms() <= supervisor.vOff()) {
      double f = dv < 0 ? Math.max(0, Math.min(1, (supervisor.vOff() + iLoad * cap.esrOhms() - v) / dv)) : 0;
      dt *= f;
      dv *= f;
      switchOff = true;
    }
    double vMid = v + dv / 2;
    ledger.harvested += iHarvest * vMid * dt;
    ledger.leaked += iLeak * vMid * dt;
    double esrLoss = iLoad * iLoad * cap.esrOhms() * dt;
    double mcuJoules = iLoad * vMid * dt - esrLoss;
    ledger.esr += esrLoss;
    switch (mcu) {
      case OFF -> ledger.off += mcuJoules;
      case BOOT -> {
        ledger.boot += mcuJoules;
        bootLeft -= dt;
      }
      case RUN -> {
        ledger.run += mcuJoules;
        units += dt * load.unitsPerSecond();
        ranThisPeriod = true;
      }
    }
    t += dt;
    v = Math.max(0, v + dv);
    if (history != null) {
      history.sample(t, v);
    }
    if (switchOn) {
      mcu = load.bootSeconds() > 0 ? Mcu.BOOT : Mcu.RUN;
      bootLeft = load.bootSeconds();
      ranThisPeriod = false;
    } else if (switchOff) {
      if (history != null) {
        history.event(t, VoltageHistory.Kind.POWER_FAILURE, v);
      }
      fruitlessBoots = ranThisPeriod ? 0 : fruitlessBoots + 1;
      mcu = Mcu.OFF;
    } else if (mcu == Mcu.BOOT && bootLeft <= 1e-15) {
      mcu = Mcu.RUN;
    }
  }
}
