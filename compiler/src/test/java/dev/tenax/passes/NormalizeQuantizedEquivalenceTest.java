package dev.tenax.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.IrPrinter;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.models.ModelCheck;
import dev.tenax.models.ModelSpec;
import dev.tenax.models.SharedModels;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.oracle.OnnxRuntimeOracle;
import dev.tenax.testing.OnnxTestCase;
import dev.tenax.testing.SharedData;
import dev.tenax.testing.Tolerance;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The normalize passes keep what a model computes: evaluated on random inputs before and
 * after, by Tenax's reference evaluator and by ONNX Runtime (the rewritten graph exported back
 * to ONNX). Quantized outputs must agree bit for bit, float outputs within
 * {@link Tolerance#FLOAT32}. The one documented exception: with arbitrary scales the float
 * form of a QLinear* op may round to the other neighbour when the exact result is a half step.
 */
class NormalizeQuantizedEquivalenceTest {
  private static final int RUNS = 4;

  private static Map<String, Tensor> tenax(Graph g, Map<String, Tensor> in) {
    return new ReferenceEvaluator().run(g, in);
  }

  private static Map<String, Tensor> ort(Graph g, Map<String, Tensor> in) {
    return OnnxRuntimeOracle.run(OnnxExporter.export(g, "test").toByteArray(), in);
  }

  private static Tensor randomInput(Random r, Graph g) {
    String x = g.inputs().get(0);
    int[] shape = g.type(x).shape();
    DType t = g.type(x).dtype();
    return t.isFloat() ? QuantModels.randomFloats(r, 3f, shape) : QuantModels.randomInts(r, t, shape);
  }

  /** Tenax and ONNX Runtime, before and after {@code pass}, all four agreeing with {@code tolerance}. */
  private static Graph checkEverywhere(Pass pass, ModelProto model, Tolerance tolerance) throws Exception {
    Graph before = PassTesting.load(model);
    Graph after = pass.apply(before);
    assertNotEquals(IrPrinter.print(before), IrPrinter.print(after), "the pass should rewrite this model");
    Random r = new Random(3);
    for (int run = 0; run < RUNS; run++) {
      Map<String, Tensor> in = Map.of(before.inputs().get(0), randomInput(r, before));
      Tensor expected = tenax(before, in).get("y");
      Tensor ortBefore = OnnxRuntimeOracle.run(model.toByteArray(), in).get("y");
      assertNull(tolerance.compare(ortBefore, expected), "ONNX Runtime and Tenax disagree before the pass");
      assertNull(tolerance.compare(tenax(after, in).get("y"), expected), "Tenax after the pass");
      assertNull(tolerance.compare(ort(after, in).get("y"), expected), "ONNX Runtime after the pass");
    }
    return after;
  }

  /** Exact integers and exact float conversions: the float form must not round differently. */
  private static final Tolerance EXACT = new Tolerance(0, 0);

  @Test
  void qlinearConvAgreesBitForBitWithPowerOfTwoScales() throws Exception {
    OnnxRuntimeOracle.assumeExactIntegerKernels(); // its QLinearConv is the oracle here
    for (DType act : List.of(DType.INT8, DType.UINT8)) {
      checkEverywhere(new NormalizeQLinear(), QuantModels.qlinearConv(act, 0.5f,
          new float[] {0.25f, 0.125f, 0.0625f}, 8f, 13), EXACT);
      checkEverywhere(new NormalizeQLinear(), QuantModels.qlinearConv(act, 0.25f, new float[] {0.5f}, 4f, 10),
          EXACT);
    }
  }

  @Test
  void qlinearMatMulAgreesBitForBitWithPowerOfTwoScales() throws Exception {
    for (DType act : List.of(DType.INT8, DType.UINT8)) {
      checkEverywhere(new NormalizeQLinear(), QuantModels.qlinearMatMul(act, 0.5f, new float[] {0.25f, 1f, 0.5f},
          8f, 13), EXACT);
      checkEverywhere(new NormalizeQLinear(), QuantModels.qlinearMatMul(act, 0.5f, new float[] {0.25f}, 8f, 10),
          EXACT);
    }
  }

  /**
   * With arbitrary scales Tenax's float form may differ from the integer op by one step, and
   * only where the unrounded result y / y_scale lies within float32 error of a half step.
   */
  @Test
  void qlinearWithArbitraryScalesDiffersOnlyAtHalfSteps() throws Exception {
    List<ModelProto> models = List.of(
        QuantModels.qlinearConv(DType.UINT8, 0.0173f, new float[] {0.0091f, 0.0123f, 0.0037f}, 0.0711f, 13),
        QuantModels.qlinearConv(DType.INT8, 0.031f, new float[] {0.0057f}, 0.093f, 10),
        QuantModels.qlinearMatMul(DType.INT8, 0.013f, new float[] {0.021f, 0.017f, 0.0093f}, 0.027f, 13));
    Random r = new Random(5);
    for (ModelProto m : models) {
      Graph before = PassTesting.load(m);
      Graph after = new NormalizeQLinear().apply(before);
      Node q = after.producer("y").orElseThrow();
      assertEquals("QuantizeLinear", q.opType());
      float ys = after.value(q.input(1)).constant().getFloat(0);
      for (int run = 0; run < 20; run++) {
        Map<String, Tensor> in = Map.of(before.inputs().get(0), randomInput(r, before));
        Tensor expected = tenax(before, in).get("y");
        Map<String, Tensor> seen = new HashMap<>();
        Tensor actual = new ReferenceEvaluator().run(after, in, seen::put).get("y");
        float[] real = seen.get(q.input(0)).floats();
        for (int i = 0; i < real.length; i++) {
          long diff = actual.getLong(i) - expected.getLong(i);
          double steps = real[i] / ys;
          double fromHalf = Math.abs(steps - Math.floor(steps) - 0.5);
          assertTrue(diff == 0 || Math.abs(diff) == 1 && fromHalf < 1e-3,
              "element " + i + " differs by " + diff + " at " + steps + " steps");
        }
      }
    }
  }

  @Test
  void integerOpsAgreeWithinFloatTolerance() throws Exception {
    checkEverywhere(new NormalizeIntegerOps(), QuantModels.convInteger(Tensor.ofFloats(new int[] {3, 1, 1},
        new float[] {0.0123f, 0.0031f, 0.00071f})), Tolerance.FLOAT32);
    checkEverywhere(new NormalizeIntegerOps(), QuantModels.convInteger(Tensor.scalar(0.0042f)), Tolerance.FLOAT32);
    checkEverywhere(new NormalizeIntegerOps(), QuantModels.matMulInteger(Tensor.ofFloats(new int[] {1, 3},
        new float[] {0.013f, 0.021f, 0.0057f})), Tolerance.FLOAT32);
    checkEverywhere(new NormalizeIntegerOps(), QuantModels.matMulInteger(Tensor.scalar(0.0063f)),
        Tolerance.FLOAT32);
  }

  /** The shift by 128 is exact: float outputs bit for bit, int8 activations = uint8 ones - 128. */
  @Test
  void uint8ToInt8IsExact() throws Exception {
    for (int opset : new int[] {10, 13}) {
      ModelProto m = QuantModels.uint8Qdq(opset);
      Graph after = checkEverywhere(new NormalizeUint8(), m, EXACT);
      Graph before = PassTesting.load(m);
      Random r = new Random(opset);
      for (int run = 0; run < RUNS; run++) {
        Map<String, Tensor> in = Map.of("x", QuantModels.randomFloats(r, 3f, 1, 2, 4, 4));
        Map<String, Tensor> u8 = new HashMap<>();
        Map<String, Tensor> s8 = new HashMap<>();
        new ReferenceEvaluator().run(before, in, u8::put);
        new ReferenceEvaluator().run(after, in, s8::put);
        for (String t : List.of("xq", "cq")) {
          assertEquals(DType.INT8, s8.get(t).dtype());
          for (int i = 0; i < s8.get(t).size(); i++) {
            assertEquals(u8.get(t).getLong(i) - 128, s8.get(t).getLong(i), t + " element " + i);
          }
        }
      }
    }
  }

  /** The whole pipeline on a uint8 QLinearConv model whose inside becomes int8 (only its interface stays). */
  @Test
  void pipelineOnQLinearChainAgreesBitForBit() throws Exception {
    ModelProto m = new dev.tenax.testing.OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 2, 5, 5)
        .initializer("s", Tensor.scalar(0.25f)).initializer("zp", Tensor.scalar(DType.UINT8, 120))
        .node("QuantizeLinear", List.of("x", "s", "zp"), List.of("xq"))
        .node("QLinearConv", List.of("xq", "s", "zp", "w", "ws", "wzp", "s", "zp"), List.of("yq"))
        .initializer("w", QuantModels.randomInts(new Random(2), DType.INT8, 2, 2, 3, 3))
        .initializer("ws", Tensor.scalar(0.125f)).initializer("wzp", Tensor.scalar(DType.INT8, 0))
        .node("DequantizeLinear", List.of("yq", "s", "zp"), List.of("y"))
        .output("y", DType.FLOAT32, 1, 2, 3, 3).build();
    Graph after = checkEverywhere(pipeline(), m, EXACT);
    for (Node n : after.nodes()) {
      for (String v : n.inputs()) {
        assertFalse(!v.isEmpty() && after.type(v).dtype() == DType.UINT8, n.describe() + " still reads uint8 " + v);
      }
    }
  }

  /** The ONNX conformance cases of the rewritten ops still pass, and the QLinear ones were rewritten. */
  @Test
  void conformanceCasesAreRewrittenAndStillPass() throws Exception {
    Path shared = SharedData.sharedOrNull();
    Assumptions.assumeTrue(shared != null, "shared data not available");
    int rewritten = 0;
    for (OnnxTestCase c : OnnxTestCase.under(shared.resolve("onnx-node"))) {
      if (!c.name().matches("test_(qlinear|convinteger|matmulinteger|quantizelinear|dequantizelinear).*")) {
        continue;
      }
      List<String> ops = new java.util.ArrayList<>();
      OnnxTestCase.Outcome o = c.run(g -> {
        Graph a = Pipeline.standard().run(g);
        ops.addAll(OnnxTestCase.opTypes(a));
        return a;
      }, Tolerance.FLOAT32);
      assertNotEquals(OnnxTestCase.Status.FAIL, o.status(), c.name() + ": " + o.detail());
      if (o.status() == OnnxTestCase.Status.PASS && c.name().startsWith("test_qlinear")) {
        assertFalse(ops.stream().anyMatch(op -> op.startsWith("QLinear")), c.name() + " kept " + ops);
        rewritten++;
      }
    }
    assertTrue(rewritten >= 5, "only " + rewritten + " QLinear cases rewritten");
  }

  /** The MLPerf Tiny int8 QDQ models are already canonical: the normalize passes leave them as they are. */
  @Test
  void canonicalQdqModelsStayUnchanged() throws Exception {
    Path shared = SharedData.sharedOrNull();
    Assumptions.assumeTrue(shared != null, "shared data not available");
    int seen = 0;
    for (ModelSpec spec : SharedModels.ALL) {
      if (!spec.folder().endsWith("-int8-qdq")) {
        continue;
      }
      ModelCheck.run(shared.resolve("models"), spec, g -> {
        Graph a = new NormalizeUint8().apply(new NormalizeIntegerOps().apply(new NormalizeQLinear().apply(g)));
        assertSame(g, a, spec.folder());
        return a;
      });
      seen++;
    }
    assertEquals(4, seen);
  }

  /** The standard pipeline as one pass. */
  private static Pass pipeline() {
    return new Pass() {
      @Override
      public String name() {
        return "pipeline";
      }

      @Override
      public Graph apply(Graph g) {
        return Pipeline.standard().run(g);
      }
    };
  }
}
