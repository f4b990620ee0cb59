package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.passes.Pipeline;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated Cortex-M projects build with arm-none-eabi-gcc, run under QEMU on each target's
 * board, and give the Java integer evaluator's bits. Skips visibly without the toolchain.
 */
public class CortexMRunTest {
  public static void requireToolchain() {
    Assumptions.assumeTrue(works("arm-none-eabi-gcc", "--version") && works("qemu-system-arm", "--version"),
        "arm-none-eabi-gcc or qemu-system-arm is not installed: Cortex-M runs skipped");
  }

  private static boolean works(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static Stream<String> cortexTargets() {
    return Targets.names().stream().filter(n -> n.startsWith("cortex-m"));
  }

  /** The example model (int8 kernels, a float softmax) on every Cortex-M target. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cortexTargets")
  void exampleModelRunsBitExactOnEveryTarget(String target, @TempDir Path dir) throws Exception {
    requireToolchain();
    Graph g = KernelCoverageTest.model();
    check(g, target, dir, 2);
  }

  /** Every MLPerf Tiny QDQ model on cortex-m4 (the acceptance target). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx",
      "mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx", "mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx",
      "mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx"})
  void mlperfTinyModelsRunBitExactOnCortexM4(String file, @TempDir Path dir) throws Exception {
    requireToolchain();
    Path model = SharedData.require("models/" + file);
    Graph g = Pipeline.standard().run(ModelImporter.load(model, ImportOptions.defaults()));
    check(g, "cortex-m4", dir, 1);
  }

  /** A firmware that faults is reported with the fault line, not as a result. */
  @Test
  void aFaultingFirmwareIsReportedWithTheFault(@TempDir Path dir) throws Exception {
    requireToolchain();
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("m", "cortex-m3", null, "test", "m.onnx", "0"), dir);
    Path main = dir.resolve("main.c");
    java.nio.file.Files.writeString(main, java.nio.file.Files.readString(main).replace(
        "    paint_stack();", "    *(volatile uint32_t *)0xE0F00000u = 1u; /* unmapped: faults */\n    paint_stack();"));
    ProjectManifest m = ProjectManifest.read(dir);
    Map<String, Tensor> feed = Map.of(m.inputs().keySet().iterator().next(),
        Tensor.ofFloats(m.inputs().values().iterator().next().shape(), new float[m.inputs().values().iterator().next().size()]));
    QemuRun.FirmwareException e = assertThrows(QemuRun.FirmwareException.class, () -> QemuRun.run(m, feed, 60));
    assertTrue(e.getMessage().contains("TENAX-FAULT"), e.getMessage());
  }

  /**
   * The link reserves the estimated stack (STACK_SIZE), and on ARMv8-M (MSPLIM) a stack that
   * outgrows its reserve faults and says so instead of overwriting the arena: so every cortex-m33
   * and cortex-m55 run, intermittent ones included, checks the estimate it was linked with.
   */
  @Test
  void aStackBeyondItsReserveFaultsOnArmv8mAndSaysSo(@TempDir Path dir) throws Exception {
    requireToolchain();
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("m", "cortex-m33", null, "test", "m.onnx", "0"), dir);
    Path makefile = dir.resolve("Makefile");
    String text = java.nio.file.Files.readString(makefile);
    assertTrue(text.contains("STACK_SIZE ?= "), text);
    java.nio.file.Files.writeString(makefile, text.replaceFirst("STACK_SIZE \\?= \\d+", "STACK_SIZE ?= 128"));
    ProjectManifest m = ProjectManifest.read(dir);
    Map<String, Tensor> feed = Map.of(m.inputs().keySet().iterator().next(),
        Tensor.ofFloats(m.inputs().values().iterator().next().shape(), new float[m.inputs().values().iterator().next().size()]));
    QemuRun.FirmwareException e = assertThrows(QemuRun.FirmwareException.class, () -> QemuRun.run(m, feed, 60));
    assertTrue(e.getMessage().contains("stack overflow") && e.getMessage().contains("STACK_SIZE"), e.getMessage());
  }

  @Test
  void aModelTooLargeForTheBoardIsRefusedWithTheNumbers(@TempDir Path dir) throws Exception {
    Path model = SharedData.require("models/mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx");
    Graph g = Pipeline.standard().run(ModelImporter.load(model, ImportOptions.defaults()));
    ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> ModelCompiler.compile(g,
        new EmitOptions("vww", "cortex-m0", null, "test", "vww.onnx", "0"), dir));
    assertEquals(Code.TX090, e.diagnostics().get(0).code());
    assertTrue(e.diagnostics().get(0).message().contains("cortex-m0"), e.diagnostics().toString());
  }

  private static void check(Graph g, String target, Path dir, int inputs) throws Exception {
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", "m.onnx", "0"), dir);
    Program p = r.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    Random rnd = new Random(target.hashCode());
    for (int n = 0; n < inputs; n++) {
      Program.Io in = p.inputs().get(0);
      float[] x = new float[in.type().size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextFloat() * 2 - 0.5f;
      }
      Map<String, Tensor> feed = Map.of(in.name(), Tensor.ofFloats(in.type().shape(), x));
      Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
      QemuRun.Result got = QemuRun.run(manifest, feed, 300);
      for (String out : want.keySet()) {
        assertArrayEquals(HostModelsTest.bits(want.get(out)),
            HostModelsTest.bits(got.outputs().get(out)), target + " output " + out);
      }
      assertTrue(got.ticks() > 0, got.console());
      stackEstimateCoversTheRun(r, target, got.console());
    }
  }

  /**
   * The fit check's stack estimate is at least the stack the run used (stack painting, TENAX-MEM)
   * and not wasteful: at most 1.5 times it plus 1 KB; for a build compiled for size, the estimate
   * from the frames measured at -Os.
   */
  static void stackEstimateCoversTheRun(ModelCompiler.Result r, String target, String console) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("TENAX-MEM stack=(\\d+)").matcher(console);
    assertTrue(m.find(), console);
    long used = Long.parseLong(m.group(1));
    boolean smallCode = EmitOptions.SMALL_CODE.equals(r.view().codeOptimization());
    dev.tenax.target.StackEstimate e = StackEstimator.of(r.program().steps(), Targets.find(target).orElseThrow(), false,
        smallCode);
    System.out.printf("stack on %s: %d used, %d estimated (%s)%n", target, used, e.bytes(), e.source());
    assertTrue(e.bytes() >= used, target + ": " + used + " bytes of stack used, " + e);
    assertTrue(e.bytes() <= used * 3 / 2 + 1024, target + ": " + used + " bytes of stack used, " + e);
    java.util.regex.Matcher reserved = java.util.regex.Pattern.compile("stack_reserved=(\\d+)").matcher(console);
    assertTrue(reserved.find(), console);
    assertEquals((e.bytes() + 7) / 8 * 8, Long.parseLong(reserved.group(1)), target + ": the link's reserve, " + e);
  }
}
