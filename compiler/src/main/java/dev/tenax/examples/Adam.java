package dev.tenax.examples;

/**
 * Adam (Kingma and Ba, 2015) with the usual betas 0.9 and 0.999, over a network's parameter
 * arrays, for the examples' training programs. One thread and float arithmetic in a fixed order
 * (StrictMath for the bias corrections), so the same gradients give the same weights, bit for
 * bit, on every JVM.
 */
public final class Adam {
  private final float[][] params;
  private final float[][] m;
  private final float[][] v;
  private float rate;
  private int t;

  /** Updates {@code params} in place; {@code rate} is the step size. */
  public Adam(float[][] params, float rate) {
    this.params = params;
    this.m = zerosLike(params);
    this.v = zerosLike(params);
    this.rate = rate;
  }

  /** Changes the step size for the following steps (a schedule). */
  public void rate(float rate) {
    this.rate = rate;
  }

  /** One step with the summed gradients {@code grads} times {@code scale} (1 / batch size for a mean). */
  public void step(float[][] grads, float scale) {
    t++;
    double c1 = 1 - StrictMath.pow(0.9, t);
    double c2 = 1 - StrictMath.pow(0.999, t);
    for (int p = 0; p < params.length; p++) {
      for (int i = 0; i < params[p].length; i++) {
        float g = grads[p][i] * scale;
        m[p][i] = 0.9f * m[p][i] + 0.1f * g;
        v[p][i] = 0.999f * v[p][i] + 0.001f * g * g;
        double mh = m[p][i] / c1;
        double vh = v[p][i] / c2;
        params[p][i] -= (float) (rate * mh / (Math.sqrt(vh) + 1e-8));
      }
    }
  }

  /** Zero arrays of the same lengths as {@code params}: gradient accumulators. */
  public static float[][] zerosLike(float[][] params) {
    float[][] z = new float[params.length][];
    for (int i = 0; i < params.length; i++) {
      z[i] = new float[params[i].length];
    }
    return z;
  }
}
