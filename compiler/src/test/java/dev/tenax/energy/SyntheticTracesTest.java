package dev.tenax.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled traces in traces/ are what their formulas make, and each reads as the format it claims. */
class SyntheticTracesTest {
  @Test
  void bundledFilesMatchTheGeneratorAndParse() throws Exception {
    Path dir = SharedData.repoRoot().resolve("traces");
    for (Map.Entry<String, String> e : SyntheticTraces.all().entrySet()) {
      Path f = dir.resolve(e.getKey());
      assertEquals(e.getValue(), Files.readString(f), f + " differs from SyntheticTraces: regenerate it");
      TraceReader.Read r = TraceReader.read(f, null, null, Trace.Interpolation.HOLD, Trace.End.LOOP);
      assertEquals(e.getKey().contains("lux") ? TraceFormat.CSV_LUX : TraceFormat.CSV_POWER, r.trace().format());
    }
    Trace day = TraceReader.read(dir.resolve("indoor-day-lux.csv"), null, null, Trace.Interpolation.LINEAR,
        Trace.End.LOOP).trace();
    assertEquals(86400, day.duration(), 1e-9);
    assertEquals(0, day.valueAt(3 * 3600));
    assertTrue(day.valueAt(12 * 3600) > 600, "noon is lamps plus daylight");
    Trace square = TraceReader.read(dir.resolve("square-5mW-1s.csv"), null, null, Trace.Interpolation.HOLD,
        Trace.End.LOOP).trace();
    assertEquals(0.005, square.valueAt(10.25));
    assertEquals(0, square.valueAt(10.75));
  }
}
