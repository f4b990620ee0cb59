package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.examples.TinyCnn;
import dev.tenax.hostrun.FirstWriteSweep;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power failing right before a tile's first store to a word of the arena or the outputs (the
 * kernels' own stores, which the firmware does not count), on cortex-m4 under QEMU through the
 * gdbstub's write watchpoints: the tiny CNN of 'tenax example' in small tiles ends with the Java
 * integer evaluator's bits whichever first write the power fails at.
 */
class CortexMFirstWriteTest {
  /**
   * The tiny CNN tiled for cortex-m4 (or the host), its input, the evaluator's outputs and its
   * first writes in order.
   */
  record SmallCnn(Program program, ProjectManifest manifest, Map<String, Tensor> feed, Map<String, Tensor> want,
      List<FirstWriteSweep.FirstWrite> firstWrites) {
    static SmallCnn compile(Path dir) throws Exception {
      CortexMRunTest.requireToolchain();
      return compile(dir, "cortex-m4");
    }

    /** The same for {@code target} (cortex-m4, or host: HostFirstWriteTest), whose toolchain is present. */
    static SmallCnn compile(Path dir, String target) throws Exception {
      Graph g = HostModelsTest.quantized(Pipeline.standard().run(TinyCnn.graph()));
      ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", "m.onnx",
          "0", 2000).committingEveryTile(), dir); // its events are counted per commit
      Program p = r.program();
      assertTrue(p.steps().size() > 8, "too few tiles: " + p.steps().size());
      Program.Io in = p.inputs().get(0);
      Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(7)));
      ProjectManifest m = ProjectManifest.read(dir);
      SmallCnn cnn = new SmallCnn(p, m, feed, ProgramInterpreter.run(p, feed), List.of());
      FirstWriteSweep.Result discovery = FirstWriteSweep.run(m, feed, PowerSchedule.parse("none"), 120);
      assertEquals(1, discovery.run().boots());
      PowerFailureSweep.assertBitExact(cnn.want(), discovery.run().outputs(), "uninterrupted, under the debugger");
      return new SmallCnn(p, m, feed, cnn.want(), discovery.firstWrites());
    }

    /**
     * One run per first write that {@code which} accepts (numbered from 1 in the order of the
     * discovery run), the power failing right before that store, and one run past the last (no
     * failure). Returns how many runs there were.
     */
    int sweep(IntPredicate which) throws Exception {
      return PowerFailureSweep.oneFailurePerRun(manifest, feed, want, "at-first-writes", firstWrites.size(), which);
    }

    /**
     * The discovery run (no failure) sees each tile's first store to each word once: every tile of
     * the program stores (so each stretch between commits has events), later tiles store to arena
     * words earlier ones wrote, and the last tile, the dequantize, writes the float outputs in order.
     */
    void assertEveryTileStoresAndTheOutputsComeLast() {
      int outputWords = manifest().outputs().values().stream().mapToInt(t -> t.size()).sum();
      List<FirstWriteSweep.FirstWrite> last = PowerFailureSweep.assertFirstWritesOfEveryTile(firstWrites(),
          program().steps().size(), outputWords);
      for (int i = 1; i < last.size(); i++) {
        assertEquals(last.get(i - 1).address() + 4, last.get(i).address(), "the outputs are written in order: " + last);
      }
    }
  }

  private static SmallCnn cnn;

  /** One build and discovery run for the quick cases. */
  @BeforeAll
  static void compileOnce(@TempDir Path dir) throws Exception {
    cnn = SmallCnn.compile(dir);
  }

  /** The discovery run sees each tile's first stores, the outputs' last (SmallCnn's check). */
  @Test
  void theDiscoveryRunListsTheFirstStoreOfEachWordInEachTile() {
    cnn.assertEveryTileStoresAndTheOutputsComeLast();
  }

  /** A sample of events (about one in eight, the first and the last included), one failure each. */
  @Test
  void aFailureBeforeTheFirstStoreOfSampledWordsLeavesTheOutputsBitExact() throws Exception {
    int events = cnn.firstWrites().size();
    int ran = cnn.sweep(k -> k == 1 || k == events || k % 8 == 3);
    assertTrue(ran > 20, ran + " runs");
  }

  /** Several failures in one run, each at a first write not seen before, through the schedule 'tenax run' takes. */
  @Test
  void aFailureAtEveryTwentiethFirstWriteLeavesTheOutputsBitExact() throws Exception {
    PowerFailureRun.Run got = PowerFailureRun.interrupted(cnn.manifest(), cnn.feed(),
        PowerSchedule.parse("first-writes:20"), 0, 120);
    assertEquals(cnn.firstWrites().size() / 20, got.failures(), got.console());
    assertEquals(got.failures() + 1, got.boots());
    PowerFailureSweep.assertBitExact(cnn.want(), got.outputs(), "first-writes:20");
  }

  /** Every first write of every tile, one run each, for the thorough profile. */
  static void sweepEveryWord(Path dir) throws Exception {
    SmallCnn cnn = SmallCnn.compile(dir);
    assertEquals(cnn.firstWrites().size() + 1, cnn.sweep(k -> true));
  }
}
