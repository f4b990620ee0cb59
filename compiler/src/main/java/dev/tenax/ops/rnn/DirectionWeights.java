package dev.tenax.ops.rnn;

import dev.tenax.ir.Tensor;

/**
 * The weights, biases and activations of one direction of a recurrent layer, in double, with
 * the two matrix-vector products every cell needs. Rows are gate-major: gate {@code g}'s
 * rows are {@code g*hidden .. (g+1)*hidden-1}, in the op's gate order.
 */
final class DirectionWeights {
  private final int hidden;
  private final int input;
  private final double[] w;
  private final double[] r;
  private final double[] wb;
  private final double[] rb;
  private final Activation[] activations;
  private final double clip;

  /**
   * @param b the B input [dirs, 2*gates*hidden], or null for zero biases
   * @param activations this direction's activation functions, in the op's order
   * @param clip bound applied to every activation input (infinity for none)
   */
  DirectionWeights(Tensor w, Tensor r, Tensor b, int dir, int gates, int hidden, int input,
      Activation[] activations, double clip) {
    this.hidden = hidden;
    this.input = input;
    int rows = gates * hidden;
    this.w = slice(w, dir * rows * input, rows * input);
    this.r = slice(r, dir * rows * hidden, rows * hidden);
    this.wb = b == null ? new double[rows] : slice(b, dir * 2 * rows, rows);
    this.rb = b == null ? new double[rows] : slice(b, dir * 2 * rows + rows, rows);
    this.activations = activations.clone();
    this.clip = clip;
  }

  private static double[] slice(Tensor t, int from, int n) {
    float[] f = t.floats();
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = f[from + i];
    }
    return d;
  }

  int hidden() {
    return hidden;
  }

  /** out[k] = Wb[k] + W[k,:] . x for every gate row. */
  void inputProjection(double[] x, double[] out) {
    for (int k = 0; k < wb.length; k++) {
      double acc = wb[k];
      int row = k * input;
      for (int i = 0; i < input; i++) {
        acc += w[row + i] * x[i];
      }
      out[k] = acc;
    }
  }

  /** out[k] += Rb[k] + R[k,:] . v for the rows of gates {@code fromGate .. toGate-1}. */
  void addRecurrent(double[] v, int fromGate, int toGate, double[] out) {
    for (int k = fromGate * hidden; k < toGate * hidden; k++) {
      double acc = rb[k];
      int row = k * hidden;
      for (int j = 0; j < hidden; j++) {
        acc += r[row + j] * v[j];
      }
      out[k] += acc;
    }
  }

  /** Activation function number {@code which} applied to {@code v} clipped to [-clip, clip]. */
  double activate(int which, double v) {
    return activations[which].apply(Math.max(-clip, Math.min(clip, v)));
  }
}
