package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.calib.SampleRange;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.quantizer.QuantizeDefaults;
import dev.tenax.quantizer.Quantizer;
import dev.tenax.quantizer.RandomSource;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized layers through the whole path a user's model takes: a float graph of many
 * independent branches (convolutions with random kernels, strides, dilations, asymmetric pads,
 * groups and channel counts that are not multiples of 4; depthwise; fully connected; max and
 * average pooling; additions), each fed its own input range so zero points vary, is quantized,
 * lowered, compiled and loaded through the JavaCPP bridge; the C must give the Java integer
 * evaluator's bits on every output, and those must be within one quantization step of the QDQ
 * graph's float semantics (the reference evaluator).
 */
class RandomLayersTest {
  static final int BRANCHES = 24;

  @ParameterizedTest(name = "int8, seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void compiledBranchesMatchTheJavaEvaluator(int seed, @TempDir Path dir) throws Exception {
    check(seed, QuantMode.INT8, dir);
  }

  /** The 16x8 mode: int16 activations through the s16 kernels. */
  @ParameterizedTest(name = "16x8, seed {0}")
  @ValueSource(ints = {5, 6})
  void compiled16x8BranchesMatchTheJavaEvaluator(int seed, @TempDir Path dir) throws Exception {
    check(seed, QuantMode.INT16X8, dir);
  }

  private void check(int seed, QuantMode mode, Path dir) throws Exception {
    HostGcc.require();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    Map<String, float[]> ranges = new HashMap<>();
    for (int i = 0; i < BRANCHES; i++) {
      branch(b, r, i, ranges);
    }
    Graph q = quantized(b, ranges, mode);
    ModelCompiler.Result result;
    try {
      result = ModelCompiler.compile(q, new EmitOptions("rnd", "host", null, "test", "random", "0"), dir);
    } catch (ModelRejectedException e) {
      throw new AssertionError(e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    }
    Program p = result.program();
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < 2; n++) {
        Map<String, Tensor> feed = feed(p, ranges, r);
        Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
        Map<String, Tensor> got = compiled.run(feed);
        Map<String, Tensor> qdq = new ReferenceEvaluator().run(q, feed);
        for (String out : want.keySet()) {
          assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.get(out)),
              "seed " + seed + " output " + out);
          // The integer kernels compute what the QDQ graph means, up to rounding: one step.
          double lsb = outputScale(q, out);
          float[] a = want.get(out).floats();
          float[] e = qdq.get(out).floats();
          for (int k = 0; k < a.length; k++) {
            // one step, plus the float32 rounding of the two dequantized values themselves
            double bound = lsb + 2 * Math.ulp(Math.max(Math.abs(a[k]), Math.abs(e[k])));
            assertTrue(Math.abs(a[k] - e[k]) <= bound, "seed " + seed + " output " + out + "[" + k
                + "]: integer " + a[k] + ", QDQ float semantics " + e[k] + ", step " + lsb);
          }
        }
      }
    }
  }

  /** Adds branch {@code index} of a random model to {@code b}, recording each new input's range. */
  interface BranchMaker {
    void add(OnnxModelBuilder b, Random r, int index, Map<String, float[]> ranges);
  }

  /**
   * A random model of {@code branches} branches from {@code maker}, quantized to int8 and compiled
   * for {@code target} into {@code dir} with symbol prefix {@code prefix}.
   */
  static ModelCompiler.Result compileRandom(String prefix, String target, int branches, BranchMaker maker, Random r,
      Map<String, float[]> ranges, Path dir) throws Exception {
    return compileRandom(prefix, target, false, branches, maker, r, ranges, dir);
  }

  /** The same, compiled for size ({@code tenax compile --optimize=size}) when {@code smallCode}. */
  static ModelCompiler.Result compileRandom(String prefix, String target, boolean smallCode, int branches,
      BranchMaker maker, Random r, Map<String, float[]> ranges, Path dir) throws Exception {
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < branches; i++) {
      maker.add(b, r, i, ranges);
    }
    Graph q = quantized(b, ranges, QuantMode.INT8);
    return ModelCompiler.compile(q, new EmitOptions(prefix, target, null, "test", "random", "0", 0, null, null, false,
        smallCode), dir);
  }

  /**
   * Imports the float model and quantizes it, calibrated on random samples spread over each
   * input's range {lo, hi} (so each input gets its own zero point).
   */
  static Graph quantized(OnnxModelBuilder b, Map<String, float[]> ranges, QuantMode mode) throws Exception {
    Graph g = Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(b.build()));
    List<CalibrationData> data = new ArrayList<>();
    for (String in : g.inputs()) {
      float[] range = ranges.get(in);
      data.add(CalibrationData.of(new RandomSource(g.type(in).shape(), 12), in, g.type(in), SampleRange.ALL,
          Preprocessing.of(range[1] - range[0], new double[] {-range[0]}, new double[] {1})));
    }
    RangeCollector rc = RangeCollector.collect(g, data, RangeCollector.Progress.NONE);
    return Pipeline.standard().run(Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD), mode).graph());
  }

  /** The scale of the DequantizeLinear that produces graph output {@code out}. */
  private static double outputScale(Graph q, String out) {
    dev.tenax.ir.Node dq = q.producer(out).orElseThrow();
    return q.value(dq.input(1)).constant().getFloat(0);
  }

  /** One branch: input x{i} -> a random layer (+ Relu sometimes) -> output y{i}. */
  private static void branch(OnnxModelBuilder b, Random r, int i, Map<String, float[]> ranges) {
    String x = "x" + i;
    String y = "y" + i;
    float lo = -3 + r.nextFloat() * 3;
    ranges.put(x, new float[] {lo, lo + 0.5f + r.nextFloat() * 4});
    int kind = r.nextInt(5);
    int c = 1 + r.nextInt(9);
    int h = 3 + r.nextInt(7);
    int w = 3 + r.nextInt(7);
    String pre = r.nextBoolean() ? "z" + i : y;
    switch (kind) {
      case 0, 1 -> { // convolution, grouped or depthwise when kind == 1
        int groups = kind == 1 ? c : 1;
        int outC = kind == 1 ? c * (1 + r.nextInt(2)) : 1 + r.nextInt(9);
        int kh = 1 + r.nextInt(3);
        int kw = 1 + r.nextInt(3);
        int sh = 1 + r.nextInt(3);
        int sw = 1 + r.nextInt(3);
        int dh = 1 + r.nextInt(2);
        int dw = 1 + r.nextInt(2);
        int[] pads = {r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)};
        int effH = (kh - 1) * dh + 1;
        int effW = (kw - 1) * dw + 1;
        h = Math.max(h, effH);
        w = Math.max(w, effW);
        int oh = (h + pads[0] + pads[2] - effH) / sh + 1;
        int ow = (w + pads[1] + pads[3] - effW) / sw + 1;
        b.input(x, DType.FLOAT32, 1, c, h, w);
        b.initializer("w" + i, random(r, outC, c / groups, kh, kw)).initializer("b" + i, random(r, outC));
        b.node("Conv", List.of(x, "w" + i, "b" + i), List.of(pre), Map.of("kernel_shape", Attribute.ofInts(kh, kw),
            "strides", Attribute.ofInts(sh, sw), "dilations", Attribute.ofInts(dh, dw),
            "pads", Attribute.ofInts(pads[0], pads[1], pads[2], pads[3]), "group", Attribute.ofInt(groups)));
        b.output(y, DType.FLOAT32, 1, outC, oh, ow);
      }
      case 2 -> { // fully connected
        int in = 1 + r.nextInt(40);
        int out = 1 + r.nextInt(20);
        int rows = 1 + r.nextInt(3);
        b.input(x, DType.FLOAT32, rows, in);
        b.initializer("w" + i, random(r, out, in)).initializer("b" + i, random(r, out));
        b.node("Gemm", List.of(x, "w" + i, "b" + i), List.of(pre), Map.of("transB", Attribute.ofInt(1)));
        b.output(y, DType.FLOAT32, rows, out);
      }
      case 3 -> { // pooling
        boolean max = r.nextBoolean();
        int k = 1 + r.nextInt(3);
        int s = 1 + r.nextInt(2);
        int pad = max ? r.nextInt(k) : 0;
        h = Math.max(h, k);
        w = Math.max(w, k);
        int oh = (h + 2 * pad - k) / s + 1;
        int ow = (w + 2 * pad - k) / s + 1;
        b.input(x, DType.FLOAT32, 1, c, h, w);
        b.node(max ? "MaxPool" : "AveragePool", List.of(x), List.of(pre), Map.of(
            "kernel_shape", Attribute.ofInts(k, k), "strides", Attribute.ofInts(s, s),
            "pads", Attribute.ofInts(pad, pad, pad, pad)));
        b.output(y, DType.FLOAT32, 1, c, oh, ow);
      }
      default -> { // addition of two inputs with their own ranges
        String x2 = x + "b";
        float lo2 = -2 + r.nextFloat() * 2;
        ranges.put(x2, new float[] {lo2, lo2 + 0.5f + r.nextFloat() * 3});
        b.input(x, DType.FLOAT32, 1, c, h, w).input(x2, DType.FLOAT32, 1, c, h, w);
        b.node(r.nextBoolean() ? "Add" : "Mul", List.of(x, x2), List.of(pre));
        b.output(y, DType.FLOAT32, 1, c, h, w);
      }
    }
    if (!pre.equals(y)) {
      b.node("Relu", List.of(pre), List.of(y));
    }
  }

  static Tensor random(Random r, int... shape) {
    float[] f = new float[dev.tenax.ir.Shapes.size(shape)];
    for (int i = 0; i < f.length; i++) {
      f[i] = (r.nextFloat() * 2 - 1) * 0.6f;
    }
    return Tensor.ofFloats(shape, f);
  }

  /** Random inputs for {@code p}, a little beyond the calibrated ranges so saturation is exercised too. */
  static Map<String, Tensor> feed(Program p, Map<String, float[]> ranges, Random r) {
    Map<String, Tensor> feed = new HashMap<>();
    for (Program.Io in : p.inputs()) {
      float[] range = ranges.get(in.name());
      float[] x = new float[in.type().size()];
      for (int k = 0; k < x.length; k++) {
        x[k] = range[0] + (range[1] - range[0]) * (r.nextFloat() * 1.2f - 0.1f);
      }
      feed.put(in.name(), Tensor.ofFloats(in.type().shape(), x));
    }
    return feed;
  }

  /** Compiled firmware run on one set of inputs (under QEMU, mspdebug sim, ...). */
  interface Firmware {
    Map<String, Tensor> run(Map<String, Tensor> feed) throws Exception;
  }

  /** {@code runs} random input sets through the firmware, each bit-exact with the Java integer evaluator. */
  static void assertBitExact(Program p, Map<String, float[]> ranges, Random r, int runs, String label, Firmware f)
      throws Exception {
    for (int n = 0; n < runs; n++) {
      Map<String, Tensor> feed = feed(p, ranges, r);
      Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
      Map<String, Tensor> got = f.run(feed);
      for (String out : want.keySet()) {
        assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.get(out)),
            label + " output " + out);
      }
    }
  }

  /**
   * {@code runs} random input sets through the project in {@code dir} under QEMU, each bit-exact
   * with the Java integer evaluator ({@link #assertBitExact}).
   */
  static void assertRunsBitExactUnderQemu(Program p, Path dir, Map<String, float[]> ranges, Random r, int runs,
      String label) throws Exception {
    ProjectManifest manifest = ProjectManifest.read(dir);
    assertBitExact(p, ranges, r, runs, label, feed -> {
      QemuRun.Result got = QemuRun.run(manifest, feed, 300);
      assertTrue(got.ticks() > 0, got.console());
      return got.outputs();
    });
  }

  /**
   * A Conv node {@code names[0] -> names[1]} (graph input x, Conv output) declaring output
   * {@code names[2]} of the conv's shape: the input's sides are drawn from 2..{@code 1 + sides}
   * but at least the dilated kernel; {@code k} is kh, kw, stride h, stride w, dilation h, dilation w;
   * pads top, left, bottom, right. Weights w{i} and bias b{i} are random.
   */
  static void conv(OnnxModelBuilder b, Random r, int i, String[] names, int sides, int c, int outC, int groups,
      int[] k, int[] pads) {
    conv(b, r, i, names, sides, c, outC, groups, k, pads, true);
  }

  /** {@link #conv} with or without a bias input. */
  static void conv(OnnxModelBuilder b, Random r, int i, String[] names, int sides, int c, int outC, int groups,
      int[] k, int[] pads, boolean withBias) {
    int kh = k[0], kw = k[1], sh = k[2], sw = k[3], dh = k[4], dw = k[5];
    int effH = (kh - 1) * dh + 1;
    int effW = (kw - 1) * dw + 1;
    int h = Math.max(2 + r.nextInt(sides), effH);
    int w = Math.max(2 + r.nextInt(sides), effW);
    int oh = (h + pads[0] + pads[2] - effH) / sh + 1;
    int ow = (w + pads[1] + pads[3] - effW) / sw + 1;
    b.input(names[0], DType.FLOAT32, 1, c, h, w);
    b.initializer("w" + i, random(r, outC, c / groups, kh, kw));
    if (withBias) {
      b.initializer("b" + i, random(r, outC));
    }
    List<String> inputs = withBias ? List.of(names[0], "w" + i, "b" + i) : List.of(names[0], "w" + i);
    b.node("Conv", inputs, List.of(names[1]), Map.of("kernel_shape",
        Attribute.ofInts(kh, kw), "strides", Attribute.ofInts(sh, sw), "dilations", Attribute.ofInts(dh, dw),
        "pads", Attribute.ofInts(pads[0], pads[1], pads[2], pads[3]), "group", Attribute.ofInt(groups)));
    b.output(names[2], DType.FLOAT32, 1, outC, oh, ow);
  }
}
