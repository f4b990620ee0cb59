package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.testing.OnnxModelBuilder;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * tx_avg_pool_requant_s8 on the targets: QDQ average pools whose output has another scale,
 * global (1 to 400 taps: one lane group of the DSP variant, several, and a single row longer than
 * a group) and strided windows, channel counts 1 to 70 (the DSP variant's blocks of eight and four
 * and the one to three left), zero points -128 and 127 among random ones, Clips narrower than the
 * output's range, and output scales that give shifts inside and outside the SMMLA output stage's
 * [-23, -2]; bit-exact with the Java evaluator. The DSP variant (runtime-c/arm-dsp/src) under QEMU
 * on cortex-m4, m7 and m33; the msp430-hwmult variant (the portable loops with 16-bit int, its
 * own output stage) under mspdebug sim.
 */
class AvgPoolRequantRunTest {
  static final int BRANCHES = 8;

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m4, 61", "cortex-m4, 62", "cortex-m7, 63", "cortex-m33, 64"})
  void dspVariantRunsBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    ProjectManifest m = compile(target, seed, BRANCHES, dir);
    RandomLayersTest.assertBitExact(program, ranges, random, 1, target + " seed " + seed,
        feed -> QemuRun.run(m, feed, 300).outputs());
    assertKernelFrom(dir, target, "runtime-c/arm-dsp/src/tx_avg_pool_requant_s8.c");
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"msp430fr5994, 65", "msp430fr5994, 66"})
  void hardwareMultiplierVariantRunsBitExactOnTheMsp430(String target, int seed, @TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    ProjectManifest m = compile(target, seed, 4, dir);
    RandomLayersTest.assertBitExact(program, ranges, random, 1, target + " seed " + seed,
        feed -> Msp430Run.run(m, feed, 300).outputs());
    assertKernelFrom(dir, target, "runtime-c/msp430-hwmult/src/tx_avg_pool_requant_s8.c");
  }

  private Program program;
  private Random random;
  /** Every input in [-4, 4). */
  private final Map<String, float[]> ranges = new HashMap<>();

  private ProjectManifest compile(String target, int seed, int branches, Path dir) throws Exception {
    random = new Random(seed);
    int[] kinds = new int[branches];
    for (int i = 0; i < branches; i++) {
      kinds[i] = i;
    }
    program = compilePools(target, random, kinds, ranges, dir);
    return ProjectManifest.read(dir);
  }

  /**
   * A model of one {@link #branch} per entry of {@code kinds} (branch i of kind kinds[i]), its
   * inputs' ranges put in {@code ranges}, compiled for {@code target} into {@code dir}.
   */
  static Program compilePools(String target, Random random, int[] kinds, Map<String, float[]> ranges, Path dir)
      throws Exception {
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < kinds.length; i++) {
      branch(b, random, i, kinds[i]);
      ranges.put("x" + i, new float[] {-4, 4});
    }
    Graph g = dev.tenax.passes.Pipeline.standard().run(new dev.tenax.frontend.ModelImporter(
        dev.tenax.ops.OperatorRegistry.standard(), dev.tenax.frontend.ImportOptions.defaults()).importModel(b.build()));
    Program program = ModelCompiler.compile(g, new EmitOptions("pool", target, null, "test", "random", "0"), dir)
        .program();
    assertEquals(kinds.length, program.steps().stream().filter(s -> s.kernel().equals("tx_avg_pool_requant_s8"))
        .count(), "every branch's pool should requantize");
    return program;
  }

  private static void assertKernelFrom(Path dir, String target, String source) throws Exception {
    assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve(source)),
        Files.readAllBytes(dir.resolve("runtime/src/tx_avg_pool_requant_s8.c")), target + " should get " + source);
  }

  private static final long[] EDGE_ZERO_POINTS = {-128, 127};

  /**
   * x{i} -> Q -> DQ -> (Global)AveragePool -> [Clip] -> Q at another scale -> DQ -> y{i}: a
   * global pool for even kinds, strided windows for odd ones; kinds that are multiples of 4 have
   * channel counts that are too.
   */
  static void branch(OnnxModelBuilder b, Random r, int i, int kind) {
    String x = "x" + i;
    int c = kind % 4 == 0 ? 4 * (1 + r.nextInt(17)) : 1 + r.nextInt(70);
    boolean global = kind % 2 == 0;
    int h, w, kh, kw, sh = 1, sw = 1;
    if (global) {
      switch (r.nextInt(4)) {
        case 0 -> { h = 1; w = 257 + r.nextInt(144); } // one row of more than 256 taps
        case 1 -> { h = 16 + r.nextInt(5); w = 16 + r.nextInt(5); } // 256 to 400 taps
        default -> { h = 1 + r.nextInt(12); w = 1 + r.nextInt(12); }
      }
      c = Math.min(c, 400 * 8 / (h * w) + 1);
      kh = h;
      kw = w;
    } else {
      kh = 1 + r.nextInt(5);
      kw = 1 + r.nextInt(5);
      sh = 1 + r.nextInt(3);
      sw = 1 + r.nextInt(3);
      h = kh + r.nextInt(8);
      w = kw + r.nextInt(8);
    }
    float xs = 0.02f + r.nextFloat() * 0.03f;
    long xzp = r.nextInt(3) == 0 ? EDGE_ZERO_POINTS[r.nextInt(2)] : -128 + r.nextInt(256);
    if (kh * kw > 256) {
      // inputs in [-4, 4) at a zero point of -128 (127) and these scales are -128 (127) below
      // (above) 0 and mostly below -40 (above 40) beyond: sums past the 16-bit lanes' range
      // that only the flush after 256 taps keeps exact
      xs = 0.03f + r.nextFloat() * 0.02f;
      xzp = EDGE_ZERO_POINTS[r.nextInt(2)];
    }
    // output scales from 1/8 to 8 input scales over the window, or 1/4 to 2 input scales: the
    // multiplier's shift inside and outside [-23, -2]
    float ys = r.nextBoolean() ? xs * (0.125f + r.nextFloat() * 8) / (kh * kw) : xs * (0.25f + r.nextFloat() * 2);
    long yzp = r.nextInt(3) == 0 ? EDGE_ZERO_POINTS[r.nextInt(2)] : -128 + r.nextInt(256);
    int oh = (h - kh) / sh + 1;
    int ow = (w - kw) / sw + 1;
    b.input(x, DType.FLOAT32, 1, c, h, w)
        .initializer("xs" + i, Tensor.scalar(xs)).initializer("xzp" + i, Tensor.scalar(DType.INT8, xzp))
        .initializer("ys" + i, Tensor.scalar(ys)).initializer("yzp" + i, Tensor.scalar(DType.INT8, yzp))
        .node("QuantizeLinear", List.of(x, "xs" + i, "xzp" + i), List.of("xq" + i))
        .node("DequantizeLinear", List.of("xq" + i, "xs" + i, "xzp" + i), List.of("xd" + i));
    if (global) {
      b.node("GlobalAveragePool", List.of("xd" + i), List.of("p" + i));
    } else {
      b.node("AveragePool", List.of("xd" + i), List.of("p" + i), Map.of("kernel_shape", Attribute.ofInts(kh, kw),
          "strides", Attribute.ofInts(sh, sw)));
    }
    String pooled = "p" + i;
    if (r.nextBoolean()) {
      // a Clip inside the output's range [ys * (-128 - yzp), ys * (127 - yzp)]: act_min > -128, act_max < 127
      float lo = ys * (-128 - yzp) + ys * (1 + r.nextInt(60));
      float hi = ys * (127 - yzp) - ys * (1 + r.nextInt(60));
      b.initializer("lo" + i, Tensor.scalar(Math.min(lo, hi))).initializer("hi" + i, Tensor.scalar(Math.max(lo, hi)))
          .node("Clip", List.of(pooled, "lo" + i, "hi" + i), List.of("k" + i));
      pooled = "k" + i;
    }
    b.node("QuantizeLinear", List.of(pooled, "ys" + i, "yzp" + i), List.of("yq" + i))
        .node("DequantizeLinear", List.of("yq" + i, "ys" + i, "yzp" + i), List.of("y" + i))
        .output("y" + i, DType.FLOAT32, 1, c, oh, ow);
  }
}
