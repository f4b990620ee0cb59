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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power failing right before the first store to NVM words of the arena and the outputs (the
 * kernels' own stores, which the firmware does not count), on cortex-m4 under QEMU through the
 * gdbstub's write watchpoints: the tiny CNN of 'tenax example' in small tiles ends with the Java
 * integer evaluator's bits whichever word's first write the power fails at.
 */
class CortexMFirstWriteTest {
  /** The tiny CNN tiled for cortex-m4, its input, the evaluator's outputs and the words' first-write order. */
  record SmallCnn(Program program, ProjectManifest manifest, Map<String, Tensor> feed, Map<String, Tensor> want,
      List<Long> firstWrites) {
    static SmallCnn compile(Path dir) throws Exception {
      CortexMRunTest.requireToolchain();
      Graph g = HostModelsTest.quantized(Pipeline.standard().run(TinyCnn.graph()));
      ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", "cortex-m4", null, "test", "m.onnx",
          "0", 2000), dir);
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
     * One run per first-written word that {@code which} accepts (numbered from 1 in first-write
     * order), the power failing right before its first store, and one run past the last word
     * (no failure). Returns how many runs there were.
     */
    int sweep(IntPredicate which) throws Exception {
      return PowerFailureSweep.oneFailurePerRun(manifest, feed, want, "at-first-writes", firstWrites.size(), which);
    }
  }

  private static SmallCnn cnn;

  /** One build and discovery run for the quick cases. */
  @BeforeAll
  static void compileOnce(@TempDir Path dir) throws Exception {
    cnn = SmallCnn.compile(dir);
  }

  /** The debugger sees every word of the outputs written once, and the arena's words, each once. */
  @Test
  void theDiscoveryRunListsEachWrittenWordOnce() throws Exception {
    List<Long> order = cnn.firstWrites();
    assertEquals(order.size(), new HashSet<>(order).size(), "a word counted twice: " + order);
    int outputWords = cnn.manifest().outputs().values().stream().mapToInt(t -> t.size()).sum();
    // the arena holds at least the input's int8 copy and the first convolution's output
    assertTrue(order.size() > outputWords + 100, order.size() + " words");
    // the last call, the dequantize, writes the float outputs after everything else
    List<Long> last = order.subList(order.size() - outputWords, order.size());
    for (int i = 1; i < last.size(); i++) {
      assertEquals(last.get(i - 1) + 4, last.get(i), "the outputs are written in order: " + last);
    }
  }

  /** A sample of words (about one in eight, the first and the last included), one failure each. */
  @Test
  void aFailureBeforeTheFirstStoreOfSampledWordsLeavesTheOutputsBitExact() throws Exception {
    int words = cnn.firstWrites().size();
    int ran = cnn.sweep(k -> k == 1 || k == words || k % 8 == 3);
    assertTrue(ran > 20, ran + " runs");
  }

  /** Several failures in one run, each at a word not written before, through the schedule 'tenax run' takes. */
  @Test
  void aFailureAtEveryTwentiethFirstWriteLeavesTheOutputsBitExact() throws Exception {
    PowerFailureRun.Run got = PowerFailureRun.interrupted(cnn.manifest(), cnn.feed(),
        PowerSchedule.parse("first-writes:20"), 0, 120);
    assertEquals(cnn.firstWrites().size() / 20, got.failures(), got.console());
    assertEquals(got.failures() + 1, got.boots());
    PowerFailureSweep.assertBitExact(cnn.want(), got.outputs(), "first-writes:20");
  }

  /** Every word's first write, one run each, for the thorough profile. */
  static void sweepEveryWord(Path dir) throws Exception {
    SmallCnn cnn = SmallCnn.compile(dir);
    assertEquals(cnn.firstWrites().size() + 1, cnn.sweep(k -> true));
  }
}
