package dev.tenax.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.Graph;
import dev.tenax.ir.IrPrinter;
import dev.tenax.ir.IrVerifier;
import dev.tenax.ir.Tensor;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.Tolerance;
import java.util.Map;

/** Shared checks for pass tests: IR text before and after, verified IR, unchanged results. */
final class PassTesting {
  private PassTesting() {}

  static Graph load(ModelProto m) throws Exception {
    return new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(m);
  }

  /**
   * Applies {@code pass}, checks the IR text before and after, that the result verifies, and
   * that it computes the same outputs on {@code inputs}.
   */
  static Graph check(Pass pass, Graph before, String expectedBefore, String expectedAfter,
      Map<String, Tensor> inputs) {
    assertEquals(expectedBefore, IrPrinter.print(before));
    Graph after = pass.apply(before);
    assertTrue(IrVerifier.problems(after).isEmpty(), IrVerifier.problems(after).toString());
    assertEquals(expectedAfter, IrPrinter.print(after));
    ReferenceEvaluator ev = new ReferenceEvaluator();
    Map<String, Tensor> a = ev.run(before, inputs);
    Map<String, Tensor> b = ev.run(after, inputs);
    for (String out : before.outputs()) {
      String problem = Tolerance.FLOAT32.compare(b.get(out), a.get(out));
      assertEquals(null, problem, "output " + out + " changed");
    }
    return after;
  }
}
