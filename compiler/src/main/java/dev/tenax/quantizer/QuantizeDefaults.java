package dev.tenax.quantizer;

import dev.tenax.calib.CalibrationMethod;

/** Defaults of {@code tenax quantize}, chosen by measurement (docs/quantization.md). */
public final class QuantizeDefaults {
  /** TODO(measure): set from CalibrationMethodBenchmark's table. */
  public static final CalibrationMethod METHOD = CalibrationMethod.MIN_MAX;
  public static final int CALIB_COUNT = 500;

  private QuantizeDefaults() {}
}
