package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import dev.tenax.models.SharedModels;
import dev.tenax.testing.HostGcc;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared model compiled for the smallest arena ({@code --in-place=smallest}): the calls run
 * in place write over input rows that later tiles must not need, which only the C kernels' real
 * reads and writes can show, so the firmware runs on the host's reference kernels and under QEMU
 * on the DSP, Helium and scalar ones, and must give the Java integer evaluator's bits.
 */
class InPlaceModelsTest {
  private static EmitOptions smallest(String target, ModelSpec spec) {
    return new EmitOptions("m", target, null, "test", spec.file(), "0").withInPlace(InPlace.SMALLEST);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tenax.codegen.HostModelsTest#models")
  void hostReferenceKernelsGiveTheEvaluatorsBits(ModelSpec spec, @TempDir Path dir) throws Exception {
    HostGcc.require();
    Graph g = HostModelsTest.quantizedOnce(spec);
    ModelCompiler.Result r = ModelCompiler.compile(g, smallest("host", spec), dir);
    long plain = MemoryPlan.of(r.untiled()).arena().arenaBytes();
    assertTrue(r.plan().arena().arenaBytes() <= plain, "in place may only shrink the arena");
    assertEquals(r.inPlace().isEmpty(), r.plan().arena().arenaBytes() == plain,
        "calls run in place exactly when they make the arena smaller: " + r.inPlace());
    Program p = r.program();
    Random rnd = new Random(spec.folder().hashCode());
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < 2; n++) {
        Program.Io in = p.inputs().get(0);
        Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), rnd));
        Map<String, Tensor> want = ProgramInterpreter.run(r.untiled(), feed);
        Map<String, Tensor> got = compiled.run(feed);
        for (String out : want.keySet()) {
          assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.get(out)),
              spec.folder() + " input " + n + " output " + out + ": in-place C differs from the Java integer evaluator");
        }
      }
    }
  }

  /** The models whose arena shrinks, on a core of each kernel family. */
  static Stream<Arguments> firmware() {
    return Stream.of("cortex-m4", "cortex-m55", "cortex-m3", "cortex-m0").flatMap(t -> Stream.of(
        "mlperf-tiny-kws-dscnn-int8-qdq", "mlperf-tiny-ic-resnet8-int8-qdq")
        .map(m -> Arguments.of(t, SharedModels.ALL.stream().filter(s -> s.folder().equals(m)).findFirst().orElseThrow())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("firmware")
  void optimizedKernelsGiveTheEvaluatorsBits(String target, ModelSpec spec, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Graph g = HostModelsTest.quantizedOnce(spec);
    ModelCompiler.Result r;
    try {
      r = ModelCompiler.compile(g, smallest(target, spec), dir);
    } catch (dev.tenax.diag.ModelRejectedException e) {
      assertEquals("cortex-m0", target, "only the micro:bit may be too small: " + e.diagnostics());
      return;
    }
    assertFalse(r.inPlace().isEmpty(), spec.folder() + " has calls that can run in place");
    Program.Io in = r.program().inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(7)));
    Map<String, Tensor> want = ProgramInterpreter.run(r.untiled(), feed);
    QemuRun.Result got = QemuRun.run(ProjectManifest.read(dir), feed, 600);
    for (String out : want.keySet()) {
      assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.outputs().get(out)),
          target + " " + spec.folder() + " output " + out + ": in-place firmware differs from the Java integer evaluator");
    }
  }
}
