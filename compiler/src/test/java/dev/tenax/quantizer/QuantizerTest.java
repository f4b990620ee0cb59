package dev.tenax.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.calib.CalibrationMethod;
import dev.tenax.calib.CalibrationResult;
import dev.tenax.calib.RangeCollector;
import dev.tenax.calib.ValueRange;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantizerTest {
  static final Tensor W = Tensor.ofFloats(new int[] {2, 1, 3, 3}, new float[] {
      0.5f, -0.25f, 0.1f, 0f, 0.3f, -0.5f, 0.2f, 0.05f, -0.4f,
      2f, -1f, 0.7f, 0.25f, -2f, 1.5f, 0f, 0.9f, -0.3f});
  static final Tensor B = Tensor.ofFloats(new int[] {2}, new float[] {0.1f, -0.2f});
  static final Tensor GEMM_B = Tensor.ofFloats(new int[] {3, 8}, new float[] {
      1f, -0.5f, 0.25f, 0f, 0.5f, 0.75f, -1f, 0.1f,
      0.2f, 0.2f, -0.2f, 0.4f, 0f, 0.1f, 0.3f, -0.4f,
      -0.6f, 0.6f, 0f, 0f, 0.3f, -0.3f, 0.6f, 0f});
  static final Tensor GEMM_C = Tensor.ofFloats(new int[] {3}, new float[] {0.5f, 0f, -0.25f});

  /** x -> Conv -> Relu -> Flatten -> Gemm(transB=1) -> y. */
  static Graph convReluGemm() throws Exception {
    return Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 1, 4, 4)
            .initializer("w", W).initializer("b", B).initializer("gb", GEMM_B).initializer("gc", GEMM_C)
            .node("Conv", List.of("x", "w", "b"), List.of("c"))
            .node("Relu", List.of("c"), List.of("r"))
            .node("Flatten", List.of("r"), List.of("f"))
            .node("Gemm", List.of("f", "gb", "gc"), List.of("y"), Map.of("transB", Attribute.ofInt(1)))
            .output("y", DType.FLOAT32, 1, 3).build()));
  }

  static CalibrationResult ranges(Map<String, float[]> r) {
    Map<String, ValueRange> m = new LinkedHashMap<>();
    r.forEach((k, v) -> m.put(k, new ValueRange(v[0], v[1])));
    return new CalibrationResult(CalibrationMethod.MIN_MAX, 0, 1, m);
  }

  static final CalibrationResult CAL = ranges(Map.of("x", new float[] {-1, 2}, "c", new float[] {-3, 5},
      "r", new float[] {0, 6}, "f", new float[] {0, 6}, "y", new float[] {-2, 6}));

  static Node node(Graph g, String output) {
    return g.producer(output).orElseThrow();
  }

  static Tensor constant(Graph g, String name) {
    return g.value(name).constant();
  }

  @Test
  void activationScalesAndZeroPoints() throws Exception {
    QuantizedModel q = Quantizer.quantize(convReluGemm(), CAL);
    assertEquals(new QuantParams((float) (3.0 / 255), -43), q.activations().get("x"));
    assertEquals(new QuantParams((float) (6.0 / 255), -128), q.activations().get("r"));
    assertEquals(q.activations().get("r"), q.activations().get("f"), "Flatten keeps its input's quantization");
    assertEquals(new QuantParams((float) (8.0 / 255), -64), q.activations().get("y"));
    assertNull(q.activations().get("c"), "the Conv output feeds a fused Relu: only the Relu output is quantized");
    assertTrue(q.floatNodes().isEmpty());
  }

  @Test
  void canonicalQdqStructure() throws Exception {
    Graph g = Quantizer.quantize(convReluGemm(), CAL).graph();
    assertEquals(List.of("QuantizeLinear", "DequantizeLinear", "DequantizeLinear", "DequantizeLinear", "Conv", "Relu",
        "QuantizeLinear", "DequantizeLinear", "Flatten", "QuantizeLinear", "DequantizeLinear", "DequantizeLinear",
        "DequantizeLinear", "Gemm", "QuantizeLinear", "DequantizeLinear"),
        g.nodes().stream().map(Node::opType).toList());
    assertEquals(List.of("x"), g.inputs());
    assertEquals(List.of("y"), g.outputs());
    assertEquals(DType.FLOAT32, g.type("x").dtype());
    Node conv = node(g, "c");
    assertEquals("DequantizeLinear", node(g, conv.input(0)).opType());
    assertEquals("x", node(g, node(g, conv.input(0)).input(0)).input(0), "the input's Q/DQ pair comes first");
    assertEquals("c", node(g, "r").input(0), "the fused Relu reads the Conv output directly");
    Node flatten = node(g, "f");
    Node rDq = node(g, flatten.input(0));
    Node fQ = g.consumers("f").get(0);
    assertEquals(rDq.input(1), fQ.input(1), "shape-only ops share the scale initializer");
    assertEquals(rDq.input(2), fQ.input(2));
    Node yDq = node(g, "y");
    assertEquals("DequantizeLinear", yDq.opType());
    Node gemm = g.nodes().stream().filter(n -> n.opType().equals("Gemm")).findFirst().orElseThrow();
    assertEquals(node(g, yDq.input(0)).input(0), gemm.output(0));
    assertEquals(DType.INT8, g.type(node(g, yDq.input(0)).output(0)).dtype());
    assertEquals(Tensor.scalar((float) (8.0 / 255)), constant(g, yDq.input(1)));
    assertEquals(Tensor.scalar(DType.INT8, -64), constant(g, yDq.input(2)));
  }

  @Test
  void weightsPerOutputChannelAndInt32Bias() throws Exception {
    Graph g = Quantizer.quantize(convReluGemm(), CAL).graph();
    Node conv = node(g, "c");
    Node wdq = node(g, conv.input(1));
    assertEquals(0, wdq.attributes().get("axis").asInt());
    float[] ws = constant(g, wdq.input(1)).floats();
    assertArrayEquals(new float[] {0.5f / 127, 2f / 127}, ws);
    assertEquals(Tensor.zeros(DType.INT8, new int[] {2}), constant(g, wdq.input(2)));
    long[] wq = constant(g, wdq.input(0)).longs();
    assertEquals(DType.INT8, constant(g, wdq.input(0)).dtype());
    float[] w = W.floats();
    for (int i = 0; i < w.length; i++) {
      long expect = (long) Math.rint(w[i] / (i < 9 ? 0.5 : 2.0) * 127); // ties (-63.5) to even
      assertEquals(expect, wq[i], "weight " + i);
    }
    assertEquals(127, wq[0]);
    assertEquals(-127, wq[13]);
    Node bdq = node(g, conv.input(2));
    assertEquals(0, bdq.attributes().get("axis").asInt());
    float xs = (float) (3.0 / 255);
    float[] bs = constant(g, bdq.input(1)).floats();
    assertArrayEquals(new float[] {xs * (0.5f / 127), xs * (2f / 127)}, bs);
    assertEquals(Tensor.zeros(DType.INT32, new int[] {2}), constant(g, bdq.input(2)));
    Tensor bq = constant(g, bdq.input(0));
    assertEquals(DType.INT32, bq.dtype());
    assertEquals(Math.round(0.1 / bs[0]), bq.longs()[0]);
    assertEquals(Math.round(-0.2 / bs[1]), bq.longs()[1]);

    Node gemm = g.nodes().stream().filter(n -> n.opType().equals("Gemm")).findFirst().orElseThrow();
    Node gwdq = node(g, gemm.input(1));
    assertEquals(0, gwdq.attributes().get("axis").asInt(), "Gemm with transB=1: output channels on B's axis 0");
    assertArrayEquals(new float[] {1f / 127, 0.4f / 127, 0.6f / 127}, constant(g, gwdq.input(1)).floats());
    float rs = (float) (6.0 / 255);
    Node gbdq = node(g, gemm.input(2));
    assertArrayEquals(new float[] {rs * (1f / 127), rs * (0.4f / 127), rs * (0.6f / 127)},
        constant(g, gbdq.input(1)).floats());
  }

  @Test
  void matMulWeightsUseAxisOne() throws Exception {
    Tensor m = Tensor.ofFloats(new int[] {2, 3}, new float[] {1, -4, 0, 0.5f, 2, 0});
    Graph g = Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 2).initializer("m", m)
            .node("MatMul", List.of("x", "m"), List.of("y")).output("y", DType.FLOAT32, 1, 3).build()));
    Graph q = Quantizer.quantize(g, ranges(Map.of("x", new float[] {-1, 1}, "y", new float[] {-4, 4}))).graph();
    Node mm = q.nodes().stream().filter(n -> n.opType().equals("MatMul")).findFirst().orElseThrow();
    Node wdq = node(q, mm.input(1));
    assertEquals(1, wdq.attributes().get("axis").asInt());
    // Column 2 is all zeros: its scale must still be positive.
    float[] s = constant(q, wdq.input(1)).floats();
    assertEquals(1f / 127, s[0]);
    assertEquals(4f / 127, s[1]);
    assertTrue(s[2] > 0);
  }

  @Test
  void constantZeroRangeGetsPositiveScale() {
    QuantParams p = QuantParams.of(0, 0);
    assertTrue(p.scale() > 0);
    assertEquals(-128, p.zeroPoint());
    assertEquals(new QuantParams((float) (1.0 / 255), 127), QuantParams.of(-1, 0));
  }

  @Test
  void floatIslandGetsDequantizedInputsAndRequantizedOutputs() throws Exception {
    Graph g = Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 1, 4, 4).initializer("w", W)
            .node("Conv", List.of("x", "w"), List.of("c"))
            .node("Exp", List.of("c"), List.of("e"))
            .node("Relu", List.of("e"), List.of("r"))
            .node("Exp", List.of("r"), List.of("y"))
            .output("y", DType.FLOAT32, 1, 2, 2, 2).build()));
    QuantizedModel q = Quantizer.quantize(g, ranges(Map.of("x", new float[] {-1, 2}, "c", new float[] {-3, 5},
        "e", new float[] {0, 150}, "r", new float[] {0, 150}, "y", new float[] {0, 1e30f})));
    assertEquals(List.of("Exp 'Exp_1'", "Exp 'Exp_3'"), q.floatNodes());
    Graph out = q.graph();
    Node exp = out.consumers(out.nodes().stream().filter(n -> n.opType().equals("Conv")).findFirst()
        .orElseThrow().output(0)).get(0);
    assertEquals("QuantizeLinear", exp.opType(), "the Conv output is quantized: its consumer is float");
    Node island = node(out, "e");
    assertEquals("c_dq", island.input(0), "a float island reads the DequantizeLinear of its producer");
    assertEquals(new QuantParams((float) (150.0 / 255), -128), q.activations().get("e"),
        "an island output read by a quantized op is quantized again");
    assertNull(q.activations().get("y"), "an island output read by nothing quantized stays float");
    assertEquals("Exp", node(out, "y").opType(), "graph outputs of islands keep their producer");
  }

  @Test
  void runsInOnnxRuntimeLikeTheReferenceEvaluator() throws Exception {
    Graph f = convReluGemm();
    float[] x = new float[16];
    for (int i = 0; i < 16; i++) {
      x[i] = (i % 7) * 0.4f - 1f;
    }
    Tensor in = Tensor.ofFloats(new int[] {1, 1, 4, 4}, x);
    RangeCollector rc = new RangeCollector(f);
    rc.add(Map.of("x", in));
    Graph q = Quantizer.quantize(f, rc.ranges(CalibrationMethod.MIN_MAX)).graph();
    byte[] model = OnnxExporter.export(q, "test").toByteArray();
    Tensor ort = OnnxRuntimeOracle.run(model, Map.of("x", in)).get("y");
    Tensor ref = new ReferenceEvaluator().run(q, Map.of("x", in)).get("y");
    Tensor flt = new ReferenceEvaluator().run(f, Map.of("x", in)).get("y");
    for (int i = 0; i < 3; i++) {
      assertEquals(ref.getFloat(i), ort.getFloat(i), 1e-6, "QDQ in ORT and in Tenax");
      assertEquals(flt.getFloat(i), ort.getFloat(i), 0.1, "QDQ close to float");
    }
  }
}
