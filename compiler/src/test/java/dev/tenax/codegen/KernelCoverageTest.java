package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.calib.SampleRange;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.lower.Step;
import dev.tenax.passes.Pipeline;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.quantizer.QuantizeDefaults;
import dev.tenax.quantizer.Quantizer;
import dev.tenax.quantizer.RandomSource;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small float model that needs every int8 kernel (pad, convolution, depthwise, pooling,
 * addition, multiplication, resize, concatenation, sigmoid, tanh, softmax, fully connected):
 * quantized, lowered to those kernels with no float fallback, compiled, and bit-exact with the
 * Java integer evaluator.
 */
public class KernelCoverageTest {
  static Tensor random(Random r, float scale, int... shape) {
    float[] f = new float[dev.tenax.ir.Shapes.size(shape)];
    for (int i = 0; i < f.length; i++) {
      f[i] = (r.nextFloat() * 2 - 1) * scale;
    }
    return Tensor.ofFloats(shape, f);
  }

  public static Graph model() throws Exception {
    Random r = new Random(7);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, 1, 3, 6, 6).output("y", DType.FLOAT32, 1, 5)
        .initializer("pads", Tensor.vector(DType.INT64, 0, 0, 1, 1, 0, 0, 1, 1))
        .initializer("w1", random(r, 0.5f, 4, 3, 3, 3)).initializer("b1", random(r, 0.1f, 4))
        .initializer("wd", random(r, 0.5f, 4, 1, 3, 3)).initializer("bd", random(r, 0.1f, 4))
        .initializer("scales", Tensor.ofFloats(new int[] {4}, new float[] {1, 1, 2, 2}))
        .initializer("fw", random(r, 0.3f, 5, 8)).initializer("fb", random(r, 0.1f, 5));
    b.node("Pad", List.of("x", "pads"), List.of("p"));
    b.node("Conv", List.of("p", "w1", "b1"), List.of("c1"), Map.of("kernel_shape", Attribute.ofInts(3, 3)));
    b.node("Relu", List.of("c1"), List.of("r1"));
    b.node("MaxPool", List.of("r1"), List.of("m1"),
        Map.of("kernel_shape", Attribute.ofInts(2, 2), "strides", Attribute.ofInts(2, 2)));
    b.node("Conv", List.of("m1", "wd", "bd"), List.of("d1"), Map.of("kernel_shape", Attribute.ofInts(3, 3),
        "group", Attribute.ofInt(4), "pads", Attribute.ofInts(1, 1, 1, 1)));
    b.node("Add", List.of("d1", "m1"), List.of("a1"));
    b.node("Sigmoid", List.of("a1"), List.of("s1"));
    b.node("Mul", List.of("a1", "s1"), List.of("g1"));
    b.node("Resize", List.of("g1", "", "scales"), List.of("u1"), Map.of("mode", Attribute.ofString("nearest")));
    b.node("Tanh", List.of("u1"), List.of("t1"));
    b.node("Concat", List.of("u1", "t1"), List.of("k1"), Map.of("axis", Attribute.ofInt(1)));
    b.node("GlobalAveragePool", List.of("k1"), List.of("gap"));
    b.node("Flatten", List.of("gap"), List.of("f"));
    b.node("Gemm", List.of("f", "fw", "fb"), List.of("logits"), Map.of("transB", Attribute.ofInt(1)));
    b.node("Softmax", List.of("logits"), List.of("y"), Map.of("axis", Attribute.ofInt(1)));
    return quantize(b, new int[] {1, 3, 6, 6});
  }

  /** Depth-to-space as exporters write it: Reshape to six axes, Transpose, Reshape back. */
  static Graph depthToSpace() throws Exception {
    Random r = new Random(11);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, 1, 2, 5, 6).output("y", DType.FLOAT32, 1, 1, 10, 12)
        .initializer("w", random(r, 0.5f, 4, 2, 3, 3)).initializer("b", random(r, 0.1f, 4))
        .initializer("s6", Tensor.vector(DType.INT64, 1, 1, 2, 2, 5, 6))
        .initializer("s4", Tensor.vector(DType.INT64, 1, 1, 10, 12));
    b.node("Conv", List.of("x", "w", "b"), List.of("c"), Map.of("kernel_shape", Attribute.ofInts(3, 3),
        "pads", Attribute.ofInts(1, 1, 1, 1)));
    b.node("Reshape", List.of("c", "s6"), List.of("r6"));
    b.node("Transpose", List.of("r6"), List.of("t6"), Map.of("perm", Attribute.ofInts(0, 1, 4, 2, 5, 3)));
    b.node("Reshape", List.of("t6", "s4"), List.of("y"));
    return quantize(b, new int[] {1, 2, 5, 6});
  }

  static Graph quantize(OnnxModelBuilder b, int[] inputShape) throws Exception {
    return quantize(b, inputShape, QuantMode.INT8);
  }

  static Graph quantize(OnnxModelBuilder b, int[] inputShape, QuantMode mode) throws Exception {
    Graph g = Pipeline.standard().run(new ModelImporter(dev.tenax.ops.OperatorRegistry.standard(),
        ImportOptions.defaults()).importModel(b.build()));
    CalibrationData data = CalibrationData.of(new RandomSource(inputShape, 32), "x",
        g.type("x"), SampleRange.ALL, Preprocessing.IDENTITY);
    RangeCollector rc = RangeCollector.collect(g, List.of(data), RangeCollector.Progress.NONE);
    return Pipeline.standard().run(Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD), mode).graph());
  }

  /**
   * Pad, Resize and Concat in 16x8 mode: the int16 data-movement kernels, with Concat's inputs at
   * two scales (the convolution's and the graph input's), so one is requantized through float.
   */
  static Graph moves16x8() throws Exception {
    Random r = new Random(13);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, 1, 3, 5, 6).output("y", DType.FLOAT32, 1, 6, 10, 12)
        .initializer("pads", Tensor.vector(DType.INT64, 0, 0, 1, 0, 0, 0, 1, 2))
        .initializer("w1", random(r, 0.5f, 3, 3, 3, 3)).initializer("b1", random(r, 0.1f, 3))
        .initializer("scales", Tensor.ofFloats(new int[] {4}, new float[] {1, 1, 2, 2}));
    b.node("Pad", List.of("x", "pads"), List.of("p"));
    b.node("Conv", List.of("p", "w1", "b1"), List.of("c1"), Map.of("kernel_shape", Attribute.ofInts(3, 3)));
    b.node("Resize", List.of("c1", "", "scales"), List.of("u1"), Map.of("mode", Attribute.ofString("nearest")));
    b.node("Resize", List.of("x", "", "scales"), List.of("u2"), Map.of("mode", Attribute.ofString("nearest")));
    b.node("Concat", List.of("u1", "u2"), List.of("y"), Map.of("axis", Attribute.ofInt(1)));
    return quantize(b, new int[] {1, 3, 5, 6}, QuantMode.INT16X8);
  }

  @Test
  void int16PadResizeAndConcatRunOnTheirKernels(@TempDir Path dir) throws Exception {
    HostGcc.require();
    Graph q = moves16x8();
    ModelCompiler.Result r = ModelCompiler.compile(q, new EmitOptions("mv16", "host", null, "test", "mv16.onnx", "0"), dir);
    Set<String> kernels = new TreeSet<>();
    r.program().steps().forEach(s -> kernels.add(s.kernel()));
    assertTrue(kernels.containsAll(List.of("tx_pad_s16", "tx_resize_nearest_s16", "tx_concat_s16",
        "tx_conv2d_s16")), kernels.toString());
    // the graph input, and Concat's input whose scale is not the output's
    assertEquals(2, r.program().steps().stream().filter(s -> s.kernel().equals("tx_quantize_f32_s16")).count());
    assertEquals(List.of(), r.program().floatNodes());
    float step = q.value(q.producer("y").orElseThrow().input(1)).constant().getFloat(0);
    Random rnd = new Random(17);
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < 3; n++) {
        Map<String, Tensor> feed = Map.of("x", random(rnd, 1.2f, 1, 3, 5, 6));
        Tensor want = ProgramInterpreter.run(r.program(), feed).get("y");
        assertArrayEquals(HostModelsTest.bits(want), HostModelsTest.bits(compiled.run(feed).get("y")));
        float[] a = want.floats();
        float[] e = new dev.tenax.eval.ReferenceEvaluator().run(q, feed).get("y").floats();
        for (int i = 0; i < a.length; i++) {
          // one step, plus the float32 rounding of the two dequantized values (RandomLayersTest)
          double bound = step + 2 * Math.ulp(Math.max(Math.abs(a[i]), Math.abs(e[i])));
          assertTrue(Math.abs(a[i] - e[i]) <= bound, "element " + i + ": " + a[i] + " vs " + e[i]);
        }
      }
    }
  }

  @Test
  void sixAxisTransposesReduceToTheFourAxisKernel(@TempDir Path dir) throws Exception {
    HostGcc.require();
    Graph q = depthToSpace();
    ModelCompiler.Result r = ModelCompiler.compile(q, new EmitOptions("d2s", "host", null, "test", "d2s.onnx", "0"), dir);
    Random rnd = new Random(5);
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < 3; n++) {
        Map<String, Tensor> feed = Map.of("x", random(rnd, 1f, 1, 2, 5, 6));
        Tensor want = ProgramInterpreter.run(r.program(), feed).get("y");
        assertArrayEquals(HostModelsTest.bits(want), HostModelsTest.bits(compiled.run(feed).get("y")));
        Tensor qdq = new dev.tenax.eval.ReferenceEvaluator().run(q, feed).get("y");
        float step = q.value(q.producer("y").orElseThrow().input(1)).constant().getFloat(0);
        for (int i = 0; i < want.size(); i++) {
          assertTrue(Math.abs(want.getFloat(i) - qdq.getFloat(i)) <= step * 1.0001, "element " + i);
        }
      }
    }
  }

  /**
   * A QDQ model whose Add and Gemm are left in float by the producer (no QuantizeLinear after
   * them), as pre-quantized models sometimes are: they run on the float32 fallback kernels.
   */
  @Test
  void floatIslandsRunOnTheFloatKernels(@TempDir Path dir) throws Exception {
    HostGcc.require();
    Random r = new Random(9);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, 2, 6).output("y", DType.FLOAT32, 2, 4)
        .initializer("s", Tensor.scalar(0.05f)).initializer("z", Tensor.scalar(DType.INT8, 3))
        .initializer("wq", Tensor.fromDoubles(DType.INT8, new int[] {4, 6}, randomInts(r, 24)))
        .initializer("ws", Tensor.scalar(0.02f)).initializer("wz", Tensor.scalar(DType.INT8, 5))
        .initializer("c", random(r, 0.2f, 4));
    b.node("QuantizeLinear", List.of("x", "s", "z"), List.of("xq"));
    b.node("DequantizeLinear", List.of("xq", "s", "z"), List.of("xd"));
    b.node("Add", List.of("xd", "xd"), List.of("x2"));
    b.node("DequantizeLinear", List.of("wq", "ws", "wz"), List.of("w"));
    b.node("Gemm", List.of("x2", "w", "c"), List.of("y"), Map.of("transB", Attribute.ofInt(1)));
    Graph g = Pipeline.standard().run(new ModelImporter(dev.tenax.ops.OperatorRegistry.standard(),
        ImportOptions.defaults()).importModel(b.build()));
    ModelCompiler.Result res = ModelCompiler.compile(g, new EmitOptions("isl", "host", null, "test", "isl.onnx", "0"), dir);
    Set<String> kernels = new TreeSet<>();
    res.program().steps().forEach(s -> kernels.add(s.kernel()));
    assertTrue(kernels.containsAll(List.of("tx_add_f32", "tx_fully_connected_f32")), kernels.toString());
    assertEquals(2, res.program().floatNodes().size(), res.program().floatNodes().toString());
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < 3; n++) {
        Map<String, Tensor> feed = Map.of("x", random(r, 3f, 2, 6));
        Tensor want = ProgramInterpreter.run(res.program(), feed).get("y");
        assertArrayEquals(HostModelsTest.bits(want), HostModelsTest.bits(compiled.run(feed).get("y")));
        Tensor ref = new dev.tenax.eval.ReferenceEvaluator().run(g, feed).get("y");
        assertEquals(null, dev.tenax.testing.Tolerance.FLOAT32.compare(want, ref));
      }
    }
  }

  static double[] randomInts(Random r, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = r.nextInt(255) - 127;
    }
    return d;
  }

  @Test
  void everyInt8KernelRunsAndMatchesBitForBit(@TempDir Path dir) throws Exception {
    HostGcc.require();
    ModelCompiler.Result r = ModelCompiler.compile(model(),
        new EmitOptions("cover", "host", null, "test", "cover.onnx", "0"), dir);
    Program p = r.program();
    Set<String> kernels = new TreeSet<>();
    for (Step s : p.steps()) {
      kernels.add(s.kernel());
    }
    for (String k : List.of("tx_pad_s8", "tx_conv2d_s8", "tx_max_pool_s8", "tx_depthwise_conv2d_s8",
        "tx_add_s8", "tx_sigmoid_s8", "tx_mul_s8", "tx_resize_nearest_s8", "tx_tanh_s8",
        "tx_concat_s8", "tx_fully_connected_s8", "tx_softmax_s8")) {
      assertTrue(kernels.contains(k), k + " not used; the program uses " + kernels);
    }
    assertEquals(List.of(), p.floatNodes());
    Random rnd = new Random(3);
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < 5; n++) {
        Map<String, Tensor> feed = Map.of("x", random(rnd, 1.2f, 1, 3, 6, 6));
        assertArrayEquals(HostModelsTest.bits(ProgramInterpreter.run(p, feed).get("y")),
            HostModelsTest.bits(compiled.run(feed).get("y")), "input " + n);
      }
    }
  }
}
