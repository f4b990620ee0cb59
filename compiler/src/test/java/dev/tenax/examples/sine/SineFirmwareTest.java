package dev.tenax.examples.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.codegen.CortexMRunTest;
import dev.tenax.codegen.EmitOptions;
import dev.tenax.codegen.ModelCompiler;
import dev.tenax.codegen.Msp430RunTest;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.HostGcc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sine model quantized as its README does ({@code tenax quantize --calib
 * samples/calibration.npy}, int8) and compiled: on the host it stays within the README's error
 * of sin over the whole held-out grid, and the Cortex-M4 and MSP430FR5994 builds answer every
 * sample with the Java integer evaluator's bits. Skips visibly without the toolchains.
 */
class SineFirmwareTest {
  /** The README's bound for the int8 build (training.txt gives the measured 0.0177). */
  static final double INT8_ERROR_BOUND = 0.025;

  /** The quantized model written to a file and read back, as 'tenax compile' reads the one 'tenax quantize' wrote. */
  private static Graph quantized(Path dir) throws Exception {
    Path file = dir.resolve("model.int8.onnx");
    Files.createDirectories(dir);
    Files.write(file, OnnxExporter.export(SineInt8.quantized(SineExampleTest.model()), "test").toByteArray());
    return Pipeline.standard().run(ModelImporter.load(file, ImportOptions.defaults()));
  }

  private static ModelCompiler.Result compile(Path dir, String target) throws Exception {
    return ModelCompiler.compile(quantized(dir.resolve("model")), new EmitOptions("sine", target, null, "test",
        "model.int8.onnx", "0"), dir.resolve(target));
  }

  @Test
  void theHostBuildStaysCloseToSinOverTheGrid(@TempDir Path dir) throws Exception {
    HostGcc.require();
    Program p = compile(dir, "host").program();
    double sum = 0;
    float[] grid = SineData.grid();
    try (CompiledModel c = CompiledModel.open(dir.resolve("host"))) {
      for (float x : grid) {
        Map<String, Tensor> feed = Map.of(SineOnnx.INPUT, SineData.input(x));
        float[] got = c.run(feed).get(SineOnnx.OUTPUT).floats();
        assertArrayEquals(ProgramInterpreter.run(p, feed).get(SineOnnx.OUTPUT).floats(), got,
            "x = " + x + ": the compiled C differs from the Java integer evaluator");
        sum += Math.abs(got[0] - SineData.sin(x));
      }
    }
    double error = sum / grid.length;
    assertTrue(error <= INT8_ERROR_BOUND, "int8 mean absolute error vs sin: " + error);
    // the number training.txt reports is the integer evaluator's, so it must be this one
    assertTrue(Math.abs(error - SineInt8.gridError(p)) < 1e-12, error + " vs " + SineInt8.gridError(p));
  }

  @Test
  void theCortexM4BuildRunsEverySampleBitExact(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    checkSamples(dir, "cortex-m4", (m, feed) -> QemuRun.run(m, feed, 120).outputs());
  }

  @Test
  void theMsp430BuildRunsEverySampleBitExact(@TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    checkSamples(dir, "msp430fr5994", (m, feed) -> Msp430Run.run(m, feed, 120).outputs());
  }

  /** Runs one inference of a compiled firmware project in its emulator. */
  private interface Emulator {
    Map<String, Tensor> run(ProjectManifest m, Map<String, Tensor> feed) throws Exception;
  }

  private static void checkSamples(Path dir, String target, Emulator emulator) throws Exception {
    Program p = compile(dir, target).program();
    ProjectManifest m = ProjectManifest.read(dir.resolve(target));
    for (int k = 0; k < SineData.sampleCount(); k++) {
      Map<String, Tensor> feed = Map.of(SineOnnx.INPUT, SineData.sample(k));
      assertArrayEquals(ProgramInterpreter.run(p, feed).get(SineOnnx.OUTPUT).floats(),
          emulator.run(m, feed).get(SineOnnx.OUTPUT).floats(), target + ", sample x-" + k);
    }
  }
}
