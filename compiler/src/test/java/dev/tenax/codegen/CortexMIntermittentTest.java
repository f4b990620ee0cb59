package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Intermittent Cortex-M builds under QEMU with the power failing at exact instruction counts (a
 * SysTick countdown under -icount, then a system reset; the arena, inputs, outputs and progress
 * live in the NOLOAD NVM section, the stack is filled with random bytes at every boot): every run
 * finishes with the Java integer evaluator's bits, and a schedule that leaves no tile time to
 * finish is reported as no progress rather than hanging.
 */
class CortexMIntermittentTest {
  @ParameterizedTest(name = "{0} on {1}: {3}")
  @CsvSource({"burn-mnist-cnn, cortex-m4, 5000, random:60:1", "burn-mnist-cnn, cortex-m3, 5000, every:2000000",
      "mlperf-tiny-kws-dscnn-int8-qdq, cortex-m4, 40000, random:40:2",
      "mlperf-tiny-kws-dscnn-int8-qdq, cortex-m33, 40000, every:900000",
      "mlperf-tiny-ic-resnet8-int8-qdq, cortex-m7, 100000, random:25:3",
      // calls of up to 1.6M instructions, failures every 600k: only the run-time halving gets through
      "burn-mnist-cnn, cortex-m4, 1000000, every:600000"})
  void powerFailuresLeaveTheOutputsBitExact(String folder, String target, long tileWork, String schedule,
      @TempDir Path dir) throws Exception {
    runOnSchedules(folder, target, tileWork, java.util.List.of(schedule), dir);
  }

  /**
   * DS-CNN KWS with whole layers as tiles: its depthwise calls fix the kernels' geometry
   * (tx_arm_dsp_dw_fixed.h), but the run-time halves of a call have other row counts, so the build
   * keeps the channels and output row and leaves the rows free; failures every 200k instructions
   * make its largest calls run in halves and quarters, bit-exact.
   */
  @org.junit.jupiter.api.Test
  void runTimePartsKeepAFixedDepthwiseGeometryButItsRows(@TempDir Path dir) throws Exception {
    runOnSchedules("mlperf-tiny-kws-dscnn-int8-qdq", "cortex-m4", 150_000, java.util.List.of("every:100000"), dir);
    String config = java.nio.file.Files.readString(dir.resolve("tx_config.h"));
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS 64 "), config);
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES 320 "), config);
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_DW3_ROWS 0 /* not fixed: the run-time parts differ"),
        config);
  }

  /**
   * Compiles a shared model with tiles of {@code tileWork}, runs it on each schedule and checks
   * the evaluator's bits; then checks that failures every 400 instructions are reported as no
   * progress.
   */
  static void runOnSchedules(String folder, String target, long tileWork, java.util.List<String> schedules,
      Path dir)
      throws Exception {
    CortexMRunTest.requireToolchain();
    ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals(folder)).findFirst().orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + folder + "/" + spec.file()), spec);
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", spec.file(), "0",
        tileWork), dir);
    Program p = r.program();
    ProjectManifest m = ProjectManifest.read(dir);
    assertTrue(m.intermittent());
    Target t = Targets.find(target).orElseThrow();
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(folder.hashCode())));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    QemuRun.Result plain = QemuRun.run(m, feed, 300);
    assertEquals(0, plain.failures());
    long instructions = Math.round(plain.ticks() * 1e9 / t.clockHz());
    for (String schedule : schedules) {
      QemuRun.Result got = QemuRun.run(m, feed, 600,
          PowerSchedule.parse(schedule).firmwareFile(instructions, t.clockHz()));
      assertTrue(got.failures() > 3 && got.boots() == got.failures() + 1, schedule + ": " + got.console());
      for (String out : want.keySet()) {
        assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.outputs().get(out)),
            target + " " + folder + " " + schedule + ", after " + got.failures() + " power failures: output " + out);
      }
    }
    QemuRun.FirmwareException stuck = assertThrows(QemuRun.FirmwareException.class, () -> QemuRun.run(m, feed, 600,
        PowerSchedule.parse("every:400").firmwareFile(instructions, t.clockHz())));
    assertTrue(stuck.getMessage().contains("TENAX-NO-PROGRESS"), stuck.getMessage());
  }

  /**
   * Exhaustive over the progress commits of a small CNN: one run per NVM write index, the power
   * failing right before that write (whichever word of whichever commit it is), on cortex-m4.
   */
  @org.junit.jupiter.api.Test
  void aFailureBeforeEveryNvmWriteLeavesTheOutputsBitExact(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Graph g = KernelCoverageTest.model();
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", "cortex-m4", null, "test", "m.onnx", "0",
        4000).committingEveryTile(), dir); // 11 NVM writes per tile
    Program p = r.program();
    ProjectManifest m = ProjectManifest.read(dir);
    Target t = Targets.find("cortex-m4").orElseThrow();
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(5)));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    int writes = p.steps().size() * 11;
    assertTrue(p.steps().size() > 6, "too few tiles: " + p.steps().size());
    for (int k = 1; k <= writes; k++) {
      QemuRun.Result got = QemuRun.run(m, feed, 120, PowerSchedule.parse("at-nvm-writes:" + k).firmwareFile(0, t.clockHz()));
      assertEquals(1, got.failures(), "write " + k + ": " + got.console());
      for (String out : want.keySet()) {
        assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.outputs().get(out)),
            "power failure before NVM write " + k + " of " + writes + ": output " + out);
      }
    }
  }
}
