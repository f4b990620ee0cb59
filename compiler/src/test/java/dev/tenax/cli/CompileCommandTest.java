package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quantize, compile and run through the CLI, as the README's quickstart does. */
class CompileCommandTest {
  @TempDir
  Path tmp;

  Path example;

  @BeforeEach
  void writeExample() {
    example = tmp.resolve("ex");
    assertEquals(0, tenax("example", "tiny-cnn", "-o", example.toString()).code());
  }

  private Path quantized() {
    Path q = example.resolve("model.int8.onnx");
    CliTest.Run r = tenax("quantize", example.resolve("model.onnx").toString(), "--calib",
        example.resolve("calibration.npy").toString(), "-o", q.toString());
    assertEquals(0, r.code(), r.err());
    return q;
  }

  @Test
  void compiledModelRunsAndMatchesTheJavaIntegerEvaluatorByteForByte() throws Exception {
    HostGcc.require();
    Path project = tmp.resolve("host");
    CliTest.Run c = tenax("compile", quantized().toString(), "--target", "host", "-o", project.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("arena ") && c.out().contains("lower bound"), c.out());
    assertTrue(Files.exists(project.resolve("libmodel_int8.so")), "the host project is built");
    Path input = example.resolve("input.npy");
    CliTest.Run run = tenax("run", project.toString(), "--input", input.toString(), "-o",
        tmp.resolve("c").toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("probabilities: float32[1,10]"), run.out());
    CliTest.Run java = tenax("exec", quantized().toString(), "--quantized", "--input", input.toString(),
        "-o", tmp.resolve("java").toString());
    assertEquals(0, java.code(), java.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("java/probabilities.npy")),
        Files.readAllBytes(tmp.resolve("c/probabilities.npy")));
  }

  /** Without a build the MSP430 level is make's to decide, and the summary says so and what the estimate expects. */
  @Test
  void msp430ProjectsGeneratedWithoutABuildLeaveTheLevelToMake() throws Exception {
    Path project = tmp.resolve("msp");
    CliTest.Run c = tenax("compile", quantized().toString(), "--target", "msp430fr5994", "--no-build", "-o",
        project.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("code level: make links at -Os and, while that overflows the FRAM below 64 KB, falls "
        + "back to -Oz (assembly loops kept), then to -Oz -DTX_SMALL_CODE (smallest code, slower loops); "
        + "the fit check's estimate, which errs on the large side, "
        + "expects -Os"), c.out());
    assertFalse(Files.exists(project.resolve("model_int8.elf")) || Files.exists(project.resolve(".tenax-level")));
    String makefile = Files.readString(project.resolve("Makefile"));
    assertTrue(makefile.contains("ifeq ($(origin CFLAGS),undefined)")
        && makefile.contains("NEXT_LEVEL = $(if $(filter -Os,$(CFLAGS)),-Oz,") && makefile.contains("> .tenax-level.new"),
        makefile);
  }

  @Test
  void floatModelsCompileWithCalibrationData() {
    CliTest.Run c = tenax("compile", example.resolve("model.onnx").toString(), "--calib",
        example.resolve("calibration.npy").toString(), "--no-build", "-o", tmp.resolve("p").toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(Files.exists(tmp.resolve("p/model.qdq.onnx")));
  }

  /** The 16x8 mode compiles to the s16 kernels, and the C matches the Java evaluator. */
  @Test
  void mode16x8CompilesToTheInt16Kernels() throws Exception {
    HostGcc.require();
    Path p = tmp.resolve("p16");
    CliTest.Run c = tenax("compile", example.resolve("model.onnx").toString(), "--calib",
        example.resolve("calibration.npy").toString(), "--mode", "16x8", "-o", p.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("tx_conv2d_s16"), c.out());
    Path input = example.resolve("input.npy");
    assertEquals(0, tenax("run", p.toString(), "--input", input.toString(), "-o", tmp.resolve("c16").toString()).code());
    assertEquals(0, tenax("exec", p.resolve("model.qdq.onnx").toString(), "--quantized", "--input", input.toString(),
        "-o", tmp.resolve("j16").toString()).code());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("j16/probabilities.npy")),
        Files.readAllBytes(tmp.resolve("c16/probabilities.npy")));
  }

  @Test
  void generatedFilesAreByteIdenticalForTheSameInput() throws Exception {
    Path q = quantized();
    for (String d : List.of("a", "b")) {
      assertEquals(0, tenax("compile", q.toString(), "--no-build", "-o", tmp.resolve(d).toString()).code());
    }
    List<Path> files = files(tmp.resolve("a"));
    assertTrue(files.size() > 10, files.toString());
    for (Path rel : files) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(rel)),
          Files.readAllBytes(tmp.resolve("b").resolve(rel)), rel + " differs between two compilations");
    }
    assertEquals(files, files(tmp.resolve("b")));
    String c = Files.readString(tmp.resolve("a/model_int8.c"));
    assertTrue(c.contains("model SHA-256 ") && c.contains("Generated by Tenax "), c.substring(0, 300));
  }

  @Test
  void nameprefixesEverySymbolSoTwoModelsCanShareAFirmware() throws Exception {
    HostGcc.require();
    Path p = tmp.resolve("p");
    CliTest.Run c = tenax("compile", quantized().toString(), "--name", "kws2", "-o", p.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(Files.exists(p.resolve("kws2.h")) && Files.exists(p.resolve("kws2_weights.c")));
    for (String symbol : definedSymbols(p.resolve("libkws2.so"))) {
      assertTrue(symbol.startsWith("kws2_") || symbol.startsWith("tx_") || symbol.startsWith("_"),
          "symbol " + symbol + " is neither the model's (kws2_) nor the runtime's (tx_)");
    }
    assertEquals(2, tenax("compile", quantized().toString(), "--name", "9lives", "-o", p.toString()).code());
  }

  @Test
  void templateDirReplacesTheBuiltInTemplates() throws Exception {
    Path templates = tmp.resolve("templates");
    copyTree(SharedData.repoRoot().resolve("templates"), templates);
    Path modelC = templates.resolve("model.c.ftl");
    Files.writeString(modelC, "/* customized for our firmware */\n" + Files.readString(modelC));
    CliTest.Run c = tenax("compile", quantized().toString(), "--no-build", "--template-dir",
        templates.toString(), "-o", tmp.resolve("p").toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(Files.readString(tmp.resolve("p/model_int8.c")).startsWith("/* customized for our firmware */"));
    Files.delete(templates.resolve("model_weights.c.ftl"));
    CliTest.Run broken = tenax("compile", quantized().toString(), "--no-build", "--template-dir",
        templates.toString(), "-o", tmp.resolve("q").toString());
    assertEquals(2, broken.code());
    assertTrue(broken.err().contains("model_weights.c.ftl"), broken.err());
    assertFalse(Files.exists(tmp.resolve("q")), "nothing is written when a template is missing");
  }

  @Test
  void inspectSaysWhichNodesOfAQuantizedModelFallBackToFloat() {
    CliTest.Run r = tenax("inspect", quantized().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("quantized execution: 8 kernel calls, every node on integer kernels"), r.out());
    Path kws = SharedData.require("models/mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx");
    CliTest.Run k = tenax("inspect", "--json", kws.toString());
    assertEquals(0, k.code(), k.err());
    assertTrue(k.out().contains("\"float_fallback_nodes\": [\"StatefulPartitionedCall/functional_1/dense/Softmax\"]"),
        k.out());
  }

  /** A Cortex-M project: run under QEMU gives the host's bytes; bench reports every layer. */
  @Test
  void cortexM4ProjectRunsUnderQemuAndBenches() throws Exception {
    dev.tenax.codegen.CortexMRunTest.requireToolchain();
    Path p = tmp.resolve("m4");
    CliTest.Run c = tenax("compile", quantized().toString(), "--target", "cortex-m4", "-o", p.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(Files.exists(p.resolve("model_int8.elf")) && Files.exists(p.resolve("board/mps2-an386.ld")));
    Path input = example.resolve("input.npy");
    CliTest.Run run = tenax("run", p.toString(), "--input", input.toString(), "-o", tmp.resolve("m4out").toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("ticks: "), run.out());
    CliTest.Run java = tenax("exec", quantized().toString(), "--quantized", "--input", input.toString(),
        "-o", tmp.resolve("java").toString());
    assertEquals(0, java.code(), java.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("java/probabilities.npy")),
        Files.readAllBytes(tmp.resolve("m4out/probabilities.npy")));
    CliTest.Run bench = tenax("bench", p.toString());
    assertEquals(0, bench.code(), bench.err());
    assertTrue(bench.out().contains("tx_conv2d_s8") && bench.out().contains("instructions per MAC")
        && bench.out().contains("stack used"), bench.out());
    CliTest.Run zero = tenax("run", p.toString(), "--input", input.toString(), "--timeout", "0", "-o",
        tmp.resolve("never").toString());
    assertEquals(2, zero.code(), zero.err());
    assertTrue(zero.err().contains("--timeout 0 is not a time limit"), zero.err());
    assertFalse(Files.exists(tmp.resolve("never")));
    // a run past its time limit (0 s, which the CLI refuses, through the library) is the firmware's failure
    var manifest = dev.tenax.hostrun.ProjectManifest.read(p);
    var feed = Map.of(manifest.inputs().keySet().iterator().next(),
        dev.tenax.io.TensorFiles.read(input).tensor());
    var slow = org.junit.jupiter.api.Assertions.assertThrows(dev.tenax.hostrun.QemuRun.FirmwareException.class,
        () -> dev.tenax.hostrun.QemuRun.run(manifest, feed, 0));
    assertTrue(slow.getMessage().contains("did not finish"), slow.getMessage());
    StringWriter err = new StringWriter();
    assertEquals(ExitCodes.BUILD_OR_RUN_FAILED, TenaxMain.handle(slow, new PrintWriter(err)));
    assertTrue(err.toString().startsWith("error: qemu-system-arm did not finish"), err.toString());
  }

  /**
   * An MSP430 project: bench gives every kernel call's MCLK cycles under mspdebug sim, which add up
   * to nearly the whole inference that run reports (the rest is the time before the first call),
   * and the linked memory.
   */
  @Test
  void msp430ProjectBenchesPerKernelCall() throws Exception {
    dev.tenax.codegen.Msp430RunTest.requireToolchain();
    Path p = tmp.resolve("msp");
    CliTest.Run c = tenax("compile", quantized().toString(), "--target", "msp430fr5994", "-o", p.toString());
    assertEquals(0, c.code(), c.err());
    Path input = example.resolve("input.npy");
    CliTest.Run run = tenax("run", p.toString(), "--input", input.toString(), "-o", tmp.resolve("mspout").toString());
    assertEquals(0, run.code(), run.err());
    java.util.regex.Matcher whole = java.util.regex.Pattern.compile("MCLK cycles: (\\d+)").matcher(run.out());
    assertTrue(whole.find(), run.out());
    CliTest.Run bench = tenax("bench", p.toString(), "--input", input.toString());
    assertEquals(0, bench.code(), bench.err());
    java.util.regex.Matcher total = java.util.regex.Pattern.compile(
        "total: (\\d+) MCLK cycles .*the calls above sum to (\\d+)\\)").matcher(bench.out());
    assertTrue(total.find(), bench.out());
    long cycles = Long.parseLong(total.group(1));
    long calls = Long.parseLong(total.group(2));
    assertEquals(Long.parseLong(whole.group(1)), cycles, "bench and run measure the same inference");
    assertTrue(calls <= cycles && calls > 0.95 * cycles, calls + " of " + cycles);
    long rows = bench.out().lines().filter(l -> l.matches("\\d+ +tx_\\w+ +\\d+ +[1-9]\\d* .*")).count();
    assertEquals(Files.readString(p.resolve("memory_map.json")).split("\"kernel\"", -1).length - 1, rows,
        "one row with cycles per kernel call:\n" + bench.out());
    assertTrue(bench.out().contains("FRAM: ") && bench.out().contains("of stack used"), bench.out());
  }

  /** Tiles share commits in groups unless --commit-every-tile; the summary lists the groups and the fingerprint differs. */
  @Test
  void tilesShareCommitsInGroupsUnlessEveryTileCommits() throws Exception {
    CliTest.Run grouped = tenax("compile", quantized().toString(), "--intermittent", "--tile-work", "5000",
        "--no-build", "-o", tmp.resolve("grouped").toString());
    CliTest.Run single = tenax("compile", quantized().toString(), "--intermittent", "--tile-work", "5000",
        "--commit-every-tile", "--no-build", "-o", tmp.resolve("single").toString());
    assertEquals(0, grouped.code(), grouped.err());
    assertEquals(0, single.code(), single.err());
    java.util.regex.Pattern head = java.util.regex.Pattern.compile("intermittent: (\\d+) tiles in (\\d+) groups?, "
        + "progress committed to NVM after every (tile|group) \\(fingerprint (\\S+)\\)");
    java.util.regex.Matcher g = head.matcher(grouped.out());
    java.util.regex.Matcher t = head.matcher(single.out());
    assertTrue(g.find() && t.find(), grouped.out() + single.out());
    assertEquals(g.group(1), t.group(1), "the same tiles");
    assertTrue(Integer.parseInt(g.group(2)) < Integer.parseInt(g.group(1)), "no group of several tiles: " + grouped.out());
    assertEquals(t.group(1), t.group(2));
    assertEquals("tile", t.group(3));
    assertFalse(g.group(4).equals(t.group(4)), "progress of one grouping must not resume the other");
    assertTrue(grouped.out().contains("groups (one commit each") && !single.out().contains("groups (one commit each"));
    // the firmware commits where the summary says: one step-table row per group says it ends one
    assertEquals(Integer.parseInt(g.group(2)), groupEnds(tmp.resolve("grouped/model_int8.c")));
    assertEquals(Integer.parseInt(t.group(2)), groupEnds(tmp.resolve("single/model_int8.c")));
    CliTest.Run bad = tenax("compile", quantized().toString(), "--commit-every-tile", "-o", tmp.resolve("b").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("need --intermittent"), bad.err());
  }

  /** Rows of the generated step table that end a group. */
  private static int groupEnds(Path c) throws Exception {
    // a step's row: {first row's byte offset, site, parts[ | <NAME>_ENDS_GROUP]}, /* step i: node */
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^{}]+, \\d+u, \\d+u( \\| \\w+_ENDS_GROUP)?\\},? /\\* step ")
        .matcher(Files.readString(c));
    int ends = 0;
    int steps = 0;
    while (m.find()) {
      steps++;
      ends += m.group(1) != null ? 1 : 0;
    }
    assertTrue(steps > 0, "no step-table rows found in " + c);
    return ends;
  }

  /** --intermittent tiles the calls and adds the resume entry point; --tile-work alone is a usage error. */
  @Test
  void intermittentBuildsGetTilesAndAResumeEntryPoint() throws Exception {
    Path p = tmp.resolve("int");
    CliTest.Run c = tenax("compile", quantized().toString(), "--intermittent", "--tile-work", "5000", "--no-build",
        "-o", p.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("intermittent: ") && c.out().contains("tiles sized by at most 5000 MACs"), c.out());
    String header = Files.readString(p.resolve("model_int8.h"));
    assertTrue(header.contains("int32_t model_int8_resume(") && header.contains("MODEL_INT8_PROGRESS_SIZE"), header);
    assertTrue(Files.exists(p.resolve("runtime/src/tx_progress.c")) && Files.exists(p.resolve("runtime/src/tx_nvm_direct.c")));
    Path input = example.resolve("input.npy");
    runsWithPowerFailures(p, "every:40",
        "(?s).*power failures: [1-9]\\d*, boots: \\d+.*identical to the uninterrupted run.*", "every:3");
    assertEquals(2, tenax("run", p.toString(), "--input", input.toString(), "-o", tmp.resolve("b").toString(),
        "--power-failures", "sometimes").code());
    CliTest.Run plain = tenax("compile", quantized().toString(), "--no-build", "-o", tmp.resolve("plain").toString());
    assertFalse(Files.readString(tmp.resolve("plain/model_int8.c")).contains("tx_progress"),
        "a continuous build must have no checkpoint code");
    assertEquals(0, plain.code());
    CliTest.Run bad = tenax("compile", quantized().toString(), "--tile-work", "5000", "-o", tmp.resolve("bad").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("need --intermittent"), bad.err());
    CliTest.Run charge = tenax("compile", quantized().toString(), "--intermittent", "--no-build", "-o",
        tmp.resolve("charge").toString());
    assertEquals(0, charge.code(), charge.err());
    assertTrue(charge.out().contains("tiles sized to one charge of 100.0 uF charged from 2.40 V to 1.80 V"), charge.out());
    CliTest.Run tiny = tenax("compile", quantized().toString(), "--intermittent", "--capacitor", "10nF", "--no-build",
        "-o", tmp.resolve("tiny").toString());
    assertEquals(65, tiny.code(), tiny.out());
    assertTrue(tiny.err().contains("TX091") && tiny.err().matches("(?s).*a capacitor of at least \\d+ uF.*"), tiny.err());
    assertFalse(Files.exists(tmp.resolve("tiny")));
  }

  /** --power-profile: a board that pays more per MAC gets more, smaller tiles from the same capacitor. */
  @Test
  void aMeasuredPowerProfileSizesTheTiles() throws Exception {
    Path profile = tmp.resolve("slow.power");
    Files.writeString(profile, "# a slow, hungry board\nactive_ua_per_mhz = 300  # measured\nmac_cycles = 60\n");
    CliTest.Run def = tenax("compile", quantized().toString(), "--intermittent", "--capacitor", "100uF", "--no-build",
        "-o", tmp.resolve("default").toString());
    CliTest.Run slow = tenax("compile", quantized().toString(), "--intermittent", "--capacitor", "100uF", "--no-build",
        "--power-profile", profile.toString(), "-o", tmp.resolve("slow").toString());
    assertEquals(0, def.code(), def.err());
    assertEquals(0, slow.code(), slow.err());
    assertTrue(slow.out().contains("power model: your profile, 0.9000 nJ per cycle"), slow.out());
    assertTrue(tiles(slow.out()) > tiles(def.out()), def.out() + slow.out());
    Files.writeString(profile, "mac_cycles = fast\n");
    CliTest.Run bad = tenax("compile", quantized().toString(), "--intermittent", "--no-build", "--power-profile",
        profile.toString(), "-o", tmp.resolve("bad-profile").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("slow.power:1: mac_cycles needs a number"), bad.err());
    CliTest.Run plain = tenax("compile", quantized().toString(), "--no-build", "--power-profile", profile.toString(),
        "-o", tmp.resolve("plain-profile").toString());
    assertEquals(2, plain.code());
    assertTrue(plain.err().contains("need --intermittent"), plain.err());
  }

  private static int tiles(String summary) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("intermittent: (\\d+) tiles").matcher(summary);
    assertTrue(m.find(), summary);
    return Integer.parseInt(m.group(1));
  }

  /**
   * tenax run --power-failures on an intermittent MSP430 build: failures at seeded random MCLK
   * cycles under mspdebug sim, the outputs the Java evaluator's; failures before the firmware can
   * boot are reported as no progress (exit 70).
   */
  @Test
  void intermittentMsp430BuildsRunWithPowerFailures() throws Exception {
    dev.tenax.codegen.Msp430RunTest.requireToolchain();
    Path p = tmp.resolve("msp");
    CliTest.Run c = tenax("compile", quantized().toString(), "--target", "msp430fr5994", "--intermittent",
        "--tile-work", "4000", "-o", p.toString());
    assertEquals(0, c.code(), c.err());
    runsWithPowerFailures(p, "random:4:7", "(?s).*power failures: 4, boots: 5, on-time \\d+ MCLK cycles.*"
        + "identical to the uninterrupted run.*", "every:20000");
    // help text wraps at any space: compare with the line breaks folded
    assertTrue(tenax("run", "--help").out().replaceAll("\\s+", " ").contains("MCLK cycles"));
  }

  /**
   * tenax run --power-failures on {@code schedule} reports what {@code report} matches and writes
   * the Java evaluator's outputs; on {@code stuck} it reports no progress and exits 70.
   */
  private void runsWithPowerFailures(Path project, String schedule, String report, String stuck) throws Exception {
    Path input = example.resolve("input.npy");
    CliTest.Run power = tenax("run", project.toString(), "--input", input.toString(), "-o",
        tmp.resolve("pf").toString(), "--power-failures", schedule);
    assertEquals(0, power.code(), power.err() + power.out());
    assertTrue(power.out().matches(report), power.out());
    CliTest.Run java = tenax("exec", quantized().toString(), "--quantized", "--input", input.toString(),
        "-o", tmp.resolve("pf-java").toString());
    assertEquals(0, java.code(), java.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("pf-java/probabilities.npy")),
        Files.readAllBytes(tmp.resolve("pf/probabilities.npy")));
    CliTest.Run none = tenax("run", project.toString(), "--input", input.toString(), "-o",
        tmp.resolve("stuck").toString(), "--power-failures", stuck);
    assertEquals(ExitCodes.BUILD_OR_RUN_FAILED, none.code(), none.out());
    assertTrue(none.err().contains("TENAX-NO-PROGRESS"), none.err());
    // a point beyond what the firmware's counter holds is the user's to fix, not an internal error
    CliTest.Run far = tenax("run", project.toString(), "--input", input.toString(), "-o",
        tmp.resolve("far").toString(), "--power-failures", "every:99999999999999");
    assertTrue(far.code() == 2 || far.code() == 0, far.code() + ": " + far.err());
    assertFalse(far.err().contains("internal error"), far.err());
  }

  /** The CMakeLists.txt a user adds to a firmware build compiles the same sources. */
  @Test
  void cmakeBuildsTheProjectAsAStaticLibrary() throws Exception {
    Path p = tmp.resolve("p");
    assertEquals(0, tenax("compile", quantized().toString(), "--no-build", "-o", p.toString()).code());
    Path build = tmp.resolve("cmake-build");
    String configure = exec(tmp, "cmake", "-S", p.toString(), "-B", build.toString());
    org.junit.jupiter.api.Assumptions.assumeTrue(configure != null, "cmake is not installed");
    String out = exec(tmp, "cmake", "--build", build.toString());
    assertTrue(out != null && Files.exists(build.resolve("libmodel_int8.a")), out);
  }

  /** Output of a command, or null when it cannot start; fails when it exits non-zero. */
  private static String exec(Path dir, String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ":\n" + out);
    return out;
  }

  @Test
  void usageErrorsSayWhatToDo() {
    CliTest.Run noCalib = tenax("compile", example.resolve("model.onnx").toString(), "-o", tmp.resolve("x").toString());
    assertEquals(2, noCalib.code());
    assertTrue(noCalib.err().contains("--calib"), noCalib.err());
    CliTest.Run target = tenax("compile", example.resolve("model.onnx").toString(), "--target", "z80",
        "-o", tmp.resolve("x").toString());
    assertEquals(2, target.code());
    assertTrue(target.err().contains("available: host"), target.err());
    CliTest.Run floatQuantized = tenax("exec", example.resolve("model.onnx").toString(), "--quantized",
        "--input", example.resolve("input.npy").toString(), "-o", tmp.resolve("x").toString());
    assertEquals(2, floatQuantized.code());
    assertTrue(floatQuantized.err().contains("tenax quantize"), floatQuantized.err());
    CliTest.Run mode = tenax("compile", example.resolve("model.onnx").toString(), "--calib",
        example.resolve("calibration.npy").toString(), "--mode", "int12", "-o", tmp.resolve("x").toString());
    assertEquals(2, mode.code());
    assertTrue(mode.err().contains("int8, 16x8"), mode.err());
    CliTest.Run notProject = tenax("run", example.toString(), "-o", tmp.resolve("y").toString());
    assertEquals(2, notProject.code());
    assertTrue(notProject.err().contains("tenax compile"), notProject.err());
    assertFalse(Files.exists(tmp.resolve("x")) || Files.exists(tmp.resolve("y")));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static List<String> definedSymbols(Path lib) throws Exception {
    Process p = new ProcessBuilder("nm", "-D", "--defined-only", lib.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(30, TimeUnit.SECONDS);
    org.junit.jupiter.api.Assumptions.assumeTrue(p.exitValue() == 0, "nm is not available: " + out);
    List<String> names = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 3 && "TDRB".indexOf(parts[1].charAt(0)) >= 0) {
        names.add(parts[2]);
      }
    }
    assertFalse(names.isEmpty(), out);
    return names;
  }
}
