package dev.tenax.ops.quant;

import dev.tenax.diag.Code;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OpException;
import java.util.Arrays;

/**
 * numpy.matmul of zero-point-corrected integer operands with a 32-bit accumulator, shared by
 * QLinearMatMul and MatMulInteger, together with the layout of their quantization
 * parameters. Operands are [..., M, K] and [..., K, N] with broadcast batch dimensions; a 1-D
 * operand is promoted to a matrix and the promoted axis dropped from the result. The spec
 * allows per-row parameters for a (an M-vector, or [..., M, 1]) and per-column parameters for
 * b (an N-vector, or [..., 1, N]).
 */
final class IntegerMatMul {
  private final int[] aShape;
  private final int[] bShape;
  private final int[] aBatch;
  private final int[] bBatch;
  private final int[] outBatch;
  private final int m;
  private final int k;
  private final int n;
  private final int[] outShape;

  private IntegerMatMul(int[] aShape, int[] bShape, int[] aBatch, int[] bBatch, int[] outBatch, int m, int k,
      int n, int[] outShape) {
    this.aShape = aShape;
    this.bShape = bShape;
    this.aBatch = aBatch;
    this.bBatch = bBatch;
    this.outBatch = outBatch;
    this.m = m;
    this.k = k;
    this.n = n;
    this.outShape = outShape;
  }

  /** Checks that the operands multiply (TX050 otherwise). */
  static IntegerMatMul resolve(int[] aShape, int[] bShape) {
    if (aShape.length == 0 || bShape.length == 0) {
      throw new OpException(Code.TX050, "matrix product operands must have rank 1 or more, got "
          + Shapes.format(aShape) + " and " + Shapes.format(bShape));
    }
    int[] a = aShape.length == 1 ? new int[] {1, aShape[0]} : aShape;
    int[] b = bShape.length == 1 ? new int[] {bShape[0], 1} : bShape;
    int m = a[a.length - 2];
    int k = a[a.length - 1];
    int n = b[b.length - 1];
    int[] aBatch = Arrays.copyOf(a, a.length - 2);
    int[] bBatch = Arrays.copyOf(b, b.length - 2);
    int[] batch = Shapes.broadcast(aBatch, bBatch);
    if (b[b.length - 2] != k || batch == null) {
      throw new OpException(Code.TX050, "shapes " + Shapes.format(aShape) + " and " + Shapes.format(bShape)
          + " cannot be matrix-multiplied");
    }
    int[] out = Arrays.copyOf(batch, batch.length + (aShape.length > 1 ? 1 : 0) + (bShape.length > 1 ? 1 : 0));
    int r = batch.length;
    if (aShape.length > 1) {
      out[r++] = m;
    }
    if (bShape.length > 1) {
      out[r] = n;
    }
    return new IntegerMatMul(aShape, bShape, aBatch, bBatch, batch, m, k, n, out);
  }

  int[] outShape() {
    return outShape.clone();
  }

  long macs() {
    return (long) Shapes.size(outShape) * k;
  }

  /** The int32 product (wrapping modulo 2^32) of operands already corrected by their zero points. */
  int[] multiply(int[] a, int[] b) {
    int[] aMap = Shapes.broadcastIndex(aBatch, outBatch);
    int[] bMap = Shapes.broadcastIndex(bBatch, outBatch);
    int[] out = new int[aMap.length * m * n];
    int o = 0;
    for (int batch = 0; batch < aMap.length; batch++) {
      int aBase = aMap[batch] * m * k;
      int bBase = bMap[batch] * k * n;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          int sum = 0;
          for (int t = 0; t < k; t++) {
            sum += a[aBase + i * k + t] * b[bBase + t * n + j];
          }
          out[o++] = sum;
        }
      }
    }
    return out;
  }

  /**
   * Where a parameter of a (per tensor or per row) or of b (per tensor or per column) applies:
   * its shape made broadcastable against the operand. Throws TX050 for other shapes.
   */
  int[] paramShape(String what, int[] pShape, boolean ofA) {
    if (Shapes.size(pShape) == 1) {
      return new int[0];
    }
    int[] operand = ofA ? aShape : bShape;
    String kind = ofA ? "per row: " + m + " elements or [..., " + m + ", 1]"
        : "per column: " + n + " elements or [..., 1, " + n + "]";
    int[] adj = ofA && pShape.length == 1 ? new int[] {pShape[0], 1} : pShape;
    // The parameter must not vary along the reduced axis K, or the product would not factor.
    int kAxis = ofA ? adj.length - 1 : adj.length - 2;
    boolean ok = operand.length >= 2 && (kAxis < 0 || adj[kAxis] == 1)
        && Arrays.equals(Shapes.broadcast(adj, operand), operand);
    if (!ok) {
      throw new OpException(Code.TX050, what + " has shape " + Shapes.format(pShape) + " but must be a scalar"
          + " (per tensor) or, for an operand of shape " + Shapes.format(operand) + ", " + kind);
    }
    return adj;
  }

  /** For each element of operand a (or b), the index of the parameter element that applies. */
  private int[] operandIndex(int[] paramShape, boolean ofA) {
    return Shapes.broadcastIndex(paramShape, ofA ? aShape : bShape);
  }

  /** For each output element, the index of the parameter element that applies. */
  int[] outputIndex(int[] paramShape) {
    int[] full = Arrays.copyOf(outBatch, outBatch.length + 2);
    full[outBatch.length] = m;
    full[outBatch.length + 1] = n;
    return Shapes.broadcastIndex(paramShape, full);
  }

  /** The operand (a or b) minus its zero point (null for none), as ints. */
  int[] center(Tensor operand, Tensor zeroPoint, boolean ofA) {
    long[] v = operand.longs();
    int[] c = new int[v.length];
    int[] zi = zeroPoint == null ? null : operandIndex(paramShape("zero point", zeroPoint.shape(), ofA), ofA);
    for (int i = 0; i < v.length; i++) {
      c[i] = (int) (zeroPoint == null ? v[i] : v[i] - zeroPoint.longs()[zi[i]]);
    }
    return c;
  }
}
