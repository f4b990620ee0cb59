package dev.tenax.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The time-stepped model against closed-form answers, its energy balance and its determinism. */
class EnergySimulatorTest {
  static final double C = 100e-6;
  static final double VON = 2.4;
  static final double VOFF = 1.8;
  static final double LOAD = 2e-3;
  static final double UNITS_PER_SECOND = 1e6;
  static final Supervisor SUPERVISOR = new Supervisor(VON, VOFF);
  static final LoadProfile PLAIN_LOAD = new LoadProfile("test", LOAD, 0, 0, 0, 0, UNITS_PER_SECOND, 0, 1);
  static final StorageCapacitor IDEAL = new StorageCapacitor(C, 0, 1e18, 5, 0);

  /** A harvester of constant current, whatever the voltage. */
  static Harvester constantCurrent(double amps) {
    return new Harvester() {
      @Override
      public double current(double t, double volts) {
        return amps;
      }

      @Override
      public String describe() {
        return amps + " A";
      }

      @Override
      public double sampleSeconds() {
        return 1;
      }
    };
  }

  static Trace constant(double value) {
    return new Trace(TraceFormat.CSV_POWER, new double[] {0}, new double[] {value}, Trace.Interpolation.HOLD,
        Trace.End.LOOP);
  }

  static void assertWithin(double expected, double actual, double relative, String what) {
    assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected),
        what + ": expected " + expected + ", got " + actual);
  }

  /**
   * A looped harvest that cannot lift the capacitor to Von (a Thevenin source of 0.66 V, or a
   * capacitor clamped at 2 V) stops after one pass that leaves it no higher, not after a simulated
   * year of steps; a source that does reach Von is not stopped by the same check.
   */
  @Test
  void aHarvestThatNeverReachesVonStopsAfterOnePass() {
    Trace twoSecondLoop = new Trace(TraceFormat.CSV_POWER, new double[] {0, 1}, new double[] {0.66, 0.66},
        Trace.Interpolation.HOLD, Trace.End.LOOP);
    EnergySimulator low = new EnergySimulator(new TheveninHarvester(twoSecondLoop, 100), IDEAL, SUPERVISOR,
        PLAIN_LOAD, null);
    assertEquals(EnergySimulator.Stop.NEVER_ON, low.runUntil(1000, 10, 365 * 86400.0).stop());
    assertTrue(low.time() < 3600, "stopped after " + low.time() + " s");
    StorageCapacitor clamped = new StorageCapacitor(C, 0, 1e18, 2.0, 0);
    Trace strong = new Trace(TraceFormat.CSV_POWER, new double[] {0, 1}, new double[] {5, 5}, Trace.Interpolation.HOLD,
        Trace.End.LOOP);
    EnergySimulator capped = new EnergySimulator(new TheveninHarvester(strong, 100), clamped, SUPERVISOR, PLAIN_LOAD,
        null);
    assertEquals(EnergySimulator.Stop.NEVER_ON, capped.runUntil(1000, 10, 365 * 86400.0).stop());
    EnergySimulator enough = new EnergySimulator(new TheveninHarvester(strong, 100), IDEAL, SUPERVISOR, PLAIN_LOAD,
        null);
    assertEquals(EnergySimulator.Stop.UNITS_REACHED, enough.runUntil(1000, 10, 365 * 86400.0).stop());
  }

  @Test
  void constantCurrentMatchesTheClosedForm() {
    double harvest = 0.5e-3;
    EnergySimulator sim = new EnergySimulator(constantCurrent(harvest), IDEAL, SUPERVISOR, PLAIN_LOAD, null);
    double firstCharge = C * VON / harvest;
    double onTime = C * (VON - VOFF) / (LOAD - harvest);
    double offTime = C * (VON - VOFF) / harvest;
    EnergySimulator.Stretch first = sim.runUntil(Double.MAX_VALUE, 1, 100);
    assertWithin(firstCharge + onTime, sim.time(), 0.01, "first failure time");
    assertWithin(onTime * UNITS_PER_SECOND, first.failuresAt().get(0), 0.01, "on-time in units");
    double t1 = sim.time();
    EnergySimulator.Stretch more = sim.runUntil(Double.MAX_VALUE, 10, 100);
    assertWithin(10 * (onTime + offTime), sim.time() - t1, 0.01, "ten cycles");
    assertEquals(10, more.boots());
    assertWithin(11 * onTime * UNITS_PER_SECOND, more.failuresAt().get(9), 0.01, "cumulative on-time");
    EnergySimulator counter = new EnergySimulator(constantCurrent(harvest), IDEAL, SUPERVISOR, PLAIN_LOAD, null);
    double duration = 3.0;
    EnergySimulator.Stretch within = counter.runUntil(Double.MAX_VALUE, 10_000, duration);
    assertEquals((int) Math.floor((duration - firstCharge - onTime) / (onTime + offTime)) + 1,
        within.failuresAt().size(), "power cycles in " + duration + " s");
  }

  @Test
  void constantPowerMatchesTheClosedForm() {
    double watts = 1e-3;
    PowerHarvester h = new PowerHarvester(constant(watts), 1, "1 mW");
    StorageCapacitor cap = new StorageCapacitor(C, 0, 1e18, 5, VOFF);
    EnergySimulator sim = new EnergySimulator(h, cap, SUPERVISOR, PLAIN_LOAD, null);
    double offTime = C * (VON * VON - VOFF * VOFF) / (2 * watts);
    double onTime = C * ((VON - VOFF) / LOAD + watts / (LOAD * LOAD) * Math.log((LOAD * VON - watts) / (LOAD * VOFF - watts)));
    sim.runUntil(Double.MAX_VALUE, 1, 100);
    assertWithin(offTime + onTime, sim.time(), 0.01, "charge and first on-period");
    double t1 = sim.time();
    EnergySimulator.Stretch s = sim.runUntil(Double.MAX_VALUE, 5, 100);
    assertWithin(5 * (offTime + onTime), sim.time() - t1, 0.01, "five cycles");
    List<Long> at = s.failuresAt();
    assertWithin(onTime * UNITS_PER_SECOND, at.get(1) - at.get(0), 0.01, "one on-period in units");
  }

  private static EnergySimulator realistic(VoltageHistory history) {
    double[] t = new double[600];
    double[] lux = new double[600];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
      lux[i] = 5000 + 4000 * Math.sin(i / 30.0);
    }
    Trace trace = new Trace(TraceFormat.FUSED_LUX, t, lux, Trace.Interpolation.LINEAR, Trace.End.LOOP);
    StorageCapacitor cap = new StorageCapacitor(47e-6, 2.0, 5e6, 3.3, 0.5);
    LoadProfile load = new LoadProfile("test", 1.5e-3, 1e-6, 150e-9, 0.7e-3, 2e-3, 16e6, 0, 600);
    return new EnergySimulator(new PvCell(trace, 4), cap, SUPERVISOR, load, history);
  }

  @Test
  void energyIsConserved() {
    EnergySimulator sim = realistic(null);
    double stored0 = sim.storedJoules();
    EnergySimulator.Stretch s = sim.runUntil(Double.MAX_VALUE, 200, 120);
    assertTrue(s.failuresAt().size() > 5, "the scenario must cycle: " + s);
    EnergyLedger l = sim.ledger();
    double balance = l.consumed() + l.leaked + sim.storedJoules() - stored0;
    assertTrue(l.boot > 0 && l.esr > 0 && l.leaked > 0 && l.off > 0, l.toString());
    assertWithin(l.harvested, balance, 0.01, "harvested = consumed + leaked + stored");
  }

  @Test
  void sameInputsGiveIdenticalResults() {
    VoltageHistory h1 = new VoltageHistory(1);
    VoltageHistory h2 = new VoltageHistory(1);
    EnergySimulator a = realistic(h1);
    EnergySimulator b = realistic(h2);
    assertEquals(a.runUntil(Double.MAX_VALUE, 50, 60), b.runUntil(Double.MAX_VALUE, 50, 60));
    assertEquals(a.ledger().toString(), b.ledger().toString());
    assertEquals(Double.doubleToLongBits(a.volts()), Double.doubleToLongBits(b.volts()));
    assertEquals(h1.events(), h2.events());
  }

  @Test
  void tooSmallACapacitorIsFoundAndTheSmallestThatFinishesReported() {
    double needUnits = 100_000;
    double harvest = 1e-6;
    java.util.function.DoublePredicate finishes = farads -> {
      EnergySimulator sim = new EnergySimulator(constantCurrent(harvest), IDEAL.withFarads(farads), SUPERVISOR,
          PLAIN_LOAD, null);
      EnergySimulator.Stretch s = sim.runUntil(needUnits, 1, 1e6);
      return s.stop() == EnergySimulator.Stop.UNITS_REACHED;
    };
    assertTrue(!finishes.test(100e-6), "100 uF must be too small for 0.1 s of 2 mA");
    double expected = needUnits / UNITS_PER_SECOND * (LOAD - harvest) / (VON - VOFF);
    double found = CapacitorSearch.smallest(finishes, 1e-6, 10e-3);
    assertTrue(found >= expected * 0.999 && found <= expected * 1.01, "smallest C " + found + ", expected " + expected);
    assertTrue(Double.isNaN(CapacitorSearch.smallest(finishes, 1e-6, 200e-6)));
  }
}
