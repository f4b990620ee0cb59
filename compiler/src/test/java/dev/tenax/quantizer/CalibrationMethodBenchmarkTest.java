package dev.tenax.quantizer;

import org.junit.jupiter.api.Test;

/**
 * Runs the calibration benchmark's small configuration (100 calibration, 200 evaluation
 * images) in the default test run, so the default method's accuracy claim stays checked.
 */
class CalibrationMethodBenchmarkTest {
  @Test
  void defaultMethodStaysCloseToFloatOnEveryMnistModel() throws Exception {
    new CalibrationMethodBenchmark().int8AccuracyPerMethod();
  }
}
