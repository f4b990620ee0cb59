package dev.tenax.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tenax.passes.Pipeline;
import dev.tenax.testing.OnnxTestCase;
import dev.tenax.testing.Tolerance;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every ONNX backend conformance case in ../shared through the front end and the float
 * reference evaluator. A case passes, or is excluded because it uses an element type Tenax
 * rejects on purpose (TX020); anything else fails. Select cases with
 * {@code -Dtenax.conformance.filter=substring}.
 */
class ConformanceTest {
  static final List<String> SUITES = List.of("onnx-node", "onnx-pytorch-converted", "onnx-pytorch-operator");

  @TestFactory
  List<DynamicTest> conformanceCases() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    String filter = System.getProperty("tenax.conformance.filter", "");
    for (String suite : SUITES) {
      Path root = SharedData.require(suite);
      for (OnnxTestCase c : OnnxTestCase.under(root)) {
        if (!c.name().contains(filter)) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(suite + "/" + c.name(), () -> check(c.run())));
        // The graph passes must not change what any case computes.
        tests.add(DynamicTest.dynamicTest(suite + "/" + c.name() + " after passes",
            () -> check(c.run(Pipeline.standard()::run, Tolerance.FLOAT32))));
      }
    }
    return tests;
  }

  private static void check(OnnxTestCase.Outcome o) {
    Assumptions.assumeTrue(o.status() != OnnxTestCase.Status.EXCLUDED, "excluded: " + o.detail());
    if (o.status() == OnnxTestCase.Status.FAIL) {
      fail(o.detail());
    }
  }
}
