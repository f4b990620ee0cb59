package dev.tenax.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each real trace format in ../shared/energy-traces, read in place, and bad files named by line. */
class TraceReaderTest {
  static TraceReader.Read read(Path p) throws Exception {
    return TraceReader.read(p, null, null, Trace.Interpolation.HOLD, Trace.End.STOP);
  }

  @Test
  void fusedLuxIsOneSamplePerSecond() throws Exception {
    TraceReader.Read r = read(SharedData.require("energy-traces/fused/Lux_14Oct21.csv"));
    assertEquals(TraceFormat.FUSED_LUX, r.trace().format());
    assertEquals(239_159, r.trace().values().length);
    assertEquals(239_159.0, r.trace().duration(), 1e-9);
    assertEquals(1406.7, r.trace().mean(), 0.1);
    assertTrue(r.description().startsWith("detected format fused-lux"), r.description());
  }

  @Test
  void mspsimVoltageIsOneLinePerMillisecondDespiteGlitchedStamps() throws Exception {
    TraceReader.Read r = read(SharedData.require("energy-traces/mspsim-rf/2.txt"));
    assertEquals(TraceFormat.MSPSIM_VOLTAGE, r.trace().format());
    assertEquals(39_232, r.trace().values().length);
    assertEquals(39.232, r.trace().duration(), 1e-6);
    assertEquals(2.146, r.trace().mean(), 0.001);
  }

  @Test
  void csvHeadersNameTheirColumns() throws Exception {
    TraceReader.Read nrel = read(SharedData.require("energy-traces/nrel-solar/2018sep.txt"));
    assertEquals(TraceFormat.CSV_IRRADIANCE, nrel.trace().format());
    assertEquals(43_200, nrel.trace().values().length);
    assertEquals(30 * 86400.0, nrel.trace().duration(), 1e-6);
    assertEquals(221.6, nrel.trace().mean(), 0.1);
    TraceReader.Read bfree = read(SharedData.require("energy-traces/bfree-solar-vcap/3klux-1500uF-1-cp-normal-200_200.csv"));
    assertEquals(TraceFormat.CSV_VOLTAGE, bfree.trace().format());
    assertEquals(4016, bfree.trace().values().length);
    assertEquals(3.370, bfree.trace().mean(), 0.001);
    TraceReader.Read crank = TraceReader.read(SharedData.require("energy-traces/turner-crank-solar/23_0.csv"), null,
        "CrankPower", Trace.Interpolation.LINEAR, Trace.End.LOOP, 1e-3);
    assertEquals(TraceFormat.CSV_POWER, crank.trace().format());
    assertEquals(4217, crank.trace().values().length);
    assertEquals(324.9, crank.trace().times()[4216], 0.1);
    assertEquals(0.0488, crank.trace().mean(), 0.0001);
  }

  @Test
  void interpolationAndEndModes(@TempDir Path tmp) throws Exception {
    Path f = Files.writeString(tmp.resolve("t.csv"), "time_s,power_w\n0,1\n1,3\n");
    Trace hold = TraceReader.read(f, null, null, Trace.Interpolation.HOLD, Trace.End.STOP).trace();
    Trace linear = TraceReader.read(f, null, null, Trace.Interpolation.LINEAR, Trace.End.LOOP).trace();
    assertEquals(1, hold.valueAt(0.5));
    assertEquals(2, linear.valueAt(0.5), 1e-12);
    assertEquals(0, hold.valueAt(2.5));
    assertTrue(hold.ended(2.5));
    assertEquals(2, linear.valueAt(2.5), 1e-12);
  }

  @Test
  void badFilesAreReportedWithTheirLine(@TempDir Path tmp) throws Exception {
    Path lux = Files.writeString(tmp.resolve("lux.txt"), "100\n200\nbright\n");
    UsageException e = assertThrows(UsageException.class, () -> read(lux));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("bright"), e.getMessage());
    Path csv = Files.writeString(tmp.resolve("p.csv"), "time_s,power_w\n0,1\n1,x\n");
    e = assertThrows(UsageException.class, () -> read(csv));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    Path back = Files.writeString(tmp.resolve("b.csv"), "time_s,power_w\n0,1\n0,2\n");
    e = assertThrows(UsageException.class, () -> read(back));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("does not increase"), e.getMessage());
    Path nocol = Files.writeString(tmp.resolve("n.csv"), "time_s,temperature\n0,1\n");
    e = assertThrows(UsageException.class, () -> read(nocol));
    assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("--trace-column"), e.getMessage());
  }
}
