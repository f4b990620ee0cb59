package dev.tenax.energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.io.JsonParser;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The PV cell model against every measured AM1417 curve in ../shared/energy-traces/solar-iv-curves. */
class PvCellTest {
  @Test
  void maximumPowerPointIsWithinThirtyPercentOfEachMeasuredCurve() throws Exception {
    Path dir = SharedData.require("energy-traces/solar-iv-curves");
    int curves = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("AM1417_lux")).sorted().toList()) {
        double lux = Double.parseDouble(f.getFileName().toString().replaceAll(".*_lux(\\d+)\\.json", "$1"));
        Map<?, ?> curve = (Map<?, ?>) ((Map<?, ?>) JsonParser.parse(Files.readString(f))).get("0");
        double measured = 0;
        double voc = 0;
        for (Map.Entry<?, ?> e : curve.entrySet()) {
          double v = Double.parseDouble((String) e.getKey());
          measured = Math.max(measured, v * -((Number) e.getValue()).doubleValue());
          voc = Math.max(voc, v);
        }
        double model = 0;
        for (double v = 0; v < 4; v += 0.001) {
          model = Math.max(model, v * PvCell.current(lux, v, 1));
        }
        assertTrue(Math.abs(model - measured) <= 0.30 * measured, f + ": model MPP " + model + " W, measured " + measured);
        assertTrue(PvCell.current(lux, voc * 1.1, 1) == 0, "no current well above the measured Voc at " + lux);
        curves++;
      }
    }
    assertTrue(curves >= 8, "expected the eight AM1417 curves, found " + curves);
  }
}
