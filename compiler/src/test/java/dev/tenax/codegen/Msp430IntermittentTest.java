package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An intermittent MSP430 build (16-bit int: the progress commit, the tiles and the resume code)
 * runs its tiles from FRAM under mspdebug sim and gives the Java integer evaluator's bits.
 * Msp430PowerFailureTest makes the power fail under the simulator.
 */
class Msp430IntermittentTest {
  @Test
  void theResumedTilesGiveTheIntegerEvaluatorsBits(@TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    dev.tenax.models.ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals("deepc-asl-gesture-mlp"))
        .findFirst().orElseThrow();
    ModelCompiler.Result r = ModelCompiler.compile(HostModelsTest.quantized(
        dev.tenax.testing.SharedData.require("models/" + spec.folder() + "/" + spec.file()), spec),
        new EmitOptions("m", "msp430fr5994", null, "test", spec.file(), "0", 2000), dir);
    assertTrue(r.program().steps().size() > 4, "not tiled");
    Program p = r.program();
    assertTrue(Files.readString(dir.resolve("main.c")).contains("m_resume(") && r.view().arenaPlace().equals("FRAM"));
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(3)));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    Msp430Run.Result got = Msp430Run.run(ProjectManifest.read(dir), feed, 300);
    for (String out : want.keySet()) {
      assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.outputs().get(out)), out);
    }
  }
}
