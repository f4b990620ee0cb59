package dev.tenax.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.intermittent.PowerModel;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load profiles hold the numbers their sources give: the measured Fused load data and PowerModel. */
class LoadProfileTest {
  @Test
  void msp430BootIsTheMeasuredTransient() throws Exception {
    List<String> rows = Files.readAllLines(SharedData.require("energy-traces/fused/boot-trace.csv"));
    double sum = 0;
    double last = 0;
    for (String r : rows) {
      String[] c = r.split(",");
      last = Double.parseDouble(c[0]);
      sum += Double.parseDouble(c[1]) * 1e-3;
    }
    double step = last / (rows.size() - 1);
    LoadProfile p = LoadProfile.of(Targets.find("msp430fr5994").orElseThrow());
    assertEquals(sum / rows.size(), p.bootAmps(), 0.005 * p.bootAmps(), "mean boot current");
    assertEquals(last + step, p.bootSeconds(), 0.005 * p.bootSeconds(), "boot time");
  }

  @Test
  void activeCurrentIsFlatInTheSupplyAsTheMeasuredSweepShows() throws Exception {
    List<String> rows = Files.readAllLines(SharedData.require("energy-traces/fused/vsweep-current.csv"));
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (String r : rows.subList(1, rows.size())) {
      double ma = Double.parseDouble(r.split(",")[1]);
      lo = Math.min(lo, ma);
      hi = Math.max(hi, ma);
    }
    assertTrue(hi / lo < 1.10, "the constant-current load assumes a flat sweep: " + lo + ".." + hi + " mA");
  }

  @Test
  void activeCurrentIsPowerModelsPerHertzTimesTheClock() {
    for (String name : List.of("cortex-m4", "cortex-m0", "msp430fr5994")) {
      Target t = Targets.find(name).orElseThrow();
      LoadProfile p = LoadProfile.of(t);
      assertEquals(PowerModel.activeAmpsPerHz(t) * t.clockHz(), p.activeAmps(), 1e-12, name);
      assertEquals(t.clockHz(), p.unitsPerSecond(), 1e-6, name + ": one on-time unit per cycle");
    }
    LoadProfile host = LoadProfile.of(Targets.find("host").orElseThrow());
    assertEquals(LoadProfile.of(Targets.find("cortex-m4").orElseThrow()).activeAmps(), host.activeAmps());
  }

  @Test
  void aMeasuredPowerProfileReplacesActiveCurrentBootAndCommit() throws Exception {
    java.nio.file.Path file = Files.createTempFile("board", ".power");
    try {
      Files.writeString(file, "active_ua_per_mhz = 200\nboot_cycles = 32000\ncommit_cycles = 900\n");
      for (String name : List.of("cortex-m4", "msp430fr5994")) {
        Target t = Targets.find(name).orElseThrow();
        LoadProfile plain = LoadProfile.of(t);
        LoadProfile p = LoadProfile.of(t, dev.tenax.intermittent.PowerProfileFile.values(file));
        assertEquals(200e-12 * t.clockHz(), p.activeAmps(), 1e-12, name);
        assertEquals(p.activeAmps(), p.bootAmps(), 1e-12, name + ": the boot draws the active current");
        assertEquals(32000.0 / t.clockHz(), p.bootSeconds(), 1e-12, name);
        assertEquals(900, p.commitUnits(), name);
        assertEquals(plain.sleepAmps(), p.sleepAmps(), 0, name + ": sleep stays the datasheet's");
        assertEquals(plain.offAmps(), p.offAmps(), 0, name);
      }
      Files.writeString(file, "supply_volts = 3.3\n");
      Target m4 = Targets.find("cortex-m4").orElseThrow();
      assertEquals(LoadProfile.of(m4), LoadProfile.of(m4, dev.tenax.intermittent.PowerProfileFile.values(file)),
          "keys the load does not use leave it as the datasheet's");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
