package dev.tenax.ops.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ErfTest {
  @Test
  void doublePrecisionMatchesTabulatedValues() {
    // Reference values to 16 digits (e.g. from mpmath).
    double[][] cases = {
      {0.0, 0.0}, {1e-10, 1.1283791670955126e-10}, {0.1, 0.1124629160182849},
      {0.5, 0.5204998778130465}, {1.0, 0.8427007929497149}, {1.5, 0.9661051464753108},
      {2.0, 0.9953222650189527}, {2.9, 0.9999589021219005}, {3.0, 0.9999779095030014},
      {3.5, 0.9999992569016276}, {5.0, 0.9999999999984626}, {-1.0, -0.8427007929497149},
    };
    for (double[] c : cases) {
      assertEquals(c[1], Erf.erf(c[0]), 1e-15, "erf(" + c[0] + ")");
    }
    assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
  }

  @Test
  void evaluatesFloatTensors() throws Exception {
    Tensor y = NodeRunner.op("Erf").opset(13).input(NodeRunner.floats(new int[] {3}, -0.5f, 0f, 4f)).run().get(0);
    assertArrayEquals(new float[] {(float) -0.5204998778130465, 0f, (float) 0.9999999845827421}, y.floats());
  }
}
