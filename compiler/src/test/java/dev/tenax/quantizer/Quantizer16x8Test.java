package dev.tenax.quantizer;

import static dev.tenax.quantizer.QuantizerTest.constant;
import static dev.tenax.quantizer.QuantizerTest.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.calib.CalibrationMethod;
import dev.tenax.calib.RangeCollector;
import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.oracle.OnnxRuntimeOracle;
import dev.tenax.testing.OnnxModelBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 16x8 mode: int16 symmetric activations, int8 weights, opset 21 Q/DQ. */
class Quantizer16x8Test {
  static QuantParams p16(double absMax) {
    return new QuantParams((float) (absMax / 32767), 0, DType.INT16);
  }

  @Test
  void activationsAreSymmetricInt16() throws Exception {
    QuantizedModel q = Quantizer.quantize(QuantizerTest.convReluGemm(), QuantizerTest.CAL, QuantMode.INT16X8);
    assertEquals(p16(2), q.activations().get("x"), "range [-1, 2]: scale 2/32767");
    assertEquals(p16(6), q.activations().get("r"));
    assertEquals(p16(6), q.activations().get("f"), "Flatten keeps its input's quantization");
    assertEquals(p16(6), q.activations().get("y"), "range [-2, 6]: zero point 0, not shifted");
    assertEquals(null, q.activations().get("c"), "the fused Relu's producer is not quantized");
    assertEquals(new QuantParams(1f / 32767, 0, DType.INT16), QuantParams.symmetric16(0, 0),
        "a constant-zero tensor gets a positive scale");
  }

  @Test
  void qdqIsInt16AtOpset21() throws Exception {
    Graph g = Quantizer.quantize(QuantizerTest.convReluGemm(), QuantizerTest.CAL, QuantMode.INT16X8).graph();
    assertEquals(21, g.opsets().get(""));
    for (Node n : g.nodes()) {
      assertEquals(21, n.opset(), n.describe());
    }
    int qdq = 0;
    for (Node n : g.nodes()) {
      if (n.opType().equals("QuantizeLinear")) {
        qdq++;
        assertEquals(DType.INT16, g.type(n.output(0)).dtype());
        Tensor zp = constant(g, n.input(2));
        assertEquals(Tensor.scalar(DType.INT16, 0), zp, "zero points are int16 scalar initializers");
      }
    }
    assertEquals(4, qdq, "x, r, f (with r's initializers) and y are quantized");
    Node yDq = node(g, "y");
    assertEquals(Tensor.scalar((float) (6.0 / 32767)), constant(g, yDq.input(1)));
  }

  @Test
  void weightsStayInt8PerChannelAndBiasIsInt32AtTheFinerScale() throws Exception {
    Graph g = Quantizer.quantize(QuantizerTest.convReluGemm(), QuantizerTest.CAL, QuantMode.INT16X8).graph();
    Node conv = node(g, "c");
    Node wdq = node(g, conv.input(1));
    assertEquals(DType.INT8, constant(g, wdq.input(0)).dtype());
    assertArrayEquals(new float[] {0.5f / 127, 2f / 127}, constant(g, wdq.input(1)).floats());
    assertEquals(Tensor.zeros(DType.INT8, new int[] {2}), constant(g, wdq.input(2)));
    Node bdq = node(g, conv.input(2));
    float xs = (float) (2.0 / 32767);
    float[] bs = constant(g, bdq.input(1)).floats();
    assertArrayEquals(new float[] {xs * (0.5f / 127), xs * (2f / 127)}, bs);
    Tensor bq = constant(g, bdq.input(0));
    assertEquals(DType.INT32, bq.dtype());
    assertEquals(Math.rint(0.1f / (double) bs[0]), bq.longs()[0]);
    assertEquals(Math.rint(-0.2f / (double) bs[1]), bq.longs()[1]);
    assertEquals(Tensor.zeros(DType.INT32, new int[] {2}), constant(g, bdq.input(2)));
  }

  @Test
  void biasThatOverflowsInt32StaysFloat() throws Exception {
    Tensor w = Tensor.ofFloats(new int[] {1, 2}, new float[] {0.5f, -1f});
    Tensor big = Tensor.ofFloats(new int[] {1}, new float[] {1e4f});
    Graph f = QuantizerOpsTest.load(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 2)
        .initializer("w", w).initializer("b", big)
        .node("Gemm", List.of("x", "w", "b"), List.of("y"), Map.of("transB", Attribute.ofInt(1)))
        .output("y", DType.FLOAT32, 1, 1));
    var cal = QuantizerTest.ranges(Map.of("x", new float[] {-1, 1}, "y", new float[] {0, 1e4f + 2}));
    // 1e4 / ((1/32767) * (1/127)) = 4.2e10 does not fit int32; at int8 mode's input scale 2/255 it does.
    Graph q = Quantizer.quantize(f, cal, QuantMode.INT16X8).graph();
    Node gemm = q.nodes().stream().filter(n -> n.opType().equals("Gemm")).findFirst().orElseThrow();
    assertEquals("b", gemm.input(2), "the float bias is kept");
    assertEquals(big, constant(q, "b"));
    assertEquals("DequantizeLinear", node(q, gemm.input(1)).opType(), "the weight is still quantized");
    Graph q8 = Quantizer.quantize(f, cal, QuantMode.INT8).graph();
    Node gemm8 = q8.nodes().stream().filter(n -> n.opType().equals("Gemm")).findFirst().orElseThrow();
    assertEquals("DequantizeLinear", node(q8, gemm8.input(2)).opType());
  }

  @Test
  void softmaxSigmoidTanhGetTfliteInt16Outputs() throws Exception {
    Graph g = QuantizerOpsTest.load(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 4)
        .node("Sigmoid", List.of("x"), List.of("s"))
        .node("Tanh", List.of("x"), List.of("t"))
        .node("Softmax", List.of("x"), List.of("m"), Map.of("axis", Attribute.ofInt(1)))
        .output("s", DType.FLOAT32, 1, 4).output("t", DType.FLOAT32, 1, 4).output("m", DType.FLOAT32, 1, 4));
    QuantizedModel q = Quantizer.quantize(g, QuantizerTest.ranges(Map.of("x", new float[] {-3, 4},
        "s", new float[] {0, 0.5f}, "t", new float[] {-0.2f, 0.3f}, "m", new float[] {0, 0.9f})), QuantMode.INT16X8);
    QuantParams fixed = new QuantParams(1f / 32768, 0, DType.INT16);
    assertEquals(fixed, q.activations().get("s"));
    assertEquals(fixed, q.activations().get("t"));
    assertEquals(fixed, q.activations().get("m"));
    assertEquals(p16(4), q.activations().get("x"));
  }

  @Test
  void runsInOnnxRuntimeLikeTheReferenceEvaluator() throws Exception {
    OnnxRuntimeOracle.assumeAvailable();
    Graph f = QuantizerTest.convReluGemm();
    float[] x = new float[16];
    for (int i = 0; i < 16; i++) {
      x[i] = (i % 7) * 0.4f - 1f;
    }
    Tensor in = Tensor.ofFloats(new int[] {1, 1, 4, 4}, x);
    RangeCollector rc = new RangeCollector(f);
    rc.add(Map.of("x", in));
    Graph q = Quantizer.quantize(f, rc.ranges(CalibrationMethod.MIN_MAX), QuantMode.INT16X8).graph();
    byte[] model = OnnxExporter.export(q, "test").toByteArray();
    Tensor ort = OnnxRuntimeOracle.run(model, Map.of("x", in)).get("y");
    Tensor ref = new ReferenceEvaluator().run(q, Map.of("x", in)).get("y");
    Tensor flt = new ReferenceEvaluator().run(f, Map.of("x", in)).get("y");
    for (int i = 0; i < 3; i++) {
      assertEquals(ref.getFloat(i), ort.getFloat(i), 1e-6, "16x8 QDQ in ORT and in Tenax");
      // int8 weights dominate the error; int16 activations add at most ~1e-4 here.
      assertEquals(flt.getFloat(i), ort.getFloat(i), 0.05, "16x8 QDQ close to float");
    }
  }

  @Test
  void raisesReduceMeanAndSplitTo21KeepingTheirMeaning() throws Exception {
    Graph f = QuantizerOpsTest.load(new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 4, 2)
        .node("ReduceMean", List.of("x"), List.of("r"), Map.of("axes", Attribute.ofInts(2)))
        .node("Split", List.of("r"), List.of("a", "b"), Map.of("axis", Attribute.ofInt(1)))
        .node("Relu", List.of("a"), List.of("y"))
        .output("y", DType.FLOAT32, 1, 2, 1).output("b", DType.FLOAT32, 1, 2, 1));
    Graph up = OpsetUpgrade.apply(f, 21);
    Node mean = up.nodes().stream().filter(n -> n.opType().equals("ReduceMean")).findFirst().orElseThrow();
    assertEquals(21, mean.opset());
    assertEquals(null, mean.attributes().get("axes"), "axes became an input at opset 18");
    assertEquals(Tensor.vector(DType.INT64, 2), constant(up, mean.input(1)));
    Node split = up.nodes().stream().filter(n -> n.opType().equals("Split")).findFirst().orElseThrow();
    assertEquals(2, split.attributes().get("num_outputs").asInt());
    Tensor in = Tensor.ofFloats(new int[] {1, 4, 2}, new float[] {1, 2, -3, -5, 0.5f, 1.5f, 4, 8});
    var before = new ReferenceEvaluator().run(f, Map.of("x", in));
    var after = new ReferenceEvaluator().run(up, Map.of("x", in));
    assertEquals(before.get("y"), after.get("y"));
    assertEquals(before.get("b"), after.get("b"));
    assertSame(f, OpsetUpgrade.apply(f, 13), "int8 mode leaves an opset-13 graph alone");
  }

  @Test
  void refusesAnOpNotKnownToKeepItsMeaning() {
    TensorType t = new TensorType(DType.FLOAT32, new int[] {1, 4});
    Node odd = new Node("odd", "GridSample", "", 16, List.of("x"), List.of("y"), Map.of(), Map.of());
    Graph g = Graph.builder("g", Map.of("", 16)).inputs(List.of("x")).outputs(List.of("y")).nodes(List.of(odd))
        .values(List.of(Value.of("x", t), Value.of("y", t))).build();
    UsageException e = assertThrows(UsageException.class, () -> OpsetUpgrade.apply(g, 21));
    assertTrue(e.getMessage().contains("GridSample") && e.getMessage().contains("opset 21")
        && e.getMessage().contains("--mode int8"), e.getMessage());
  }

  @Test
  void parsesTheModeAndRejectsOthers() throws Exception {
    assertEquals(QuantMode.INT16X8, QuantMode.parse("16x8"));
    assertEquals(QuantMode.INT8, QuantMode.parse("INT8"));
    UsageException e = assertThrows(UsageException.class, () -> QuantMode.parse("int4"));
    assertTrue(e.getMessage().contains("int8, 16x8"), e.getMessage());
  }
}
