package dev.tenax.ops.nn;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * MatMul (opsets 1, 9, 13) with numpy matmul semantics: a 1-D A is a row vector and a 1-D B a
 * column vector (the added axis is dropped from the result); leading batch axes broadcast.
 * Float32 products are summed in double and rounded once; integer types are exact, wrapping
 * to the element type like C arithmetic in that type.
 */
public final class MatMul implements Operator {
  @Override
  public String opType() {
    return "MatMul";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType a = ctx.type(0);
    TensorType b = ctx.type(1);
    if (a.dtype() != b.dtype()) {
      throw ctx.shapeError("A and B have different element types " + a.dtype() + " and " + b.dtype());
    }
    if (a.dtype() == DType.BOOL) {
      throw ctx.shapeError("MatMul does not accept bool inputs");
    }
    if (a.rank() < 1 || b.rank() < 1) {
      throw ctx.shapeError("MatMul needs inputs of rank 1 or more, got " + Shapes.format(a.shape())
          + " and " + Shapes.format(b.shape()));
    }
    Dims d = Dims.of(a.shape(), b.shape());
    if (d == null) {
      throw ctx.shapeError("shapes " + Shapes.format(a.shape()) + " and " + Shapes.format(b.shape())
          + " cannot be multiplied (inner sizes or batch axes disagree)");
    }
    return List.of(new TensorType(a.dtype(), d.out));
  }

  /** Matrix sizes, broadcast batch shape and result shape of a valid product. */
  private record Dims(int m, int k, int n, int[] batch, int[] aBatch, int[] bBatch, int[] out) {
    static Dims of(int[] a, int[] b) {
      int[] a2 = a.length == 1 ? new int[] {1, a[0]} : a;
      int[] b2 = b.length == 1 ? new int[] {b[0], 1} : b;
      int m = a2[a2.length - 2];
      int k = a2[a2.length - 1];
      int n = b2[b2.length - 1];
      if (b2[b2.length - 2] != k) {
        return null;
      }
      int[] aBatch = Arrays.copyOf(a2, a2.length - 2);
      int[] bBatch = Arrays.copyOf(b2, b2.length - 2);
      int[] batch = Shapes.broadcast(aBatch, bBatch);
      if (batch == null) {
        return null;
      }
      int[] out = Arrays.copyOf(batch, batch.length + (a.length > 1 ? 1 : 0) + (b.length > 1 ? 1 : 0));
      int i = batch.length;
      if (a.length > 1) {
        out[i++] = m;
      }
      if (b.length > 1) {
        out[i] = n;
      }
      return new Dims(m, k, n, batch, aBatch, bBatch, out);
    }
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor a = ctx.input(0);
    Tensor b = ctx.input(1);
    Dims d = Dims.of(a.shape(), b.shape());
    int[] ai = Shapes.broadcastIndex(d.aBatch, d.batch);
    int[] bi = Shapes.broadcastIndex(d.bBatch, d.batch);
    int mk = d.m * d.k;
    int kn = d.k * d.n;
    int mn = d.m * d.n;
    if (a.dtype().isFloat()) {
      double[] acc = new double[ai.length * mn];
      for (int t = 0; t < ai.length; t++) {
        multiply(a.floats(), ai[t] * mk, b.floats(), bi[t] * kn, d.m, d.k, d.n, acc, t * mn);
      }
      float[] y = new float[acc.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) acc[i];
      }
      return List.of(Tensor.ofFloats(d.out, y));
    }
    long[] av = a.longs();
    long[] bv = b.longs();
    long[] y = new long[ai.length * mn];
    for (int t = 0; t < ai.length; t++) {
      int aOff = ai[t] * mk;
      int bOff = bi[t] * kn;
      for (int i = 0; i < d.m; i++) {
        int yRow = t * mn + i * d.n;
        for (int p = 0; p < d.k; p++) {
          long x = av[aOff + i * d.k + p];
          int bRow = bOff + p * d.n;
          for (int j = 0; j < d.n; j++) {
            y[yRow + j] += x * bv[bRow + j];
          }
        }
      }
    }
    return List.of(Tensor.ofLongs(a.dtype(), d.out, y));
  }

  /**
   * acc[accOff + i*n + j] += sum over p of a[aOff + i*k + p] * b[bOff + p*n + j], row-major,
   * in double (float products are exact there).
   */
  static void multiply(float[] a, int aOff, float[] b, int bOff, int m, int k, int n, double[] acc,
      int accOff) {
    for (int i = 0; i < m; i++) {
      int row = accOff + i * n;
      for (int p = 0; p < k; p++) {
        double x = a[aOff + i * k + p];
        int bRow = bOff + p * n;
        for (int j = 0; j < n; j++) {
          acc[row + j] += x * b[bRow + j];
        }
      }
    }
  }

  /** The transpose of a row-major rows x cols matrix. */
  static float[] transpose(float[] v, int rows, int cols) {
    float[] t = new float[v.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = v[r * cols + c];
      }
    }
    return t;
  }

  /** Batch * M * N * K. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    TensorType a = inputs.get(0);
    return (long) outputs.get(0).size() * a.dim(a.rank() - 1);
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.FullyConnectedLowering.lowerMatMul(ctx);
  }
}
