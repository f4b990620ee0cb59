package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.examples.TinyCnn;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun.FirmwareException;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.passes.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Intermittent MSP430 builds under mspdebug sim with the power failing (SRAM filled with random
 * bytes, then a reset; FRAM keeps the harness, tensors, arena and progress): at MCLK-cycle points
 * of on-time and before chosen NVM writes, every run ends with the Java integer evaluator's bits,
 * and schedules that leave no time to boot or to finish a tile are reported as no progress.
 */
class Msp430PowerFailureTest {
  /** The tiny CNN of 'tenax example' tiled for the FR5994, its input and the evaluator's outputs. */
  record SmallCnn(Program program, ProjectManifest manifest, Map<String, Tensor> feed, Map<String, Tensor> want) {
    static SmallCnn compile(Path dir) throws Exception {
      return compile(dir, true); // its NVM writes are counted per tile
    }

    /** Tiles of 4000 MACs, committing after each tile or (as builds do by default) after each group of them. */
    static SmallCnn compile(Path dir, boolean commitEveryTile) throws Exception {
      Msp430RunTest.requireToolchain();
      // KernelCoverageTest's model overflows the FR5994's low FRAM once its calls are tiled
      Graph g = HostModelsTest.quantized(Pipeline.standard().run(TinyCnn.graph()));
      EmitOptions options = new EmitOptions("m", "msp430fr5994", null, "test", "m.onnx", "0", 4000);
      ModelCompiler.Result r = ModelCompiler.compile(g, commitEveryTile ? options.committingEveryTile() : options, dir);
      Program p = r.program();
      assertTrue(p.steps().size() > 6, "too few tiles: " + p.steps().size());
      Program.Io in = p.inputs().get(0);
      Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(5)));
      return new SmallCnn(p, ProjectManifest.read(dir), feed, ProgramInterpreter.run(p, feed));
    }

    void assertBitExact(PowerFailureRun.Run got, String what) {
      PowerFailureSweep.assertBitExact(want, got.outputs(), what + ", after " + got.failures() + " power failures");
    }

    /**
     * Runs once per NVM write index that {@code which} accepts, the power failing right before
     * that write, up to the last write of the inference: a first boot writes the restart's commit
     * (11 words: invalidate, 8 fields, 2 check words) and its boot count (2), then every tile
     * commits 11 words. Returns how many indices ran.
     */
    int sweepNvmWrites(IntPredicate which) throws Exception {
      int writes = 13 + 11 * program.steps().size();
      return PowerFailureSweep.oneFailurePerRun(manifest, feed, want, "at-nvm-writes", writes, which);
    }
  }

  @TempDir
  static Path shared;
  private static SmallCnn cnn;

  /** One build for the quick cases (compiling and linking dominate their time otherwise). */
  private static synchronized SmallCnn cnn() throws Exception {
    if (cnn == null) {
      cnn = SmallCnn.compile(shared);
    }
    return cnn;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"random:6:1", "random:6:2", "random:12:3", "every:200000",
      // several failures inside the progress commits of one run (writes 3-11 are the first tile's commit)
      "at-nvm-writes:3,5,7,9,10,14,19,25"})
  void powerFailuresLeaveTheOutputsBitExact(String schedule) throws Exception {
    SmallCnn cnn = cnn();
    PowerFailureRun.Run plain = PowerFailureRun.uninterrupted(cnn.manifest(), cnn.feed(), 120);
    assertEquals(0, plain.failures());
    assertEquals(1, plain.boots());
    cnn.assertBitExact(plain, "uninterrupted");
    PowerFailureRun.Run got = PowerFailureRun.interrupted(cnn.manifest(), cnn.feed(), PowerSchedule.parse(schedule),
        plain.onTime(), 300);
    assertTrue(got.failures() > 3 && got.boots() == got.failures() + 1, schedule + ": " + got.failures()
        + " failures, " + got.boots() + " boots");
    assertTrue(got.onTime() > plain.onTime(), "a failure costs on-time: " + got.onTime() + " vs " + plain.onTime());
    cnn.assertBitExact(got, schedule);
  }

  /**
   * The tiles in groups, as builds are by default: groups of more work than the 200K MCLK cycles
   * between failures, and float quantize and dequantize calls that take more than 100K cycles
   * even in quarters, so the inference gets through only by the run-time fallbacks (a group call
   * by call, a call in halves, then in quarters), the parts' rows found by their byte offsets in
   * the call tables. The run stays bit-exact. (Every 300K cycles sufficed before the MSP430
   * convolutions got faster and the groups shorter.)
   */
  @Test
  void aGroupedBuildGetsThroughItsRunTimeSplitsBitExact(@TempDir Path dir) throws Exception {
    SmallCnn grouped = SmallCnn.compile(dir, false);
    PowerFailureRun.Run plain = PowerFailureRun.uninterrupted(grouped.manifest(), grouped.feed(), 120);
    grouped.assertBitExact(plain, "uninterrupted");
    PowerFailureRun.Run got = PowerFailureRun.interrupted(grouped.manifest(), grouped.feed(),
        PowerSchedule.parse("every:200000"), plain.onTime(), 300);
    assertTrue(got.failures() > 12, got.failures() + " failures: fewer than the groups' fallbacks need");
    grouped.assertBitExact(got, "every:200000, grouped");
  }

  /**
   * Before each of the first boot's writes (the restart's commit and the boot count), and before
   * word t of tile t's commit, so that every word position of a commit is cut once.
   */
  @Test
  void aFailureBeforeNvmWritesLeavesTheOutputsBitExact() throws Exception {
    int ran = cnn().sweepNvmWrites(k -> k <= 13 || (k - 14) % 11 == ((k - 14) / 11) % 11);
    assertTrue(ran > 20, ran + " runs");
  }

  /**
   * Failures every 3k cycles come before the harness has booted; every 10k the harness boots but
   * the tiles, even in quarters, do not finish (the first quantizes floats in software). Both are
   * reported, neither hangs.
   */
  @Test
  void schedulesThatLeaveNoProgressAreReported() throws Exception {
    SmallCnn cnn = cnn();
    for (String schedule : List.of("every:3000", "every:10000", "nvm-writes:3")) {
      FirmwareException stuck = assertThrows(FirmwareException.class, () -> PowerFailureRun.interrupted(
          cnn.manifest(), cnn.feed(), PowerSchedule.parse(schedule), 0, 300), schedule);
      assertTrue(stuck.getMessage().contains("TENAX-NO-PROGRESS"), schedule + ": " + stuck.getMessage());
    }
  }

  /** The whole sweep, for the thorough profile. */
  static void sweepEveryNvmWrite(Path dir) throws Exception {
    SmallCnn cnn = SmallCnn.compile(dir);
    assertEquals(14 + 11 * cnn.program().steps().size(), cnn.sweepNvmWrites(k -> true));
  }

  /** Seeded random cycle points in many runs, for the thorough profile. */
  /**
   * A shared model compiled for the FR5994 with tiles of {@code tileWork} and its groups, run
   * {@code runs} times with {@code points} seeded random MCLK-cycle failures each: every run ends
   * with the Java integer evaluator's bits. Returns the failures seen in all.
   */
  static long manyRandomPointsOnSharedModel(String folder, long tileWork, int runs, int points, Path dir)
      throws Exception {
    Msp430RunTest.requireToolchain();
    dev.tenax.models.ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals(folder)).findFirst()
        .orElseThrow();
    Graph g = HostModelsTest.quantized(dev.tenax.testing.SharedData.require("models/" + folder + "/" + spec.file()),
        spec);
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", "msp430fr5994", null, "test", spec.file(),
        "0", tileWork), dir);
    Program p = r.program();
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(folder.hashCode())));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    ProjectManifest m = ProjectManifest.read(dir);
    PowerFailureRun.Run plain = PowerFailureRun.uninterrupted(m, feed, 300);
    long failures = 0;
    for (int seed : IntStream.rangeClosed(1, runs).toArray()) {
      String schedule = "random:" + points + ":" + seed;
      PowerFailureRun.Run got = PowerFailureRun.interrupted(m, feed, PowerSchedule.parse(schedule), plain.onTime(), 600);
      PowerFailureSweep.assertBitExact(want, got.outputs(), folder + " " + schedule + ", after " + got.failures()
          + " power failures");
      failures += got.failures();
    }
    return failures;
  }

  static void manyRandomPoints(Path dir, int runs, int points) throws Exception {
    SmallCnn cnn = SmallCnn.compile(dir);
    PowerFailureRun.Run plain = PowerFailureRun.uninterrupted(cnn.manifest(), cnn.feed(), 120);
    for (int seed : IntStream.rangeClosed(1, runs).toArray()) {
      String schedule = "random:" + points + ":" + seed;
      cnn.assertBitExact(PowerFailureRun.interrupted(cnn.manifest(), cnn.feed(), PowerSchedule.parse(schedule),
          plain.onTime(), 600), schedule);
    }
  }
}
