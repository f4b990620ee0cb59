package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
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
 * The DSP-extension kernels (runtime-c/arm-dsp/src) that cortex-m4, m7 and m33 projects get:
 * randomized convolutions, depthwise convolutions and fully-connected layers (channel counts
 * that are and are not multiples of 4, depthwise kernels of up to 25 taps, odd strides, pads and
 * dilations, zero points across the range,
 * also grouped convolutions and channel multipliers the DSP paths hand to the portable loops)
 * run under QEMU and must give the Java integer evaluator's bits.
 */
class DspKernelsRunTest {
  static final int BRANCHES = 24;
  /** The kinds of layer {@link #branch} makes (its branch numbers 0 .. KINDS - 1). */
  static final int KINDS = 11;

  static final List<String> DSP_KERNELS = List.of("tx_conv2d_s8.c", "tx_depthwise_conv2d_s8.c",
      "tx_fully_connected_s8.c");

  // small code: built as --optimize=size does (-Os, whose 2-byte function alignment once sent the
  // assembly's ADR jumps 2 bytes off their labels)
  @ParameterizedTest(name = "{0}, seed {1}, small code {2}")
  @CsvSource({"cortex-m4, 11, false", "cortex-m4, 12, false", "cortex-m4, 15, false", "cortex-m7, 13, false",
      "cortex-m7, 16, false", "cortex-m33, 14, false", "cortex-m33, 17, false", "cortex-m55, 19, false",
      "cortex-m4, 18, true", "cortex-m55, 20, true"})
  void randomLayersRunBitExact(String target, int seed, boolean smallCode, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    Map<String, float[]> ranges = new HashMap<>();
    ModelCompiler.Result result = RandomLayersTest.compileRandom("dsp", target, smallCode, BRANCHES,
        DspKernelsRunTest::branch, r, ranges, dir);
    for (String k : DSP_KERNELS) {
      // cortex-m55 takes its MVE conv, depthwise and FC
      String variant = RuntimeSources.resourcePath(k, dev.tenax.target.Targets.find(target).orElseThrow());
      assertTrue(variant.startsWith("arm-"), k + " should have an optimized variant on " + target);
      assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve("runtime-c/" + variant)),
          Files.readAllBytes(dir.resolve("runtime/src/" + k)), k + " must be the " + variant + " variant");
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
   * QDQ layers whose Clip is narrower than the output's quantized range, so the kernels clamp to
   * an activation range inside int8 (act_min > -128 and act_max < 127: the SSUB8/SEL clamps of
   * the asm output stages); a quantizer-calibrated model never has one. Convolutions of the
   * im2col path (1x1 of 1-70 channels, in_c 1 and 3 first layers, 3x3), a 3x3 depthwise layer of
   * each planar path (stride 1 and stride 2, pad 1, 1-40 channels, 2-21 rows, 1-20 columns: their
   * 2x2, one-row, one-column and 1x1 blocks) and fully-connected layers of the four-output blocks,
   * zero points across the range.
   */
  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m4, 21", "cortex-m7, 22", "cortex-m33, 23", "cortex-m55, 24"})
  void clampedQdqLayersRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < 9; i++) {
      qdqBranch(b, r, i);
    }
    runQdqBitExact(b, target, r, dir, target + " seed " + seed);
  }

  /**
   * The planar depthwise paths with a uniform shift (tx_arm_dsp_dw3x3.h): QDQ models of 3x3
   * depthwise layers of both strides, clamped or not, 1-40 channels (the C-expanded tail too), pad
   * 1, sizes that reach every block, whose per-channel weight scales span at most six octaves, so
   * that one shift suits every layer; weights at the int8 extremes (the scaled weights' int16
   * limit). The build must take the uniform kernels only, and give the evaluator's bits. Mixed:
   * two more layers, one of each stride, whose channel shifts lie 10 or more apart, which no
   * uniform shift suits: the per-channel kernels then take both kinds of call.
   */
  @ParameterizedTest(name = "{0}, seed {1}, mixed {2}")
  @CsvSource({"cortex-m4, 31, false", "cortex-m4, 32, false", "cortex-m7, 33, false", "cortex-m33, 34, false",
      "cortex-m4, 35, true", "cortex-m4, 36, true", "cortex-m7, 37, true", "cortex-m55, 38, false",
      "cortex-m55, 39, true"})
  void uniformShiftDepthwiseLayersRunBitExact(String target, int seed, boolean mixed, @TempDir Path dir)
      throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    int layers = mixed ? 8 : 6;
    for (int i = 0; i < layers; i++) {
      uniformShiftDepthwiseBranch(b, r, i, i % 2 == 0 ? 1 : 2, i % 4 < 2, i >= 6);
    }
    // more output rows than one stride-1 strip of a build without a fixed geometry holds (48,
    // tx_arm_dsp_dw3x3.h): 49 go 46 + 3 (a last strip keeps two rows), 53 go 48 + 5
    uniformShiftDepthwiseBranch(b, r, layers, 1, false, false, 1 + r.nextInt(12), seed % 2 == 0 ? 49 : 53,
        1 + r.nextInt(9));
    runQdqBitExact(b, target, r, dir, target + " seed " + seed);
    String config = Files.readString(dir.resolve("tx_config.h"));
    assertTrue(config.matches("(?s).*#define TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT -\\d+ .*"), config);
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS " + (mixed ? 1 : 0) + " "),
        config);
    // layers of several shapes: no fixed geometry
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS 0 "), config);
  }

  /**
   * A build whose stride-1 depthwise layers all take the uniform shift with one shape (as DS-CNN
   * KWS's four): the compiler fixes their geometry (tx_arm_dsp_dw_fixed.h: outputs stored at
   * immediate offsets; with at most 26 rows, the 2x2 blocks and the odd last column's 4x1 ones
   * unrolled), and the layers, clamped or not, give the evaluator's bits. The shapes reach KWS's
   * (25x5, 64 channels), an odd count of row pairs (a 2x1 block after the 4x1 ones), one pair
   * alone, odd and even rows, an odd last tile (9 columns: 6 + 3), no odd column, the planar tail
   * (channels not a multiple of 4), and rows too many to unroll (30). A wrong offset, count or
   * block fails them.
   */
  @ParameterizedTest(name = "{0}, {2} channels of {3}x{4}")
  @CsvSource({"cortex-m4, 41, 64, 25, 5", "cortex-m4, 42, 7, 6, 3", "cortex-m4, 43, 13, 11, 9",
      "cortex-m7, 44, 4, 2, 1", "cortex-m33, 45, 40, 21, 20", "cortex-m4, 46, 8, 30, 5", "cortex-m4, 47, 3, 7, 7",
      "cortex-m55, 48, 64, 25, 5", "cortex-m55, 49, 13, 11, 9"})
  void fixedGeometryDepthwiseLayersRunBitExact(String target, int seed, int c, int h, int w, @TempDir Path dir)
      throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < 3; i++) {
      uniformShiftDepthwiseBranch(b, r, i, 1, i == 1, false, c, h, w);
    }
    runQdqBitExact(b, target, r, dir, target + ", " + c + " channels of " + h + "x" + w);
    String config = Files.readString(dir.resolve("tx_config.h"));
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS " + c + " "), config);
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES " + (c * w) + " "), config);
    assertTrue(config.contains("#define TX_DEPTHWISE_CONV2D_S8_DW3_ROWS " + (h <= 26 ? h : 0) + " "), config);
  }

  /**
   * x{i} -> Q -> DQ -> 3x3 depthwise of this stride -> (Clip when clamp) -> Q -> DQ -> y{i}; with
   * wide, channel scales 2^10 and more apart in every other channel.
   */
  private static void uniformShiftDepthwiseBranch(OnnxModelBuilder b, Random r, int i, int stride, boolean clamp,
      boolean wide) {
    int c = (wide ? 2 : 1) + r.nextInt(40);
    int h = stride == 1 ? 2 + r.nextInt(20) : 5 + 4 * r.nextInt(5);
    int w = stride == 1 ? 1 + r.nextInt(20) : 1 + 4 * r.nextInt(5);
    uniformShiftDepthwiseBranch(b, r, i, stride, clamp, wide, c, h, w);
  }

  /** The same of c channels of h x w. */
  static void uniformShiftDepthwiseBranch(OnnxModelBuilder b, Random r, int i, int stride, boolean clamp,
      boolean wide, int c, int h, int w) {
    float xs = 0.02f + r.nextFloat() * 0.03f;
    long xzp = -128 + r.nextInt(256);
    float ys = 0.05f + r.nextFloat() * 0.05f;
    long yzp = -100 + r.nextInt(200);
    long[] wq = new long[c * 9];
    for (int k = 0; k < wq.length; k++) {
      int pick = r.nextInt(8);
      wq[k] = pick == 0 ? -128 : pick == 1 ? 127 : -127 + r.nextInt(255);
    }
    float[] ws = new float[c];
    float[] bs = new float[c];
    long[] bq = new long[c];
    for (int o = 0; o < c; o++) {
      ws[o] = (1 + r.nextFloat()) / (36f * (1 << r.nextInt(6))) / (wide && o % 2 == 1 ? 2048f : 1f);
      bs[o] = xs * ws[o];
      bq[o] = -3000 + r.nextInt(6000);
    }
    qdqOperands(b, i, new float[] {xs, ys}, new long[] {xzp, yzp}, new int[] {c, 1, 3, 3}, wq, ws, bq, bs);
    b.input("x" + i, DType.FLOAT32, 1, c, h, w);
    b.node("Conv", List.of("xd" + i, "wd" + i, "bd" + i), List.of("c" + i), Map.of(
        "kernel_shape", Attribute.ofInts(3, 3), "strides", Attribute.ofInts(stride, stride),
        "pads", Attribute.ofInts(1, 1, 1, 1), "group", Attribute.ofInt(c)));
    String q = "c" + i;
    if (clamp) {
      float lo = ys * (-128 - yzp) + ys * (1 + r.nextInt(40));
      float hi = ys * (127 - yzp) - ys * (1 + r.nextInt(40));
      b.initializer("lo" + i, Tensor.scalar(lo)).initializer("hi" + i, Tensor.scalar(hi));
      b.node("Clip", List.of("c" + i, "lo" + i, "hi" + i), List.of("k" + i));
      q = "k" + i;
    }
    b.node("QuantizeLinear", List.of(q, "ys" + i, "yzp" + i), List.of("kq" + i))
        .node("DequantizeLinear", List.of("kq" + i, "ys" + i, "yzp" + i), List.of("y" + i));
    b.output("y" + i, DType.FLOAT32, 1, c, (h + 2 - 3) / stride + 1, (w + 2 - 3) / stride + 1);
  }

  /**
   * Compiles the QDQ model of {@code b} for {@code target} into {@code dir}, runs it under QEMU on
   * random inputs in [-4, 4) and asserts every output has the Java integer evaluator's bits.
   */
  static void runQdqBitExact(OnnxModelBuilder b, String target, Random r, Path dir, String what) throws Exception {
    runQdqBitExact(b, new EmitOptions("dsp", target, null, "test", "random", "0"), r, dir, what, null);
  }

  /**
   * The same for a build with these options; an intermittent one also runs with the power failing
   * on {@code schedule} (a PowerSchedule; null for none).
   */
  static void runQdqBitExact(OnnxModelBuilder b, EmitOptions options, Random r, Path dir, String what,
      String schedule) throws Exception {
    Graph g = dev.tenax.passes.Pipeline.standard().run(new dev.tenax.frontend.ModelImporter(
        dev.tenax.ops.OperatorRegistry.standard(), dev.tenax.frontend.ImportOptions.defaults()).importModel(b.build()));
    ModelCompiler.Result result = ModelCompiler.compile(g, options, dir);
    Program p = result.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    Map<String, Tensor> feed = new HashMap<>();
    for (Program.Io in : p.inputs()) {
      float[] x = new float[in.type().size()];
      for (int k = 0; k < x.length; k++) {
        x[k] = r.nextFloat() * 8 - 4;
      }
      feed.put(in.name(), Tensor.ofFloats(in.type().shape(), x));
    }
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    QemuRun.Result got = QemuRun.run(manifest, feed, 300);
    assertSameBits(want, got, what);
    if (schedule != null) {
      dev.tenax.target.Target t = dev.tenax.target.Targets.find(options.target()).orElseThrow();
      long instructions = Math.round(got.ticks() * 1e9 / t.clockHz());
      QemuRun.Result failing = QemuRun.run(manifest, feed, 600,
          dev.tenax.intermittent.PowerSchedule.parse(schedule).firmwareFile(instructions, t.clockHz()));
      assertTrue(failing.failures() > 3, schedule + ": " + failing.console());
      assertSameBits(want, failing, what + ", " + failing.failures() + " power failures (" + schedule + ")");
    }
  }

  private static void assertSameBits(Map<String, Tensor> want, QemuRun.Result got, String what) {
    for (String out : want.keySet()) {
      assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.outputs().get(out)),
          what + " output " + out);
    }
  }

  /** x{i} -> Q -> DQ -> Conv or Gemm (int8 weights, int32 bias) -> Clip -> Q -> DQ -> y{i}. */
  static void qdqBranch(OnnxModelBuilder b, Random r, int i) {
    String x = "x" + i;
    float xs = 0.02f + r.nextFloat() * 0.03f;
    long xzp = -128 + r.nextInt(256);
    float ys = 0.02f + r.nextFloat() * 0.05f;
    long yzp = -100 + r.nextInt(200);
    boolean fc = i % 4 == 3;
    // depthwise: 6 of stride 1, 8 of stride 2 (the planar paths' clamped channel kernels)
    boolean depthwise = i == 6 || i == 8;
    int in = 1 + r.nextInt(70);
    int out = 1 + r.nextInt(40);
    int c = 1, kh = 1, kw = 1, h = 1, w = 1, stride = 1;
    if (fc) {
      in = 4 * (1 + r.nextInt(32));
      out = 4 + r.nextInt(20);
    } else if (depthwise) {
      c = 1 + r.nextInt(40);
      out = c;
      kh = 3;
      kw = 3;
      h = 2 + r.nextInt(20);
      w = 1 + r.nextInt(20);
      stride = i == 8 ? 2 : 1;
      if (stride == 2) {
        // odd output sizes (4k + 1 inputs, pad 1): the one-row and one-column blocks too
        h = 5 + 4 * r.nextInt(5);
        w = 1 + 4 * r.nextInt(5);
      }
    } else if (i % 4 == 0) {
      c = in;
      h = 1 + r.nextInt(6);
      w = 1 + r.nextInt(6);
      stride = 1 + r.nextInt(2);
    } else if (i % 4 == 1) {
      c = r.nextBoolean() ? 1 : 3;
      kh = 2 + r.nextInt(8);
      kw = 1 + r.nextInt(4);
      if (r.nextBoolean()) {
        c = 3;
        kh = 3;
        kw = 3;
      }
      h = kh + r.nextInt(6);
      w = kw + r.nextInt(6);
      stride = 2;
    } else {
      c = 4 * (1 + r.nextInt(8));
      kh = 3;
      kw = 3;
      h = 3 + r.nextInt(5);
      w = 3 + r.nextInt(5);
    }
    int pad = depthwise ? 1 : 0;
    int taps = fc ? in : (depthwise ? 1 : c) * kh * kw;
    long[] wq = new long[out * taps];
    for (int k = 0; k < wq.length; k++) {
      wq[k] = -127 + r.nextInt(255);
    }
    // shifts outside the fast output stages' range in some channels (below); a depthwise layer
    // with one of them leaves the planar paths altogether, so only every other one has them
    boolean oddShifts = !depthwise || r.nextBoolean();
    float[] ws = new float[out];
    float[] bs = new float[out];
    long[] bq = new long[out];
    for (int o = 0; o < out; o++) {
      ws[o] = (0.5f + r.nextFloat()) / (taps * 4f);
      if (oddShifts && r.nextInt(5) == 0) {
        // shifts outside the SMMLA output stage's range [-23, -2] (the FC blocks' fast range is
        // [-17, -2]; a block of four with one of them takes the exact C path; the convolution's
        // im2col blocks take output stage 3 for -1 and above): -1 to 1 and above, -18 to -23,
        // and, for FC only (a convolution with one would leave the im2col path), below -23
        ws[o] *= switch (r.nextInt(fc ? 4 : 3)) {
          case 0 -> 64f * taps;
          case 1 -> 1.6f * taps;
          case 2 -> 1e-4f;
          default -> 1e-7f;
        };
      }
      bs[o] = xs * ws[o];
      bq[o] = -3000 + r.nextInt(6000);
    }
    int[] wShape = fc ? new int[] {out, in} : new int[] {out, depthwise ? 1 : c, kh, kw};
    // the Clip inside the output's range [ys * (-128 - yzp), ys * (127 - yzp)]
    float lo = ys * (-128 - yzp) + ys * (1 + r.nextInt(40));
    float hi = ys * (127 - yzp) - ys * (1 + r.nextInt(40));
    b.initializer("lo" + i, Tensor.scalar(lo)).initializer("hi" + i, Tensor.scalar(hi));
    qdqOperands(b, i, new float[] {xs, ys}, new long[] {xzp, yzp}, wShape, wq, ws, bq, bs);
    int oh = (h + 2 * pad - kh) / stride + 1;
    int ow = (w + 2 * pad - kw) / stride + 1;
    if (fc) {
      b.input(x, DType.FLOAT32, 1, in);
      b.node("Gemm", List.of("xd" + i, "wd" + i, "bd" + i), List.of("c" + i), Map.of("transB", Attribute.ofInt(1)));
    } else {
      b.input(x, DType.FLOAT32, 1, c, h, w);
      b.node("Conv", List.of("xd" + i, "wd" + i, "bd" + i), List.of("c" + i), Map.of(
          "kernel_shape", Attribute.ofInts(kh, kw), "strides", Attribute.ofInts(stride, stride),
          "pads", Attribute.ofInts(pad, pad, pad, pad), "group", Attribute.ofInt(depthwise ? c : 1)));
    }
    b.node("Clip", List.of("c" + i, "lo" + i, "hi" + i), List.of("k" + i))
        .node("QuantizeLinear", List.of("k" + i, "ys" + i, "yzp" + i), List.of("kq" + i))
        .node("DequantizeLinear", List.of("kq" + i, "ys" + i, "yzp" + i), List.of("y" + i));
    if (fc) {
      b.output("y" + i, DType.FLOAT32, 1, out);
    } else {
      b.output("y" + i, DType.FLOAT32, 1, out, oh, ow);
    }
  }

  /**
   * A QDQ layer's operands: input x{i} quantized and dequantized (xd{i}) with scale and zero point
   * scales[0], zeroPoints[0]; weights wq of shape wShape and per-channel scales ws (wd{i}); bias
   * bq of scales bs (bd{i}); and the output's scale and zero point (ys{i}, yzp{i}) from
   * scales[1], zeroPoints[1].
   */
  static void qdqOperands(OnnxModelBuilder b, int i, float[] scales, long[] zeroPoints, int[] wShape, long[] wq,
      float[] ws, long[] bq, float[] bs) {
    int out = ws.length;
    b.initializer("xs" + i, Tensor.scalar(scales[0])).initializer("xzp" + i, Tensor.scalar(DType.INT8, zeroPoints[0]))
        .initializer("wq" + i, Tensor.ofLongs(DType.INT8, wShape, wq))
        .initializer("ws" + i, Tensor.ofFloats(new int[] {out}, ws))
        .initializer("wzp" + i, Tensor.zeros(DType.INT8, new int[] {out}))
        .initializer("bq" + i, Tensor.ofLongs(DType.INT32, new int[] {out}, bq))
        .initializer("bs" + i, Tensor.ofFloats(new int[] {out}, bs))
        .initializer("bzp" + i, Tensor.zeros(DType.INT32, new int[] {out}))
        .initializer("ys" + i, Tensor.scalar(scales[1])).initializer("yzp" + i, Tensor.scalar(DType.INT8, zeroPoints[1]))
        .node("QuantizeLinear", List.of("x" + i, "xs" + i, "xzp" + i), List.of("xq" + i))
        .node("DequantizeLinear", List.of("xq" + i, "xs" + i, "xzp" + i), List.of("xd" + i))
        .node("DequantizeLinear", List.of("wq" + i, "ws" + i, "wzp" + i), List.of("wd" + i),
            Map.of("axis", Attribute.ofInt(0)))
        .node("DequantizeLinear", List.of("bq" + i, "bs" + i, "bzp" + i), List.of("bd" + i),
            Map.of("axis", Attribute.ofInt(0)));
  }

  /**
   * Cores with the DSP extension get the arm-dsp files, the other Cortex-M cores the arm-scalar
   * ones; the host keeps the reference.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"cortex-m4, arm-dsp/src", "cortex-m7, arm-dsp/src", "cortex-m33, arm-dsp/src",
      "cortex-m3, arm-scalar/src", "cortex-m0, arm-scalar/src", "host, src"})
  void projectsGetTheVariantOfTheirCore(String target, String folder, @TempDir Path dir) throws Exception {
    Graph g = KernelCoverageTest.model();
    ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", "m.onnx", "0"), dir);
    int found = 0;
    for (String k : DSP_KERNELS) {
      Path copied = dir.resolve("runtime/src/" + k);
      if (Files.exists(copied)) {
        found++;
        assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve("runtime-c/" + folder + "/" + k)),
            Files.readAllBytes(copied), target + ": " + k + " should come from runtime-c/" + folder);
      }
    }
    assertTrue(found > 0, "the example model should use a convolution or fully-connected kernel");
  }

  @Test
  void aKernelWithoutADspVariantStaysTheReference() {
    assertEquals("src/tx_max_pool_s8.c",
        RuntimeSources.resourcePath("tx_max_pool_s8.c", dev.tenax.target.Targets.find("cortex-m4").orElseThrow()));
    assertEquals("arm-dsp/src/tx_conv2d_s8.c",
        RuntimeSources.resourcePath("tx_conv2d_s8.c", dev.tenax.target.Targets.find("cortex-m4").orElseThrow()));
  }

  /** One branch: input x{i} -> a random conv / depthwise / fully-connected layer (+ Relu) -> y{i}. */
  static void branch(OnnxModelBuilder b, Random r, int i, Map<String, float[]> ranges) {
    String x = "x" + i;
    String y = "y" + i;
    // ranges entirely negative, entirely positive or around 0: zero points across [-128, 127]
    float lo = -5 + r.nextFloat() * 6;
    ranges.put(x, new float[] {lo, lo + 0.3f + r.nextFloat() * 4});
    String pre = r.nextBoolean() ? "z" + i : y;
    int kind = i < KINDS ? i : r.nextInt(KINDS); // every kind in every model
    if (kind == 5) { // fully connected, batches 1-3
      // multiples of 8 from 16 take the three-output asm blocks, with the last 4 or 8 outputs in
      // blocks of four, other multiples of 4 the four-output blocks (rows of up to 1024), the
      // rest and longer rows the dot-product loops
      int in = switch (r.nextInt(5)) {
        case 0 -> 1 + r.nextInt(70);
        case 1 -> 1028 + 4 * r.nextInt(8);
        case 2 -> 128;
        default -> 4 * (1 + r.nextInt(64));
      };
      int out = 1 + r.nextInt(r.nextBoolean() ? 21 : 130);
      int rows = 1 + r.nextInt(3);
      b.input(x, DType.FLOAT32, rows, in);
      b.initializer("w" + i, RandomLayersTest.random(r, out, in)).initializer("b" + i, RandomLayersTest.random(r, out));
      // without a bias too (the blocks then start from zeros)
      List<String> gemmIn = r.nextInt(3) == 0 ? List.of(x, "w" + i) : List.of(x, "w" + i, "b" + i);
      b.node("Gemm", gemmIn, List.of(pre), Map.of("transB", Attribute.ofInt(1)));
      b.output(y, DType.FLOAT32, rows, out);
    } else if (kind == 9) {
      // the planar 3x3 stride-1 depthwise path: 1-70 channels (groups of four and the rest),
      // pads 0-2 on every side, odd and even sizes up to 47: one or several tiles of 6 columns
      // (an odd last one, whose window ends in the padding when the right pad is 1 or 2: the
      // edge blocks), one or several strips of up to 26 rows (an odd last one; strips whose
      // tiles have no padding columns zero only their padding rows), and a single output row,
      // which takes the general paths; small sizes more often (1-20 wide)
      int c = r.nextBoolean() ? 4 * (1 + r.nextInt(16)) : 1 + r.nextInt(70);
      int[] pads = {r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)};
      int sides = r.nextBoolean() ? 44 : 17;
      RandomLayersTest.conv(b, r, i, new String[] {x, pre, y}, sides, c, c, c, new int[] {3, 3, 1, 1, 1, 1}, pads);
    } else if (kind == 10) {
      // the planar 3x3 stride-2 depthwise path: 1-40 channels (groups of four and the rest), pads
      // 0 or 1 on every side (MobileNet's are 0, 0, 1, 1), inputs of 3-30 rows and columns: odd
      // and even output sizes from 1 (one or several tiles of 6 columns and strips of 12 rows;
      // 2x2, 1x2, 2x1 and 1x1 blocks; a plane row starting at an odd column); and a 3x3 input
      // to one output of stride 1, 2 or 3, which the path takes too (VWW's average pool)
      int c = 1 + r.nextInt(40);
      int[] pads = {r.nextInt(2), r.nextInt(2), r.nextInt(2), r.nextInt(2)};
      int sides = r.nextBoolean() ? 29 : 10;
      int[] k = {3, 3, 2, 2, 1, 1};
      if (r.nextInt(4) == 0) {
        pads = new int[4];
        sides = 1;
        k[2] = 1 + r.nextInt(3);
        k[3] = 1 + r.nextInt(3);
      }
      RandomLayersTest.conv(b, r, i, new String[] {x, pre, y}, sides, c, c, c, k, pads);
    } else if (kind >= 6) {
      wideConv(b, r, kind, x, pre, y);
    } else {
      // 0-2: ordinary convolution, 3: depthwise (multiplier 1 or 2), 4: grouped (2 groups)
      int c = 1 + r.nextInt(19);
      int groups = 1;
      int outC = 1 + r.nextInt(13);
      if (kind == 3) {
        // channel counts that are multiples of 4 too (the four-channel blocks with no remainder)
        c = r.nextBoolean() ? 4 * (1 + r.nextInt(5)) : c;
        groups = c;
        outC = c * (1 + r.nextInt(2));
      } else if (kind == 4) {
        c = 2 * (1 + r.nextInt(6));
        groups = 2;
        outC = 2 * (1 + r.nextInt(5));
      }
      boolean pointwise = kind == 0;
      // depthwise kernels up to 5x5: more than 16 taps skip the DSP depthwise's tap table
      int kmax = kind == 3 ? 5 : 4;
      int kh = pointwise ? 1 : 1 + r.nextInt(kmax);
      int kw = pointwise ? 1 : 1 + r.nextInt(kmax);
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

  /**
   * The shapes of the im2col GEMM path of the DSP conv2d: 6: 1x1 convolutions of 1-70 channels
   * in and out, stride 1 or 2 (channel pairs with a lone last channel, windows of fewer than 4
   * taps or with a partial last group, an odd pixel count; half of them 8 or 16 channels in, the
   * pixel-major path, stage-1 shifts and no Relu after it); 7: first layers with 1 or 3 input
   * channels and kernels up to 10x4, stride 1 or 2, pads on every side (rows of whole groups
   * expanded straight, rows cut by the padding gathered); 8: windows of more than 640 taps, which
   * take the older two-channel loop.
   */
  private static void wideConv(OnnxModelBuilder b, Random r, int kind, String x, String pre, String y) {
    int c, outC, kh, kw, sh, sw;
    int[] pads;
    if (kind == 6) {
      c = 1 + r.nextInt(70);
      outC = 1 + r.nextInt(70);
      if (c % 2 == 0) {
        // half of them the pixel-major path's 8 or 16 channels in, out_c a multiple of 4 (which
        // 8 needs) or not, more than 64 leaving it for the im2col path (from the draws above:
        // another draw would change every later branch of the seeds)
        c = c % 4 == 0 ? 16 : 8;
        outC = outC % 2 == 0 ? 4 * ((outC + 3) / 4) : outC;
      }
      kh = 1;
      kw = 1;
      sh = 1 + r.nextInt(2);
      sw = sh;
      pads = new int[4];
    } else if (kind == 7) {
      c = r.nextBoolean() ? 1 : 3;
      outC = 1 + r.nextInt(20);
      kh = 1 + r.nextInt(10);
      kw = 1 + r.nextInt(4);
      if (r.nextInt(3) == 0) {
        // windows of three 9-byte rows (3x3 RGB, or 3x9 of one channel): expanded straight
        c = r.nextInt(4) == 0 ? 1 : 3;
        kh = 3;
        kw = 9 / c;
      }
      sh = 1 + r.nextInt(2);
      sw = 1 + r.nextInt(2);
      pads = new int[] {r.nextInt(kh), r.nextInt(kw), r.nextInt(kh), r.nextInt(kw)};
    } else {
      c = 72 + r.nextInt(8);
      outC = 1 + r.nextInt(5);
      kh = 3;
      kw = 3;
      sh = 1;
      sw = 1;
      pads = new int[] {1, 1, 1, 1};
    }
    int h = Math.max(1 + r.nextInt(kind == 7 ? 12 : 7), kh);
    int w = Math.max(1 + r.nextInt(kind == 7 ? 12 : 7), kw);
    int oh = (h + pads[0] + pads[2] - kh) / sh + 1;
    int ow = (w + pads[1] + pads[3] - kw) / sw + 1;
    b.input(x, DType.FLOAT32, 1, c, h, w);
    b.initializer("w" + x, RandomLayersTest.random(r, outC, c, kh, kw))
        .initializer("b" + x, RandomLayersTest.random(r, outC));
    b.node("Conv", List.of(x, "w" + x, "b" + x), List.of(pre), Map.of("kernel_shape", Attribute.ofInts(kh, kw),
        "strides", Attribute.ofInts(sh, sw), "pads", Attribute.ofInts(pads[0], pads[1], pads[2], pads[3])));
    b.output(y, DType.FLOAT32, 1, outC, oh, ow);
  }
}
