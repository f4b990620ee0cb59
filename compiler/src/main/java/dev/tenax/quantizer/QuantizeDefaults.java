package dev.tenax.quantizer;

import dev.tenax.calib.CalibrationMethod;

/** Defaults of {@code tenax quantize}, chosen by measurement (docs/quantization.md). */
public final class QuantizeDefaults {
  /**
   * MSE: in CalibrationMethodBenchmark (docs/quantization.md) it lost at most 0.05 points of
   * top-1 against float on the five MNIST models and had the best mean; min-max lost up to
   * 0.20 and percentile up to 0.15. The differences are a few images of 2000.
   */
  public static final CalibrationMethod METHOD = CalibrationMethod.MSE;
  public static final int CALIB_COUNT = 500;

  private QuantizeDefaults() {}
}
