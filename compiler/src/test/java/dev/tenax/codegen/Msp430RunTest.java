package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import dev.tenax.models.SharedModels;
import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
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
 * Generated MSP430 projects build with clang-19 and ld.lld-19, run in mspdebug's simulator and
 * give the Java integer evaluator's bits. Skips visibly without the tools. The simulator runs
 * about 25 million instructions a second and software multiplication costs ~1,900 MCLK cycles
 * per MAC, so one input per model keeps the time modest.
 */
public class Msp430RunTest {
  public static void requireToolchain() {
    Assumptions.assumeTrue(works("clang-19", "--version") && works("ld.lld-19", "--version")
        && works("mspdebug", "--version"), "clang-19, ld.lld-19 or mspdebug is not installed: MSP430 runs skipped");
  }

  static boolean works(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** The kernel-coverage model (int8 kernels, a float softmax: software floating point). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"msp430fr5994", "msp430fr5969"})
  void kernelCoverageModelRunsBitExact(String target, @TempDir Path dir) throws Exception {
    requireToolchain();
    check(KernelCoverageTest.model(), "kernel-coverage", target, dir);
  }

  /** The shared models small enough for the FR5994's FRAM below 64 KB (see qemu/boards.md). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"onnx-mlir-mnist", "burn-pico-sine-mlp", "tflm-hello-world-sine-mlp",
      "deepc-asl-gesture-mlp", "mnist-14x14-cnn-atmega", "velardo-lesson9-mlp", "mlperf-tiny-open-alibaba-kws"})
  void sharedModelsThatFitRunBitExactOnTheFr5994(String folder, @TempDir Path dir) throws Exception {
    requireToolchain();
    ModelSpec spec = SharedModels.ALL.stream().filter(s -> s.folder().equals(folder)).findFirst().orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + folder + "/" + spec.file()), spec);
    check(g, folder, "msp430fr5994", dir);
  }

  /**
   * The same shared models on the FR5969 (64 KB of FRAM, 2 KB of SRAM): each either runs bit-exact
   * or is refused with the sizes, by the compiler's fit check (TX090) or by the link (the linker's
   * numbers); the small MLPs must run.
   */
  @Test
  void sharedModelsOnTheFr5969RunBitExactOrAreRefusedWithTheNumbers(@TempDir Path dir) throws Exception {
    requireToolchain();
    java.util.Set<String> mustRun = java.util.Set.of("burn-pico-sine-mlp", "tflm-hello-world-sine-mlp",
        "velardo-lesson9-mlp");
    java.util.List<String> ran = new java.util.ArrayList<>();
    for (String folder : java.util.List.of("onnx-mlir-mnist", "burn-pico-sine-mlp", "tflm-hello-world-sine-mlp",
        "deepc-asl-gesture-mlp", "mnist-14x14-cnn-atmega", "velardo-lesson9-mlp", "mlperf-tiny-open-alibaba-kws")) {
      ModelSpec spec = SharedModels.ALL.stream().filter(s -> s.folder().equals(folder)).findFirst().orElseThrow();
      Graph g = HostModelsTest.quantized(SharedData.require("models/" + folder + "/" + spec.file()), spec);
      Path d = dir.resolve(folder);
      String refusal;
      try {
        check(g, folder, "msp430fr5969", d);
        ran.add(folder);
        continue;
      } catch (ModelRejectedException e) {
        refusal = e.getMessage();
        assertTrue(e.diagnostics().stream().allMatch(x -> x.code() == dev.tenax.diag.Code.TX090), refusal);
      } catch (dev.tenax.hostrun.HostBuild.LinkOverflowException e) {
        refusal = e.getMessage();
      }
      assertFalse(mustRun.contains(folder), folder + " should fit the FR5969: " + refusal);
      assertTrue(refusal.matches("(?s).*\\d[\\d,]* bytes.*"), folder + ": no sizes in " + refusal);
      System.out.println("msp430fr5969 refuses " + folder + ": " + refusal.lines().findFirst().orElse(""));
    }
    assertTrue(ran.containsAll(mustRun), "ran " + ran);
  }

  @Test
  void aModelBeyondTheLowFramIsRefusedWithTheNumbers(@TempDir Path dir) throws Exception {
    ModelSpec spec = SharedModels.ALL.stream().filter(s -> s.folder().equals("deepc-mnist-mlp")).findFirst()
        .orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/deepc-mnist-mlp/" + spec.file()), spec);
    ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> ModelCompiler.compile(g,
        new EmitOptions("m", "msp430fr5994", null, "test", "m.onnx", "0"), dir));
    assertEquals(Code.TX090, e.diagnostics().get(0).code());
    String msg = e.diagnostics().get(0).message();
    assertTrue(msg.contains("msp430fr5994") && msg.contains("49,024") && msg.contains("16-bit addresses"), msg);
  }

  /** A program that never reaches tenax_exit is stopped and reported, not hung on. */
  @Test
  void aRunawayFirmwareIsStoppedWithAClearError(@TempDir Path dir) throws Exception {
    requireToolchain();
    QemuRun.FirmwareException e = assertThrows(QemuRun.FirmwareException.class, () -> runWithMainEdited(dir,
        "    paint_stack();", "    while (tenax_stack_used != 0xFFFFu) {\n    }\n    paint_stack();", 2));
    assertTrue(e.getMessage().contains("did not reach tenax_exit"), e.getMessage());
  }

  /** main's status reaches the runner: one that is not 0 is reported, not taken for success. */
  @Test
  void aFailingStatusIsReported(@TempDir Path dir) throws Exception {
    requireToolchain();
    QemuRun.FirmwareException e = assertThrows(QemuRun.FirmwareException.class, () -> runWithMainEdited(dir,
        "    return status == 0 ? 0 :", "    return 5;\n    return status == 0 ? 0 :", 60));
    assertTrue(e.getMessage().contains("status 5"), e.getMessage());
  }

  /** Compiles the kernel-coverage model for the FR5969, replaces {@code from} in main.c, runs it on zeros. */
  private static Msp430Run.Result runWithMainEdited(Path dir, String from, String to, long timeoutSeconds)
      throws Exception {
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("m", "msp430fr5969", null, "test",
        "m.onnx", "0"), dir);
    Path main = dir.resolve("main.c");
    Files.writeString(main, Files.readString(main).replace(from, to));
    ProjectManifest m = ProjectManifest.read(dir);
    var in = m.inputs().entrySet().iterator().next();
    Map<String, Tensor> feed = Map.of(in.getKey(), Tensor.ofFloats(in.getValue().shape(),
        new float[in.getValue().size()]));
    return Msp430Run.run(m, feed, timeoutSeconds);
  }

  private static void check(Graph g, String label, String target, Path dir) throws Exception {
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", "m.onnx", "0"), dir);
    Program p = r.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    Random rnd = new Random(target.hashCode());
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), rnd));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    Msp430Run.Result got = Msp430Run.run(manifest, feed, 300);
    for (String out : want.keySet()) {
      assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.outputs().get(out)),
          target + " output " + out + ": the MSP430 build differs from the Java integer evaluator");
    }
    assertTrue(got.cycles() > 0 && got.instructions() > 0 && got.stackBytes() > 0, got.console());
    // The figures qemu/msp430.md reports (one inference, tenax_begin to tenax_end; linked sizes).
    dev.tenax.hostrun.Msp430Sections size = dev.tenax.hostrun.Msp430Sections.read(dir.resolve("m.elf"));
    System.out.printf("msp430 %s on %s: %,d MCLK cycles, %,d instructions, %,d MACs, stack %d B, FRAM %,d B "
        + "(code %,d), SRAM %,d B + stack%n", label, target, got.cycles(), got.instructions(), r.program().macs(),
        got.stackBytes(), size.fram(), size.code(), size.sram());
  }
}
