package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import dev.tenax.testing.Tolerance;
import java.util.List;
import java.util.Random;

/** Random float operands for the float kernel tests, and the float reference operators. */
final class FloatCases {
  private FloatCases() {}

  /** Mostly ordinary values of magnitude up to {@code range}, sometimes an edge value. */
  static float[] floats(Random r, int n, float range) {
    float[] special = {0f, -0f, 1f, -1f, range, -range, 1e-30f, -1e-30f};
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(16) == 0 ? special[r.nextInt(special.length)]
          : (float) ((2 * r.nextDouble() - 1) * range);
    }
    return x;
  }

  /** A magnitude for the operands: from 1e-3 to 1e3, and sometimes the extremes of the kernels. */
  static float range(Random r) {
    return r.nextInt(8) == 0 ? 200f : (float) Math.pow(10, -3 + 6 * r.nextDouble());
  }

  /** Runs a unary dev.tenax.ops operator at opset 13 (Softmax axes: the last). */
  static float[] reference(String op, int rows, int rowSize, float[] in) throws Exception {
    NodeRunner runner = NodeRunner.op(op).opset(13)
        .input(NodeRunner.floats(new int[] {rows, rowSize}, in));
    if (op.endsWith("Softmax")) {
      runner.attr("axis", Attribute.ofInt(-1));
    }
    List<Tensor> out = runner.run();
    return out.get(0).floats();
  }

  /** The kernel agrees with the reference operator within Tolerance.FLOAT32. */
  static void assertMatchesReference(String op, int rowSize, float[] in, float[] kernel)
      throws Exception {
    int rows = in.length / rowSize;
    int[] shape = {rows, rowSize};
    Tensor expected = Tensor.ofFloats(shape, reference(op, rows, rowSize, in));
    assertNull(Tolerance.FLOAT32.compare(Tensor.ofFloats(shape, kernel), expected), op);
  }
}
