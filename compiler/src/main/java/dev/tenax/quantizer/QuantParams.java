package dev.tenax.quantizer;

import dev.tenax.calib.ValueRange;

/**
 * Per-tensor affine int8 parameters of an activation: {@code real = scale * (q - zeroPoint)}.
 * Scales are float32 because that is what the QDQ file stores and what the kernels see.
 */
public record QuantParams(float scale, int zeroPoint) {
  public static final int QMIN = -128;
  public static final int QMAX = 127;
  /** Softmax and Sigmoid outputs lie in [0, 1]: TFLite's fixed 1/256 step from -128. */
  public static final QuantParams UNIT_INTERVAL = new QuantParams(1f / 256, -128);
  /** Tanh outputs lie in [-1, 1]. */
  public static final QuantParams SIGNED_UNIT = new QuantParams(1f / 128, 0);

  public QuantParams {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
    }
    if (zeroPoint < QMIN || zeroPoint > QMAX) {
      throw new IllegalArgumentException("int8 zero point out of range: " + zeroPoint);
    }
  }

  /**
   * Asymmetric parameters covering {@code [min, max]} (which contains 0): the step spreads
   * the range over 255 steps and the zero point is rounded so that 0.0 is exact. A range of
   * width 0 (a constant-zero tensor) still gets a positive scale, 1/255, so Q/DQ stay valid.
   */
  public static QuantParams of(ValueRange r) {
    return of(r.min(), r.max());
  }

  public static QuantParams of(double min, double max) {
    double lo = Math.min(0, min);
    double hi = Math.max(0, max);
    float scale = (float) ((hi - lo) / (QMAX - QMIN));
    if (!(scale > 0) || !Float.isFinite(scale)) {
      scale = 1f / 255;
    }
    long zp = Math.round(QMIN - lo / scale);
    return new QuantParams(scale, (int) Math.max(QMIN, Math.min(QMAX, zp)));
  }

  @Override
  public String toString() {
    return "scale " + scale + " zp " + zeroPoint;
  }
}
