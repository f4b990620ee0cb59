package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.ModelRejectedException;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.lower.Program;
import dev.tenax.target.Targets;
import dev.tenax.testing.OnnxModelBuilder;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scalar kernels (runtime-c/arm-scalar/src) that cortex-m0 and cortex-m3 projects get: the
 * randomized convolutions, depthwise convolutions and fully-connected layers of
 * {@link DspKernelsRunTest} (channel counts that are and are not multiples of 2 and 4, windows of
 * up to 25 taps, strides, pads, dilations, zero points across the range, grouped convolutions and
 * channel multipliers for the reference loops), and clamped QDQ layers, run under QEMU and must
 * give the Java integer evaluator's bits. cortex-m3 takes the four-channel loops and SMULL's high
 * word in the output stage, cortex-m0 the two-channel loops and the 16 x 16 products (the host
 * cross-checks of dev.tenax.kernels run those paths too, with UndefinedBehaviorSanitizer).
 */
class ScalarKernelsRunTest {
  @ParameterizedTest(name = "{0}, seed {1}, kinds from {2}, {3} layers, small code {4}")
  @CsvSource({"cortex-m3, 51, 0, 24, false", "cortex-m3, 52, 0, 24, false", "cortex-m3, 59, 0, 24, true",
      "cortex-m0, 53, 0, 3, false", "cortex-m0, 54, 3, 3, false", "cortex-m0, 57, 6, 3, false",
      "cortex-m0, 58, 9, 2, false", "cortex-m0, 60, 0, 3, true"})
  void randomLayersRunBitExact(String target, int seed, int firstKind, int layers, boolean smallCode,
      @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    // cortex-m0's 14 KB of SRAM hold a few layers' float inputs and outputs: its models take a
    // few kinds each (DspKernelsRunTest.branch makes kind i for branch i < KINDS), drawn again
    // (the next seed) while the draw does not fit
    Random r = null;
    Map<String, float[]> ranges = null;
    ModelCompiler.Result result = null;
    for (int attempt = 0; result == null; attempt++) {
      r = new Random(seed * 1000L + attempt);
      ranges = new HashMap<>();
      try {
        result = RandomLayersTest.compileRandom("scalar", target, smallCode, layers,
            (b, rr, i, rg) -> DspKernelsRunTest.branch(b, rr, firstKind + i, rg), r, ranges, dir);
      } catch (ModelRejectedException e) {
        assertTrue(attempt < 40 && e.getMessage().contains("SRAM"), e.getMessage());
      }
    }
    int found = 0;
    for (String k : DspKernelsRunTest.DSP_KERNELS) {
      if (!Files.exists(dir.resolve("runtime/src/" + k))) {
        continue; // cortex-m0's models of a few kinds: 0-2 and 6-8 convolutions, 3 and 9-10 depthwise, 5 FC
      }
      found++;
      String variant = RuntimeSources.resourcePath(k, Targets.find(target).orElseThrow());
      assertTrue(variant.startsWith("arm-scalar/"), k + " should be the scalar variant on " + target);
      assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve("runtime-c/" + variant)),
          Files.readAllBytes(dir.resolve("runtime/src/" + k)), k + " must be the " + variant + " variant");
    }
    assertTrue(found > 0, "the model should call a convolution, depthwise or fully-connected kernel");
    Program p = result.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    // --optimize=size: the C output stages instead of the assembly ones (TX_SMALL_CODE)
    assertEquals(smallCode, Files.readString(dir.resolve("Makefile")).contains("CFLAGS ?= -Os -DTX_SMALL_CODE"));
    ModelCompiler.Result compiled = result;
    RandomLayersTest.assertBitExact(p, ranges, r, 2, target + " seed " + seed, feed -> {
      QemuRun.Result got = QemuRun.run(manifest, feed, 300);
      assertTrue(got.ticks() > 0, got.console());
      // the columns and rows on the stack: the link reserves the estimate, and a run beyond it faults
      CortexMRunTest.stackEstimateCoversTheRun(compiled, target, got.console());
      return got.outputs();
    });
  }

  /** QDQ layers with a Clip narrower than the output's range: the output stages' clamps inside int8. */
  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m3, 55", "cortex-m0, 56"})
  void clampedQdqLayersRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < 6; i++) {
      DspKernelsRunTest.qdqBranch(b, r, i);
    }
    DspKernelsRunTest.runQdqBitExact(b, target, r, dir, target + " seed " + seed);
  }

  /**
   * The output stage's three ways (tx_scalar_requant.h): shifts of -2 and below from the high word,
   * -1 from the 64-bit sum (cortex-m3) and 0 and above from tx_requantize, in pointwise layers
   * (the features' groups of four, two and one) and depthwise ones (the channel groups, windows
   * inside the input and cut by the padding), small weights so that the larger multipliers do not
   * saturate every output.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"cortex-m3", "cortex-m0"})
  void outputStageShiftsRunBitExact(String target, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(59);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    int[] shifts = {-1, 0, -2, 1, -1, -24, 2, -3};
    DspConvPixelsRunTest.qdqPointwise(b, r, 0, 5, 11, shifts, 3);
    DspConvPixelsRunTest.qdqPointwise(b, r, 1, 9, 7, shifts, 2);
    MveDepthwiseRunTest.depthwise(b, r, 2, new int[] {11, 6, 5, 3, 3, 1, 1, 1}, shifts, 2);
    MveDepthwiseRunTest.depthwise(b, r, 3, new int[] {6, 7, 4, 3, 3, 2, 1, 1}, shifts, 2);
    DspKernelsRunTest.runQdqBitExact(b, target, r, dir, target + " output stage shifts");
  }

  /**
   * cortex-m3's 3x3 depthwise bands (tx_scalar_dw3_bands.h) over an input one row high, a
   * dilation of 2 down and pads of 4 above and below: output rows 1 and 3 have no input row in
   * their windows though the first and last rows have one, so the check of the ends alone would
   * keep the bands (whose assembly would then read past the input); an input smaller than the
   * dilated window has none, and the pixel loop's outputs must match.
   */
  @Test
  void dilatedWindowsOverAnInputOneRowHighRunBitExact(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(60);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    int c = 8;
    DspConvPixelsRunTest.qdqOperandsForShifts(b, r, 0, new float[] {0.03f, 0.08f}, new long[] {-20, 5},
        new int[] {c, 1, 3, 3}, new int[] {-7}, 20);
    b.input("x0", DType.FLOAT32, 1, c, 1, 9);
    b.node("Conv", List.of("xd0", "wd0", "bd0"), List.of("c0"), Map.of(
        "kernel_shape", Attribute.ofInts(3, 3),
        "dilations", Attribute.ofInts(2, 1),
        "pads", Attribute.ofInts(4, 1, 4, 1), "group", Attribute.ofInt(c)));
    b.node("QuantizeLinear", List.of("c0", "ys0", "yzp0"), List.of("kq0"))
        .node("DequantizeLinear", List.of("kq0", "ys0", "yzp0"), List.of("y0"));
    b.output("y0", DType.FLOAT32, 1, c, 5, 9);
    DspKernelsRunTest.runQdqBitExact(b, "cortex-m3", r, dir, "cortex-m3 dilated windows over one row");
  }
}
