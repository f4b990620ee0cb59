package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import dev.tenax.examples.TinyCnn;
import dev.tenax.hostrun.FirstWriteSweep.FirstWrite;
import dev.tenax.hostrun.Msp430FirstWrites;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.passes.Pipeline;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power failing right before a tile's first store to a 16-bit word of the arena or the
 * outputs, on the msp430fr5994 under mspdebug's simulator (watchpoints in batches, then one
 * watched word per failure, hostrun.Msp430FirstWrites): the tiny CNN of 'tenax example' in small
 * tiles ends with the Java integer evaluator's bits whichever first write the power fails at.
 */
class Msp430FirstWriteTest {
  /** The tiny CNN tiled for the FR5994, its input, the evaluator's outputs and its first writes. */
  record SmallCnn(Program program, ProjectManifest manifest, Map<String, Tensor> feed, Map<String, Tensor> want,
      Msp430FirstWrites.Discovery discovery) {
    static SmallCnn compile(Path dir) throws Exception {
      Msp430RunTest.requireToolchain();
      Graph g = HostModelsTest.quantized(Pipeline.standard().run(TinyCnn.graph()));
      ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", "msp430fr5994", null, "test", "m.onnx",
          "0", 2000).committingEveryTile(), dir); // its events are counted per commit, as on Cortex-M
      Program p = r.program();
      assertTrue(p.steps().size() > 8, "too few tiles: " + p.steps().size());
      Program.Io in = p.inputs().get(0);
      Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(7)));
      ProjectManifest m = ProjectManifest.read(dir);
      Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
      Msp430FirstWrites.Discovery discovery = Msp430FirstWrites.discover(m, feed, 120);
      assertEquals(1, discovery.run().boots());
      PowerFailureSweep.assertBitExact(want, discovery.run().outputs(), "uninterrupted, under the watchpoints");
      return new SmallCnn(p, m, feed, want, discovery);
    }

    List<FirstWrite> firstWrites() {
      return discovery.firstWrites();
    }

    PowerFailureRun.Run run(PowerSchedule schedule) throws Exception {
      return Msp430FirstWrites.run(manifest, feed, schedule, discovery, 120);
    }

    /** One run per first write {@code which} accepts, and one past the last; returns how many ran. */
    int sweep(IntPredicate which) throws Exception {
      return PowerFailureSweep.oneFailurePerRun(want, "at-first-writes", firstWrites().size(), which, this::run);
    }
  }

  private static SmallCnn cnn;

  @BeforeAll
  static void compileOnce(@TempDir Path dir) throws Exception {
    cnn = SmallCnn.compile(dir);
  }

  /**
   * Each tile's first store to each word once, in the order of the MCLK counts: every tile stores
   * (so each stretch between commits has events), later tiles store to arena words earlier ones
   * wrote, and the dequantize writes every word of the float outputs last.
   */
  @Test
  void theDiscoveryRunsListTheFirstStoreOfEachWordInEachTile() {
    List<Long> cycles = cnn.discovery().events().stream().map(Msp430FirstWrites.Event::cycle).toList();
    assertEquals(cycles.size(), new HashSet<>(cycles).size(), "two stores in one instruction? " + cycles);
    // a float output word is written by two 16-bit stores, the first of which is its first write
    int outputWords = cnn.manifest().outputs().values().stream().mapToInt(t -> t.size() * 2).sum();
    List<FirstWrite> last = PowerFailureSweep.assertFirstWritesOfEveryTile(cnn.firstWrites(),
        cnn.program().steps().size(), outputWords);
    assertEquals(outputWords, last.stream().map(FirstWrite::address).distinct().count(), "outputs: " + last);
  }

  /** A sample of events (about one in sixteen, the first and the last included), one failure each. */
  @Test
  void aFailureBeforeTheFirstStoreOfSampledWordsLeavesTheOutputsBitExact() throws Exception {
    int events = cnn.firstWrites().size();
    int ran = cnn.sweep(k -> k == 1 || k == events || k % 16 == 5);
    assertTrue(ran > 10, ran + " runs");
  }

  /** Several failures in one run (three in some tiles), through the schedule 'tenax run' takes. */
  @Test
  void aFailureAtEveryThirtySecondFirstWriteLeavesTheOutputsBitExact() throws Exception {
    PowerFailureRun.Run plain = PowerFailureRun.uninterrupted(cnn.manifest(), cnn.feed(), 120);
    PowerFailureRun.Run got = cnn.run(PowerSchedule.parse("first-writes:32"));
    assertEquals(cnn.firstWrites().size() / 32, got.failures(), got.console());
    assertEquals(got.failures() + 1, got.boots());
    assertTrue(got.onTime() > plain.onTime(), "a failure costs on-time: " + got.onTime() + " vs " + plain.onTime());
    PowerFailureSweep.assertBitExact(cnn.want(), got.outputs(), "first-writes:32");
  }

  /** More failures between two commits than keep the tile whole are refused, not run on another path. */
  @Test
  void aScheduleThatWouldSplitATileIsRefused() {
    UsageException e = assertThrows(UsageException.class, () -> cnn.run(PowerSchedule.parse("first-writes:1")));
    assertTrue(e.getMessage().contains("between two commits"), e.getMessage());
  }

  /** Every first write of every tile, one run each, for the thorough profile. */
  static void sweepEveryWord(Path dir) throws Exception {
    SmallCnn cnn = SmallCnn.compile(dir);
    assertEquals(cnn.firstWrites().size() + 1, cnn.sweep(k -> true));
  }
}
