package dev.tenax.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** House rule 1: every registered operator has a unit test class named after it. */
class OperatorRegistryTest {
  @Test
  void everyRegisteredOperatorHasATestClass() {
    List<String> missing = new ArrayList<>();
    for (Operator op : OperatorRegistry.standard().all()) {
      String testName = op.getClass().getName() + "Test";
      try {
        Class.forName(testName);
      } catch (ClassNotFoundException e) {
        missing.add(op.opType() + " (expected " + testName + ")");
      }
    }
    assertTrue(missing.isEmpty(), "operators registered without a test: " + missing);
  }
}
