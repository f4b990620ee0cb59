package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.CompiledModel;
import dev.tenax.intermittent.Idempotence;
import dev.tenax.intermittent.Tiling;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.lower.Step;
import dev.tenax.models.ModelSpec;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiles (the unit an intermittent build commits) compose: a program whose calls are split into
 * row bands and element ranges gives the untiled program's bits in the Java evaluator and as
 * compiled C, and no tile writes memory it reads, so any tile can run again after a power failure.
 */
class TiledProgramTest {
  static Stream<ModelSpec> models() {
    return HostModelsTest.models().filter(s -> !s.folder().contains("vww"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void tilesGiveTheUntiledBitsAndNeverReadWhatTheyWrite(ModelSpec spec) throws Exception {
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + spec.folder() + "/" + spec.file()), spec);
    Program p = Lowering.lower(g, OperatorRegistry.standard());
    Tiling t = Tiling.split(p, 3000);
    assertEquals(p.steps().size(), t.tilesPerStep().size());
    assertEquals(t.program().steps().size(), t.tilesPerStep().stream().mapToInt(Integer::intValue).sum());
    for (int i = 0; i < p.steps().size(); i++) {
      Step s = p.steps().get(i);
      if (s instanceof dev.tenax.lower.Tileable tile && tile.maxTiles() > 1 && Tiling.work(s) > 3000) {
        assertTrue(t.tilesPerStep().get(i) > 1, "step " + i + " " + s.kernel() + " was not split");
      }
    }
    assertEquals(java.util.List.of(), Idempotence.check(t.program(), MemoryPlan.of(t.program())));
    Random rnd = new Random(spec.folder().hashCode());
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), rnd));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    Map<String, Tensor> got = ProgramInterpreter.run(t.program(), feed);
    for (String out : want.keySet()) {
      assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.get(out)),
          spec.folder() + " output " + out + ": the tiled program differs");
    }
  }

  /** The C of a tiled program: every tile a call on offset pointers, the weights emitted once. */
  @Test
  void compiledTilesGiveTheUntiledBits(@TempDir Path dir) throws Exception {
    HostGcc.require();
    ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals("mlperf-tiny-kws-dscnn-int8-qdq"))
        .findFirst().orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + spec.folder() + "/" + spec.file()), spec);
    Program p = Lowering.lower(g, OperatorRegistry.standard());
    Tiling t = Tiling.split(p, 20000);
    assertTrue(t.program().steps().size() > 3 * p.steps().size(), t.tilesPerStep().toString());
    ModelCompiler.Result tiled = ModelCompiler.compile(t.program(), new EmitOptions("m", "host", null, "test", "m.onnx", "0"));
    ModelCompiler.Result whole = ModelCompiler.compile(p, new EmitOptions("m", "host", null, "test", "m.onnx", "0"));
    assertEquals(whole.view().weightBytes(), tiled.view().weightBytes(), "tiles must share their call's weights");
    dev.tenax.io.OutputDirectory out = new dev.tenax.io.OutputDirectory(dir);
    tiled.files().forEach(out::add);
    out.commit();
    Program.Io in = p.inputs().get(0);
    try (CompiledModel c = CompiledModel.open(dir)) {
      for (int n = 0; n < 2; n++) {
        Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(n)));
        Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
        Map<String, Tensor> got = c.run(feed);
        for (String o : want.keySet()) {
          assertArrayEquals(HostModelsTest.bits(want.get(o)), HostModelsTest.bits(got.get(o)), "output " + o);
        }
      }
    }
  }

  /**
   * An intermittent build also emits each tile's halves and quarters for run-time splitting; their
   * weights are slices of the tile's, so the constant data stays that of the plain build (it was
   * three times as large, which pushed MNIST out of the FR5994's FRAM).
   */
  @Test
  void runTimeSplitsPointIntoTheirTilesWeights() throws Exception {
    ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals("onnx-mlir-mnist")).findFirst()
        .orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + spec.folder() + "/" + spec.file()), spec);
    ModelCompiler.Result plain = ModelCompiler.compile(g, new EmitOptions("m", "host", null, "test", "m.onnx", "0"));
    ModelCompiler.Result intermittent = ModelCompiler.compile(g, new EmitOptions("m", "host", null, "test",
        "m.onnx", "0", 5000));
    assertTrue(intermittent.tiling().program().steps().size() > plain.program().steps().size(),
        "the fully-connected layers should be tiled");
    assertEquals(plain.view().weightBytes(), intermittent.view().weightBytes(),
        "run-time halves and quarters must point into their tile's weights");
    String c = new String(intermittent.files().get("m.c"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(c.contains("_weights + "), "a split should address its rows of the tile's weights");
  }
}
