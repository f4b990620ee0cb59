package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.lower.Program;
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
 * The Helium (MVE) kernels (runtime-c/arm-mve/src) that cortex-m55 projects get:
 * randomized convolutions, depthwise convolutions and fully-connected layers (channel counts
 * that are not multiples of 4, odd strides, pads and dilations, zero points across the range,
 * also grouped convolutions and channel multipliers the DSP paths hand to the portable loops)
 * run under QEMU and must give the Java integer evaluator's bits.
 */
class MveKernelsRunTest {
  static final int BRANCHES = 20;

  static final List<String> MVE_KERNELS = List.of("tx_conv2d_s8.c", "tx_fully_connected_s8.c",
      "tx_depthwise_conv2d_s8.c");

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m55, 21", "cortex-m55, 22", "cortex-m55, 23", "cortex-m55, 24"})
  void randomLayersRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    Map<String, float[]> ranges = new HashMap<>();
    ModelCompiler.Result result = RandomLayersTest.compileRandom("mve", target, BRANCHES, MveKernelsRunTest::branch, r,
        ranges, dir);
    for (String k : MVE_KERNELS) {
      assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve("runtime-c/arm-mve/src/" + k)),
          Files.readAllBytes(dir.resolve("runtime/src/" + k)), k + " must be the MVE variant");
    }
    Program p = result.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    RandomLayersTest.assertBitExact(p, ranges, r, 2, target + " seed " + seed, feed -> {
      QemuRun.Result got = QemuRun.run(manifest, feed, 300);
      assertTrue(got.ticks() > 0, got.console());
      // many inputs, outputs and buffers: the harness's frames grow, and the link reserves the estimate
      CortexMRunTest.stackEstimateCoversTheRun(result, target, got.console());
      return got.outputs();
    });
  }

  /**
   * The Helium conv's output stages over the whole shift range: 1x1 QDQ layers whose per-channel
   * scales put shifts at both ends of [-24, 20], at -1 (VRMULH) and at 0 and above (the stage that
   * needs the product's low word), in groups of four channels that mix them (the assembly's two
   * stages) and in a last group of two (the C loop's); bit for bit with the Java evaluator.
   */
  @Test
  void shiftRangesRunBitExact(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(43);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    int[][] shifts = {{-2, -23, -5, -12}, {-2, 0, 5, -1}, {3, -24, 20, -1}, {-6, 1, -9, 14}, {0, -1, 1, 0},
        {1, 0, -2, 2}};
    int[] outs = {8, 12, 10, 6, 8, 12};
    for (int i = 0; i < shifts.length; i++) {
      // the last two: weights of -1 to 1, sums small enough that shifts of 0 to 2 round visibly
      DspConvPixelsRunTest.qdqPointwise(b, r, i, 8 + 8 * (i % 3), outs[i], shifts[i], i < 4 ? 127 : 1);
    }
    DspKernelsRunTest.runQdqBitExact(b, "cortex-m55", r, dir, "cortex-m55 shift ranges");
    // the layers' shift tables in the generated weights: the range the test asks for was built
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("_shifts\\[\\d+\\] = \\{([^}]*)\\}")
        .matcher(Files.readString(dir.resolve("dsp_weights.c")));
    java.util.IntSummaryStatistics seen = new java.util.IntSummaryStatistics();
    while (m.find()) {
      for (String v : m.group(1).split(",")) {
        seen.accept(Integer.parseInt(v.trim()));
      }
    }
    assertTrue(seen.getMin() <= -23 && seen.getMax() >= 14, "shifts " + seen);
  }

  /**
   * The Helium conv's copied windows (window_run and window_col): convolutions whose window rows
   * are at most 16 bytes (in_c 1, 3 and 4, as RGB first layers), with padding, strides 1 and 2, and
   * rows of more windows than the column buffer holds, so that runs of windows inside the input
   * meet the padded ones and the buffer's end; bit for bit with the Java evaluator.
   */
  @Test
  void copiedWindowRunsRunBitExact(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(44);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    // in_c, out_c, h, w, k, stride, pad
    int[][] layers = {{3, 8, 4, 160, 3, 1, 1}, {3, 6, 9, 41, 3, 2, 1}, {4, 5, 6, 30, 2, 1, 1}, {1, 4, 8, 40, 5, 1, 2}};
    for (int i = 0; i < layers.length; i++) {
      int[] l = layers[i];
      int c = l[0], oc = l[1], h = l[2], w = l[3], k = l[4], stride = l[5], pad = l[6];
      long[] wq = new long[oc * c * k * k];
      for (int j = 0; j < wq.length; j++) {
        wq[j] = -127 + r.nextInt(255);
      }
      float xs = 0.02f + r.nextFloat() * 0.03f;
      float ys = 0.05f + r.nextFloat() * 0.05f;
      float[] ws = new float[oc];
      float[] bs = new float[oc];
      long[] bq = new long[oc];
      for (int o = 0; o < oc; o++) {
        ws[o] = (1 + r.nextFloat()) / (40f * k * k * c);
        bs[o] = xs * ws[o];
        bq[o] = -3000 + r.nextInt(6000);
      }
      DspKernelsRunTest.qdqOperands(b, i, new float[] {xs, ys}, new long[] {-128 + r.nextInt(256), -50 + r.nextInt(100)},
          new int[] {oc, c, k, k}, wq, ws, bq, bs);
      b.input("x" + i, DType.FLOAT32, 1, c, h, w);
      b.node("Conv", List.of("xd" + i, "wd" + i, "bd" + i), List.of("c" + i), Map.of(
          "kernel_shape", Attribute.ofInts(k, k), "strides", Attribute.ofInts(stride, stride),
          "pads", Attribute.ofInts(pad, pad, pad, pad)))
          .node("QuantizeLinear", List.of("c" + i, "ys" + i, "yzp" + i), List.of("kq" + i))
          .node("DequantizeLinear", List.of("kq" + i, "ys" + i, "yzp" + i), List.of("y" + i));
      b.output("y" + i, DType.FLOAT32, 1, oc, (h + 2 * pad - k) / stride + 1, (w + 2 * pad - k) / stride + 1);
    }
    DspKernelsRunTest.runQdqBitExact(b, "cortex-m55", r, dir, "cortex-m55 copied windows");
  }

  /** cortex-m55 gets the arm-mve conv, depthwise, FC and add; others no arm-mve. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({"cortex-m55, tx_conv2d_s8.c, arm-mve/src", "cortex-m55, tx_fully_connected_s8.c, arm-mve/src",
      "cortex-m55, tx_depthwise_conv2d_s8.c, arm-mve/src", "cortex-m55, tx_add_s8.c, arm-mve/src",
      "cortex-m4, tx_conv2d_s8.c, arm-dsp/src", "cortex-m33, tx_fully_connected_s8.c, arm-dsp/src",
      "host, tx_conv2d_s8.c, src"})
  void theCoreGetsItsVariant(String target, String file, String folder) {
    assertEquals(folder + "/" + file,
        RuntimeSources.resourcePath(file, dev.tenax.target.Targets.find(target).orElseThrow()));
  }

  @Test
  void aCortexM55ProjectHoldsTheMveFiles(@TempDir Path dir) throws Exception {
    Graph g = KernelCoverageTest.model();
    ModelCompiler.compile(g, new EmitOptions("m", "cortex-m55", null, "test", "m.onnx", "0"), dir);
    int found = 0;
    for (String k : MVE_KERNELS) {
      Path copied = dir.resolve("runtime/src/" + k);
      if (Files.exists(copied)) {
        found++;
        assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve("runtime-c/arm-mve/src/" + k)),
            Files.readAllBytes(copied), k + " should come from runtime-c/arm-mve/src");
      }
    }
    assertTrue(found > 0, "the example model should use a convolution or fully-connected kernel");
  }

  /** One branch: input x{i} -> a random conv / depthwise / fully-connected layer (+ Relu) -> y{i}. */
  private static void branch(OnnxModelBuilder b, Random r, int i, Map<String, float[]> ranges) {
    String x = "x" + i;
    String y = "y" + i;
    // ranges entirely negative, entirely positive or around 0: zero points across [-128, 127]
    float lo = -5 + r.nextFloat() * 6;
    ranges.put(x, new float[] {lo, lo + 0.3f + r.nextFloat() * 4});
    String pre = r.nextBoolean() ? "z" + i : y;
    int kind = r.nextInt(6);
    if (kind == 5) { // fully connected, batches 1-3
      int in = 1 + r.nextInt(90);
      int out = 1 + r.nextInt(21);
      int rows = 1 + r.nextInt(3);
      b.input(x, DType.FLOAT32, rows, in);
      b.initializer("w" + i, RandomLayersTest.random(r, out, in)).initializer("b" + i, RandomLayersTest.random(r, out));
      b.node("Gemm", List.of(x, "w" + i, "b" + i), List.of(pre), Map.of("transB", Attribute.ofInt(1)));
      b.output(y, DType.FLOAT32, rows, out);
    } else {
      // 0-2: ordinary convolution, 3: depthwise (multiplier 1 or 2), 4: grouped (2 groups)
      int c = 1 + r.nextInt(40);
      int groups = 1;
      int outC = 1 + r.nextInt(40);
      if (kind == 3) {
        groups = c;
        outC = c * (1 + r.nextInt(2));
      } else if (kind == 4) {
        c = 2 * (1 + r.nextInt(6));
        groups = 2;
        outC = 2 * (1 + r.nextInt(5));
      }
      boolean pointwise = kind == 0;
      int kh = pointwise ? 1 : 1 + r.nextInt(4);
      int kw = pointwise ? 1 : 1 + r.nextInt(4);
      int sh = 1 + r.nextInt(3);
      int sw = 1 + r.nextInt(3);
      int dh = pointwise ? 1 : 1 + r.nextInt(2);
      int dw = pointwise ? 1 : 1 + r.nextInt(2);
      int[] pads = pointwise ? new int[4] : new int[] {r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)};
      RandomLayersTest.conv(b, r, i, new String[] {x, pre, y}, 8, c, outC, groups, new int[] {kh, kw, sh, sw, dh, dw},
          pads);
    }
    if (!pre.equals(y)) {
      b.node("Relu", List.of(pre), List.of(y));
    }
  }
}
