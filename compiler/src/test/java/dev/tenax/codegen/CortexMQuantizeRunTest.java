package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cortex-M float-to-int8 quantization with the FPU (runtime-c/arm-dsp/src/tx_quantize_f32_s8.c:
 * VDIV and VCVTR in round-to-nearest mode) and without it (cortex-m0 and cortex-m3:
 * runtime-c/arm-scalar/src/tx_quantize_f32_s8.c, integer division, with UDIV on cortex-m3) under
 * QEMU, on Msp430QuantizeRunTest's inputs (quotients within a few ulps of a half-integer, random
 * bits around the scale, zeros, infinities, NaN): the Java evaluator's bits. The host cross-checks
 * (QuantizeF32S8Test) run the arm-dsp file's portable fallback and the arm-scalar file's bit loop.
 */
class CortexMQuantizeRunTest {

  @ParameterizedTest(name = "{0}, scale {1}, zero point {2}")
  @CsvSource({"cortex-m4, 0.0039215689, -128", "cortex-m4, 0.0123456, 3", "cortex-m7, 7.25, 127",
      "cortex-m33, 1.1754944E-38, 0", "cortex-m4, 3.4028235E38, -5", "cortex-m3, 0.0039215689, -128",
      "cortex-m3, 0.0123456, 3", "cortex-m3, 1.1754944E-38, 0", "cortex-m3, 3.4028235E38, -5",
      "cortex-m0, 7.25, 127", "cortex-m0, 0.0123456, 3"})
  void roundsAsTheFloatDivisionDoes(String target, float scale, int zeroPoint, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Program p = Msp430QuantizeRunTest.compilePair(scale, zeroPoint, target, dir);
    Map<String, Tensor> feed = Msp430QuantizeRunTest.adversarialFeed(p, scale);
    Tensor want = ProgramInterpreter.run(p, feed).values().iterator().next();
    Tensor got = QemuRun.run(ProjectManifest.read(dir), feed, 120).outputs().values().iterator().next();
    assertArrayEquals(HostModelsTest.bits(want), HostModelsTest.bits(got));
  }
}
