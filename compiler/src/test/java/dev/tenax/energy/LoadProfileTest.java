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
}
