package dev.tenax.quantizer;

import dev.tenax.calib.ValueRange;
import dev.tenax.ir.DType;

/**
 * Per-tensor affine parameters of an activation: {@code real = scale * (q - zeroPoint)}, with
 * {@code q} of element type {@code type} (int8, or int16 in 16x8 mode). Scales are float32
 * because that is what the QDQ file stores and what the kernels see.
 */
public record QuantParams(float scale, int zeroPoint, DType type) {
  public static final int QMIN = -128;
  public static final int QMAX = 127;
  public static final int QMAX16 = 32767;
  /** Softmax and Sigmoid outputs lie in [0, 1]: TFLite's fixed 1/256 step from -128. */
  public static final QuantParams UNIT_INTERVAL = new QuantParams(1f / 256, -128);
  /** Tanh outputs lie in [-1, 1]. */
  public static final QuantParams SIGNED_UNIT = new QuantParams(1f / 128, 0);
  /** TFLite's int16 Softmax, Sigmoid and Tanh outputs: step 1/32768, zero point 0. */
  public static final QuantParams INT16_UNIT = new QuantParams(1f / 32768, 0, DType.INT16);

  /**
   * A calibrated range narrower than this counts as constant zero (e.g. a layer dead on the
   * calibration data that leaves float rounding dust): a scale derived from it would make the
   * next layer's bias, bias / (inScale * weightScale), overflow any accumulator.
   */
  static final double NEGLIGIBLE_RANGE = 1e-20;

  public QuantParams {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
    }
    if (type == DType.INT8) {
      if (zeroPoint < QMIN || zeroPoint > QMAX) {
        throw new IllegalArgumentException("int8 zero point out of range: " + zeroPoint);
      }
    } else if (type != DType.INT16 || zeroPoint != 0) {
      throw new IllegalArgumentException("activations are int8, or int16 with zero point 0; got " + type
          + " zp " + zeroPoint);
    }
  }

  /** int8 parameters. */
  public QuantParams(float scale, int zeroPoint) {
    this(scale, zeroPoint, DType.INT8);
  }

  /** Parameters of {@code mode} covering {@code r}. */
  public static QuantParams of(ValueRange r, QuantMode mode) {
    return mode == QuantMode.INT16X8 ? symmetric16(r.min(), r.max()) : of(r.min(), r.max());
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
    if (!(hi - lo >= NEGLIGIBLE_RANGE) || !Float.isFinite(scale)) {
      scale = 1f / 255;
    }
    long zp = Math.round(QMIN - lo / scale);
    return new QuantParams(scale, (int) Math.max(QMIN, Math.min(QMAX, zp)));
  }

  /**
   * TFLite's 16x8 activations: int16, symmetric ({@code scale = max(|min|, |max|) / 32767},
   * zero point 0), so the kernels need no zero-point terms. A constant-zero tensor gets
   * 1/32767.
   */
  public static QuantParams symmetric16(double min, double max) {
    double m = Math.max(Math.abs(min), Math.abs(max));
    float scale = (float) (m / QMAX16);
    if (!(m >= NEGLIGIBLE_RANGE) || !Float.isFinite(scale)) {
      scale = 1f / QMAX16;
    }
    return new QuantParams(scale, 0, DType.INT16);
  }

  /** Smallest and largest quantized value of {@code type}. */
  int qmin() {
    return type == DType.INT16 ? -QMAX16 - 1 : QMIN;
  }

  int qmax() {
    return type == DType.INT16 ? QMAX16 : QMAX;
  }

  @Override
  public String toString() {
    return "scale " + scale + " zp " + zeroPoint + (type == DType.INT8 ? "" : " " + type);
  }
}
