package dev.tenax.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.OnnxModelBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What lowering says when a quantized model cannot become kernel calls. */
class LoweringDiagnosticsTest {
  private static Graph load(OnnxModelBuilder b) throws Exception {
    return Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(b.build()));
  }

  /** Two ops without any kernel in two branches: both reported, with node and op, nothing downstream. */
  @Test
  void everyNodeWithoutAKernelIsReportedOnce() throws Exception {
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, 1, 4).output("y", DType.FLOAT32, 1, 4).output("z", DType.FLOAT32, 1, 4)
        .initializer("s", Tensor.scalar(0.1f)).initializer("zp", Tensor.scalar(DType.INT8, 0));
    b.node("QuantizeLinear", List.of("x", "s", "zp"), List.of("xq"));
    b.node("DequantizeLinear", List.of("xq", "s", "zp"), List.of("xd"));
    b.node("Erf", List.of("xd"), List.of("e"));
    b.node("QuantizeLinear", List.of("e", "s", "zp"), List.of("eq"));
    b.node("DequantizeLinear", List.of("eq", "s", "zp"), List.of("y"));
    b.node("Sqrt", List.of("xd"), List.of("z"));
    ModelRejectedException e = assertThrows(ModelRejectedException.class,
        () -> Lowering.lower(load(b), OperatorRegistry.standard()));
    List<Diagnostic> d = e.diagnostics();
    assertEquals(2, d.size(), d.toString());
    assertEquals(Code.TX080, d.get(0).code());
    assertEquals("Erf", d.get(0).opType());
    // no kernel for any operands: the message says so, and the hint is not to quantize it
    assertTrue(d.get(0).message().startsWith("Erf has no kernel in Tenax"), d.get(0).message());
    assertFalse(d.get(0).hint().contains("QDQ"), d.get(0).hint());
    assertEquals("Sqrt", d.get(1).opType());
  }

  @Test
  void graphInputsMustBeFloat() throws Exception {
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.INT8, 1, 4).output("y", DType.FLOAT32, 1, 4)
        .initializer("s", Tensor.scalar(0.1f)).initializer("zp", Tensor.scalar(DType.INT8, 0));
    b.node("DequantizeLinear", List.of("x", "s", "zp"), List.of("y"));
    ModelRejectedException e = assertThrows(ModelRejectedException.class,
        () -> Lowering.lower(load(b), OperatorRegistry.standard()));
    assertTrue(e.diagnostics().get(0).message().contains("float32 inputs"), e.diagnostics().toString());
  }
}
