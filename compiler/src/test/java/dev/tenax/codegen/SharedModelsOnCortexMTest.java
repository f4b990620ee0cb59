package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared model on every Cortex-M target: it either fits, builds, runs under QEMU and gives
 * the Java integer evaluator's bits, or the compiler refuses it with TX090 and the numbers. The
 * models are quantized as in {@link HostModelsTest} (once each, reused across targets): about a
 * hundred small firmware builds, a minute in all.
 */
class SharedModelsOnCortexMTest {
  private static final Map<String, Set<String>> RAN = new HashMap<>();
  private static final Map<String, Set<String>> REFUSED = new HashMap<>();

  static Stream<Arguments> cases() {
    return CortexMRunTest.cortexTargets().flatMap(t -> HostModelsTest.models().map(m -> Arguments.of(t, m)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void runsBitExactOrIsRefusedWithTheNumbers(String target, ModelSpec spec, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Graph g = HostModelsTest.quantizedOnce(spec);
    ModelCompiler.Result r;
    try {
      r = ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", spec.file(), "0"), dir);
    } catch (ModelRejectedException e) {
      assertEquals(Code.TX090, e.diagnostics().get(0).code(), e.diagnostics().toString());
      assertTrue(e.diagnostics().get(0).message().matches("(?s).*\\d+ bytes.*"), e.diagnostics().toString());
      REFUSED.computeIfAbsent(target, t -> new TreeSet<>()).add(spec.folder());
      return;
    }
    Program p = r.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(spec.folder().hashCode())));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    QemuRun.Result got = QemuRun.run(manifest, feed, 600);
    for (String out : want.keySet()) {
      assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.outputs().get(out)),
          target + " " + spec.folder() + " output " + out + ": firmware differs from the Java integer evaluator");
    }
    CortexMRunTest.stackEstimateCoversTheRun(r, target, got.console());
    RAN.computeIfAbsent(target, t -> new TreeSet<>()).add(spec.folder());
  }

  /** The big boards hold every model; a refusal there would be a bug in the fit check. */
  @AfterAll
  static void theFourMegabyteBoardsRanEveryModel() {
    if (RAN.isEmpty()) {
      return; // skipped: no toolchain
    }
    RAN.forEach((t, ms) -> System.out.println(t + ": " + ms.size() + " models ran bit-exact, refused (too big): "
        + REFUSED.getOrDefault(t, Set.of())));
    long models = HostModelsTest.models().count();
    for (String big : new String[] {"cortex-m3", "cortex-m4", "cortex-m7"}) {
      assertEquals(models, RAN.getOrDefault(big, Set.of()).size(), big + " ran only " + RAN.get(big));
    }
    assertTrue(RAN.getOrDefault("cortex-m0", Set.of()).size() >= 5,
        "cortex-m0 (256 KB flash, 16 KB SRAM) should hold at least the small MLPs: " + RAN.get("cortex-m0"));
  }
}
