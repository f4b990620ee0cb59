package dev.tenax.quantizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.calib.CalibrationMethod;
import dev.tenax.calib.RangeCollector;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.oracle.OnnxRuntimeOracle;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.OnnxModelBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concat sharing, fixed-range ops, constant operands and the opset raise. */
class QuantizerOpsTest {
  static Graph load(OnnxModelBuilder b) throws Exception {
    return Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(b.build()));
  }

  static Tensor ramp(int n, float lo, float hi) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * i / (n - 1);
    }
    return Tensor.ofFloats(new int[] {1, n}, x);
  }

  @Test
  void concatInputsShareTheOutputQuantizationOrAreRequantized() throws Exception {
    // a = x + c (own range, takes the Concat's parameters); t = Reshape(x) inherits x's: requantized.
    Graph g = load(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 4)
        .initializer("c", Tensor.ofFloats(new int[] {1, 4}, new float[] {1, 2, 3, 4}))
        .initializer("shape", Tensor.vector(DType.INT64, 1, 4))
        .node("Add", List.of("x", "c"), List.of("a"))
        .node("Reshape", List.of("x", "shape"), List.of("t"))
        .node("Concat", List.of("a", "t"), List.of("y"), Map.of("axis", Attribute.ofInt(1)))
        .output("y", DType.FLOAT32, 1, 8));
    RangeCollector rc = new RangeCollector(g);
    rc.add(Map.of("x", ramp(4, -1, 1)));
    QuantizedModel q = Quantizer.quantize(g, rc.ranges(CalibrationMethod.MIN_MAX));
    assertEquals(q.activations().get("y"), q.activations().get("a"));
    assertEquals(q.activations().get("x"), q.activations().get("t"));
    assertNotEquals(q.activations().get("y"), q.activations().get("t"));
    Graph out = q.graph();
    Node concat = out.nodes().stream().filter(n -> n.opType().equals("Concat")).findFirst().orElseThrow();
    Node aDq = out.producer(concat.input(0)).orElseThrow();
    Node rq = out.producer(concat.input(1)).orElseThrow();
    Node yDq = out.producer("y").orElseThrow();
    assertEquals(yDq.input(1), aDq.input(1), "the Add output uses the Concat's scale initializer");
    assertEquals("DequantizeLinear", rq.opType());
    Node rqQ = out.producer(rq.input(0)).orElseThrow();
    assertEquals("QuantizeLinear", rqQ.opType());
    assertEquals("t_dq", rqQ.input(0), "the Reshape output is requantized into the Concat's parameters");
    assertEquals(yDq.input(1), rqQ.input(1));
    // The constant Add operand is an int8 initializer behind a per-tensor DequantizeLinear.
    Node add = out.nodes().stream().filter(n -> n.opType().equals("Add")).findFirst().orElseThrow();
    Node cDq = out.producer(add.input(1)).orElseThrow();
    assertEquals(DType.INT8, out.value(cDq.input(0)).constant().dtype());
    assertEquals(0, out.type(cDq.input(1)).rank());
    runInOrt(g, q.graph(), "x", ramp(4, -1, 1), 0.05);
  }

  @Test
  void softmaxSigmoidTanhHaveFixedOutputQuantization() throws Exception {
    Graph g = load(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 4)
        .node("Softmax", List.of("x"), List.of("s"))
        .node("Sigmoid", List.of("s"), List.of("g"))
        .node("Tanh", List.of("g"), List.of("y"))
        .output("y", DType.FLOAT32, 1, 4));
    RangeCollector rc = new RangeCollector(g);
    rc.add(Map.of("x", ramp(4, -3, 3)));
    QuantizedModel q = Quantizer.quantize(g, rc.ranges(CalibrationMethod.MIN_MAX));
    assertEquals(new QuantParams(1f / 256, -128), q.activations().get("s"));
    assertEquals(new QuantParams(1f / 256, -128), q.activations().get("g"));
    assertEquals(new QuantParams(1f / 128, 0), q.activations().get("y"));
    runInOrt(g, q.graph(), "x", ramp(4, -3, 3), 0.02);
  }

  @Test
  void opset9ModelIsRaisedTo13ForPerChannelWeights() throws Exception {
    Tensor w = Tensor.ofFloats(new int[] {4, 3}, new float[] {1, 0, -1, 0.5f, 0.2f, 0.3f, 0, -0.7f, 0, 1, 1, 0});
    Graph g = load(new OnnxModelBuilder().opset(9).input("x", DType.FLOAT32, 1, 4).initializer("w", w)
        .node("MatMul", List.of("x", "w"), List.of("h"))
        .node("Unsqueeze", List.of("h"), List.of("u"), Map.of("axes", Attribute.ofInts(0)))
        .node("Squeeze", List.of("u"), List.of("v"), Map.of("axes", Attribute.ofInts(0)))
        .node("LogSoftmax", List.of("v"), List.of("y"))
        .output("y", DType.FLOAT32, 1, 3));
    RangeCollector rc = new RangeCollector(g);
    rc.add(Map.of("x", ramp(4, -1, 1)));
    Graph q = Quantizer.quantize(g, rc.ranges(CalibrationMethod.MIN_MAX)).graph();
    assertEquals(13, q.opsets().get(""));
    assertTrue(q.nodes().stream().allMatch(n -> n.opset() == 13));
    Node sq = q.nodes().stream().filter(n -> n.opType().equals("Squeeze")).findFirst().orElseThrow();
    assertEquals(2, sq.inputs().size(), "Squeeze axes moved from attribute to input");
    runInOrt(g, q, "x", ramp(4, -1, 1), 0.05);
  }

  static void runInOrt(Graph f, Graph q, String in, Tensor x, double tol) {
    Tensor flt = new ReferenceEvaluator().run(f, Map.of(in, x)).values().iterator().next();
    Tensor ref = new ReferenceEvaluator().run(q, Map.of(in, x)).values().iterator().next();
    Tensor ort = OnnxRuntimeOracle.run(OnnxExporter.export(q, "test").toByteArray(), Map.of(in, x))
        .values().iterator().next();
    for (int i = 0; i < flt.size(); i++) {
      assertEquals(ref.getFloat(i), ort.getFloat(i), 1e-5, "QDQ in Tenax and ORT, element " + i);
      assertEquals(flt.getFloat(i), ort.getFloat(i), tol, "QDQ close to float, element " + i);
    }
  }
}
