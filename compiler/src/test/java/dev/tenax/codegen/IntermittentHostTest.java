package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An intermittent build on the host under injected power failures: a failure at every event of an
 * inference (every NVM word write of every commit, every finished tile), each followed by a second
 * one at a random later point, and failures every N events; every run's outputs equal the
 * uninterrupted run's, which equal the Java integer evaluator's (the driver,
 * compiler/src/test/c/intermittent_host_driver.c, prints one sentinel line). Every run also reports
 * its result through m_result_ready/m_result_reported, with failures inside the report: the driver
 * fails unless each inference is reported once (twice only for a failure in the window m.h names).
 */
class IntermittentHostTest {
  @ParameterizedTest(name = "{0}, tiles of {1} MACs")
  @CsvSource({"burn-mnist-cnn, 20000", "mlperf-tiny-kws-dscnn-int8-qdq, 100000", "deepc-mnist-mlp, 5000"})
  void everyFailurePointGivesTheUninterruptedBits(String folder, long tileWork, @TempDir Path dir) throws Exception {
    failEverywhere(folder, tileWork, dir);
  }

  /**
   * Groups of several calls share one commit; a failure at any call or commit write of a group
   * re-runs the group from its first call (or, when it keeps failing, one call at a time).
   */
  @ParameterizedTest(name = "{0}, groups of {1} MACs")
  @CsvSource({"burn-mnist-cnn, 400000", "deepc-mnist-mlp, 60000"})
  void groupsOfSeveralCallsCutAtEveryEventGiveTheEvaluatorsBits(String folder, long tileWork, @TempDir Path dir)
      throws Exception {
    ModelCompiler.Result r = failEverywhere(folder, tileWork, dir);
    assertTrue(r.groups().sizes().stream().anyMatch(n -> n >= 3), "no group of several calls: " + r.groups());
  }

  private static ModelCompiler.Result failEverywhere(String folder, long tileWork, Path dir) throws Exception {
    HostGcc.require();
    ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals(folder)).findFirst().orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + folder + "/" + spec.file()), spec);
    ModelCompiler.Result r = ModelCompiler.compile(g,
        new EmitOptions("m", "host", null, "test", spec.file(), "0", tileWork), dir);
    assertTrue(r.view().steps().size() > Lowering.lower(g, OperatorRegistry.standard()).steps().size(),
        "the build was not tiled");
    List<Path> sources = new ArrayList<>(List.of(HostGcc.testSource("intermittent_host_driver.c"),
        dir.resolve("m.c"), dir.resolve("m_weights.c")));
    try (Stream<Path> s = Files.list(dir.resolve("runtime/src"))) {
      // The driver is the platform: its NVM writes inject the failures.
      s.filter(p -> !p.getFileName().toString().equals("tx_nvm_direct.c")).sorted().forEach(sources::add);
    }
    List<String> flags = new ArrayList<>(HostGcc.STRICT);
    flags.addAll(List.of("-O2", "-ffp-contract=off", "-DM_PROFILE", "-I" + dir, "-I" + dir.resolve("runtime/include")));
    Path exe = HostGcc.compile(dir.resolve("driver"), flags, sources.toArray(Path[]::new));

    Program p = r.program();
    Program.Io in = p.inputs().get(0);
    Tensor x = HostModelsTest.random(in.type(), new Random(folder.hashCode()));
    ByteBuffer b = ByteBuffer.allocate(x.floats().length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : x.floats()) {
      b.putFloat(v);
    }
    Files.write(dir.resolve("in.bin"), b.array());
    Process proc = new ProcessBuilder(exe.toString(), dir.resolve("in.bin").toString(), dir.resolve("out.bin").toString())
        .redirectErrorStream(true).start();
    String console = new String(proc.getInputStream().readAllBytes());
    assertEquals(0, proc.waitFor(), console);
    assertTrue(console.matches("(?s).*TENAX-INTERMITTENT-OK events=\\d+ runs=\\d+\\s*"), console);

    Tensor want = ProgramInterpreter.run(p, Map.of(in.name(), x)).values().iterator().next();
    ByteBuffer got = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("out.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[want.floats().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = got.getFloat();
    }
    assertArrayEquals(HostModelsTest.bits(want), HostModelsTest.bits(Tensor.ofFloats(want.type().shape(), out)));
    return r;
  }
}
