package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static dev.tenax.testing.ExternalTools.works;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.io.JsonParser;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenax simulate} and {@code tenax sweep} end to end on an intermittent Cortex-M4 build of
 * the tiny CNN under QEMU: outputs correct, JSON that parses, a well-formed SVG, the same report
 * for the same inputs, and a too-small capacitor reported with the smallest that finishes.
 */
class SimulateCommandTest {
  @TempDir
  static Path tmp;

  static Path build;
  static Path input;
  static Path trace;

  @BeforeAll
  static void compile() throws Exception {
    Assumptions.assumeTrue(works("arm-none-eabi-gcc", "--version") && works("qemu-system-arm", "--version"),
        "needs arm-none-eabi-gcc and qemu-system-arm");
    Path ex = tmp.resolve("ex");
    assertEquals(0, tenax("example", "tiny-cnn", "-o", ex.toString()).code());
    Path q = ex.resolve("q.onnx");
    assertEquals(0, tenax("quantize", ex.resolve("model.onnx").toString(), "--calib",
        ex.resolve("calibration.npy").toString(), "-o", q.toString()).code());
    build = tmp.resolve("m4");
    CliTest.Run c = tenax("compile", q.toString(), "--intermittent", "--target", "cortex-m4", "-o", build.toString());
    assertEquals(0, c.code(), c.err());
    input = ex.resolve("input.npy");
    // 0.5 mW cannot keep up with the 2.5 mA core: a 10 uF capacitor fails several times per inference
    trace = Files.writeString(tmp.resolve("half-mW.csv"), "time_s,power_w\n0,0.0005\n");
  }

  @Test
  void reportsCorrectOutputsFailuresAndEnergyAsJsonAndSvg() throws Exception {
    Path svg = tmp.resolve("plot.svg");
    CliTest.Run r = tenax("simulate", build.toString(), "--trace", trace.toString(), "--cap", "10uF", "--input",
        input.toString(), "--inferences", "2", "--json", "--plot", svg.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.err().contains("detected format csv-power"), r.err());
    Map<?, ?> json = (Map<?, ?>) JsonParser.parse(r.out());
    assertEquals(2L, json.get("inferences_completed"));
    assertEquals(Boolean.TRUE, json.get("all_outputs_correct"));
    assertTrue(((Long) json.get("power_failures")) >= 2, r.out());
    List<?> latency = (List<?>) json.get("latency_s");
    assertEquals(2, latency.size());
    Map<?, ?> energy = (Map<?, ?>) json.get("energy_j");
    for (String k : List.of("useful_compute", "nvm_commits", "reboots", "reexecuted")) {
      assertTrue(((Double) energy.get(k)) > 0, k + " in " + energy);
    }
    // latency is on-time plus dead time, and the dead time dominates when harvest is this weak
    Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("inferences")).get(0);
    double lat = (Double) first.get("latency_s");
    assertEquals(lat, (Double) first.get("on_time_s") + (Double) first.get("dead_time_s"), 1e-9);
    assertTrue((Double) first.get("dead_time_s") > (Double) first.get("on_time_s"), first.toString());
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", doc.getDocumentElement().getTagName());
    String text = Files.readString(svg);
    assertTrue(text.contains("<polyline") && text.contains("power failure at") && text.contains("inference completed at")
        && text.contains("Von 2.40 V"), "plot lacks its parts");
    CliTest.Run again = tenax("simulate", build.toString(), "--trace", trace.toString(), "--cap", "10uF", "--input",
        input.toString(), "--inferences", "2", "--json");
    assertEquals(r.out(), again.out(), "same inputs must give the same report");
  }

  @Test
  void aCapacitorTooSmallIsReportedWithTheSmallestThatFinishes() {
    CliTest.Run r = tenax("simulate", build.toString(), "--trace", trace.toString(), "--cap", "1uF", "--input",
        input.toString());
    assertEquals(1, r.code(), "no inference finished: " + r.err());
    assertTrue(r.out().contains("inferences completed: 0"), r.out());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("the smallest that does: ([0-9.]+) uF").matcher(r.out());
    assertTrue(m.find(), r.out());
    double smallest = Double.parseDouble(m.group(1));
    assertTrue(smallest > 1 && smallest < 10, r.out());
    CliTest.Run fits = tenax("simulate", build.toString(), "--trace", trace.toString(), "--cap",
        (smallest * 1.01) + "uF", "--input", input.toString());
    assertTrue(fits.out().contains("inferences completed: 1"), fits.out());
  }

  /**
   * A run that stops inside an inference says how far that one got: its failures are not lost from
   * the report (they used to be: 0 power failures, 0 s simulated).
   */
  @Test
  void theInferenceTheTimeLimitCutsShortIsReportedWithItsFailures() throws Exception {
    CliTest.Run r = tenax("simulate", build.toString(), "--trace", trace.toString(), "--cap", "10uF", "--input",
        input.toString(), "--duration", "0.3s", "--json");
    assertEquals(0, r.code(), r.err() + r.out());
    Map<?, ?> json = (Map<?, ?>) JsonParser.parse(r.out());
    assertEquals(0.3, (Double) json.get("simulated_s"), 1e-9, r.out());
    long completed = (Long) json.get("inferences_completed");
    Map<?, ?> u = (Map<?, ?>) json.get("unfinished_inference");
    assertEquals(completed, u.get("index"), r.out());
    assertTrue((Long) u.get("power_failures") >= 1, r.out());
    assertTrue((Double) u.get("simulated_s") > 0, r.out());
    assertTrue((Double) u.get("on_time_units") < (Long) u.get("needed_units"), r.out());
    CliTest.Run text = tenax("simulate", build.toString(), "--trace", trace.toString(), "--cap", "10uF", "--input",
        input.toString(), "--duration", "0.3s");
    assertTrue(text.out().contains("inference " + completed + " did not finish: " + u.get("power_failures")
        + " power failures"), text.out());
  }

  @Test
  void sweepPrintsOneRowPerGridPointOnARealTrace() throws Exception {
    Path rf = SharedData.require("energy-traces/mspsim-rf/1.txt");
    Path svg = tmp.resolve("sweep.svg");
    CliTest.Run r = tenax("sweep", build.toString(), "--trace", rf.toString(), "--caps", "47uF,100uF", "--von",
        "2.4,3.0", "--voff", "1.8", "--input", input.toString(), "--inferences", "2", "--plot", svg.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.err().contains("detected format mspsim-voltage"), r.err());
    long rows = r.out().lines().filter(l -> l.matches("\\s*\\d+(\\.\\d+)?\\s+\\d\\.\\d\\d\\s+1\\.80\\s+2\\s.*correct"))
        .count();
    assertEquals(4, rows, r.out());
    assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
        .getDocumentElement().getTagName());
  }

  /**
   * A source whose voltage stays below Von never turns the MCU on: the run stops after one pass of
   * the trace and says no capacitor helps, without searching for one (it used to simulate a year).
   */
  @Test
  void aSourceBelowVonStopsAtOnceAndSaysNoCapacitorHelps() throws Exception {
    Path low = Files.writeString(tmp.resolve("low-volts.csv"), "time_s,voltage\n0,0.66\n1,0.66\n");
    CliTest.Run r = tenax("simulate", build.toString(), "--trace", low.toString(), "--source-ohms", "30k", "--cap",
        "10uF", "--input", input.toString());
    assertEquals(ExitCodes.NOT_FINISHED, r.code(), r.err());
    assertTrue(r.out().contains("no capacitor helps: the MCU never turns on"), r.out());
    assertTrue(!r.err().contains("searching for the smallest capacitor"), r.err());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, tenax("simulate", build.toString(), "--trace", trace.toString(), "--von", "1.5").code());
    assertEquals(2, tenax("simulate", build.toString(), "--trace", trace.toString(), "--cap", "10").code());
    assertEquals(2, tenax("simulate", build.toString(), "--trace", tmp.resolve("none.csv").toString()).code());
    assertEquals(2, tenax("simulate", build.toString(), "--trace", trace.toString(), "--inferences", "2",
        "--duration", "1h").code());
    // a capacitor clamped below Von never turns the MCU on: refused, not simulated for a year
    CliTest.Run low = tenax("simulate", build.toString(), "--trace", trace.toString(), "--vmax", "2.0");
    assertEquals(2, low.code(), low.err());
    assertTrue(low.err().contains("--vmax 2.0 V is not above --von 2.4 V"), low.err());
    CliTest.Run eff = tenax("simulate", build.toString(), "--trace", trace.toString(), "--efficiency", "1.5");
    assertEquals(2, eff.code(), eff.err());
    assertTrue(eff.err().contains("--efficiency 1.5 is not a fraction"), eff.err());
    CliTest.Run folder = tenax("simulate", build.toString(), "--trace", tmp.toString());
    assertEquals(2, folder.code(), folder.err());
    assertTrue(folder.err().contains(tmp + " is a folder"), folder.err());
  }

  /** The same model on the MSP430 under mspdebug sim, powered by a real RFID-harvesting recording. */
  @Test
  void anMsp430BuildRunsUnderARealTrace() throws Exception {
    Assumptions.assumeTrue(works("clang-19", "--version") && works("mspdebug", "--version"),
        "needs clang-19 and mspdebug");
    Path q = tmp.resolve("ex/q.onnx");
    Path msp = tmp.resolve("msp");
    CliTest.Run c = tenax("compile", q.toString(), "--intermittent", "--target", "msp430fr5994", "--tile-work", "4000",
        "-o", msp.toString());
    assertEquals(0, c.code(), c.err());
    Path rf = dev.tenax.testing.SharedData.require("energy-traces/mspsim-rf/1.txt");
    // 47 uF: with 100 uF the faster MSP430 kernels finish after a single power failure
    CliTest.Run r = tenax("simulate", msp.toString(), "--trace", rf.toString(), "--cap", "47uF", "--input",
        input.toString(), "--inferences", "1", "--json");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.err().contains("detected format mspsim-voltage"), r.err());
    Map<?, ?> json = (Map<?, ?>) JsonParser.parse(r.out());
    assertEquals(1L, json.get("inferences_completed"));
    assertEquals(Boolean.TRUE, json.get("all_outputs_correct"));
    assertTrue(((Long) json.get("power_failures")) >= 2, r.out());
    // a grid point whose charges are too short for a tile is a row of the table, not the end of the sweep
    // (10 uF: 47 uF finishes since the MSP430 max pool and softmax take ~10x fewer cycles, and 22 uF
    // since the convolutions take the FC's Winograd loop)
    CliTest.Run s = tenax("sweep", msp.toString(), "--trace", rf.toString(), "--caps", "10uF,100uF", "--von", "2.4",
        "--voff", "1.8", "--inferences", "1", "--input", input.toString());
    assertEquals(0, s.code(), s.err() + s.out());
    assertTrue(s.out().lines().anyMatch(l -> l.startsWith("100.0") && l.contains("correct")), s.out());
    assertTrue(s.out().lines().anyMatch(l -> l.startsWith("10.00") && l.contains(" - ") && l.contains("no progress")),
        s.out());
  }
}
