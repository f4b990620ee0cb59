package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tenax.ir.Attribute;
import dev.tenax.kernels.KernelCrossCheck.Line;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import dev.tenax.testing.Tolerance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;

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

  /** A float kernel over rows of {@code rowSize} (the last axis); elementwise ones ignore it. */
  interface RowKernel {
    float[] run(int rowSize, float[] x);
  }

  /** 300 random tensors, rows along the last axis, agree with the reference operator. */
  static void assertMatchesReferenceOnRandomRows(String op, long seed, RowKernel kernel)
      throws Exception {
    Random r = new Random(seed);
    for (int i = 0; i < 300; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = floats(r, s[0] * s[1] * s[2] * s[3], range(r));
      assertMatchesReference(op, rowSize, x, kernel.run(rowSize, x));
    }
  }

  /**
   * The C kernel {@code tx_<cKernel>} gives the Java bits on random tensors, a tenth of them with
   * one non-finite or huge value, and rejects an empty shape.
   */
  static void crossCheckRows(Path dir, String cKernel, long seed, RowKernel kernel)
      throws IOException {
    Random r = new Random(seed);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 3, 3, 40);
      int rowSize = s[3];
      float[] x = floats(r, s[0] * s[1] * s[2] * s[3], range(r));
      if (r.nextInt(10) == 0) {
        x[r.nextInt(x.length)] = new float[] {Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 1e30f, -1e30f}[r.nextInt(5)];
      }
      check.add(new Line().add(s).add(x), kernel.run(rowSize, x));
    }
    check.addError(new Line().add(1, 0, 1, 1));
    check.check(dir, cKernel);
  }

  /** The C kernel {@code tx_<cKernel>} gives the Java bits on random equal-shaped operands. */
  static void crossCheckElementwise(Path dir, String cKernel, long seed,
      BinaryOperator<float[]> kernel) throws IOException {
    Random r = new Random(seed);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 4, 4, 19);
      int n = s[0] * s[1] * s[2] * s[3];
      float[] a = floats(r, n, range(r));
      float[] b = floats(r, n, range(r));
      check.add(new Line().add(s).add(a).add(b), kernel.apply(a, b));
    }
    check.addError(new Line().add(1, 1, 0, 1));
    check.check(dir, cKernel);
  }
}
