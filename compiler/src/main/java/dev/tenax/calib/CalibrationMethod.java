package dev.tenax.calib;

/** How a value's quantization range is chosen from what calibration saw. */
public enum CalibrationMethod {
  /** The observed minimum and maximum: nothing is clipped, outliers stretch the step. */
  MIN_MAX,
  /** Clip a small share of elements (split between both tails) off the observed range. */
  PERCENTILE,
  /** The clip range minimizing expected int8 quantization error (rounding plus clipping). */
  MSE
}
