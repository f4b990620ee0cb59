package dev.tenax.calib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chosen quantization range of every float value a calibration run saw (graph inputs
 * and node outputs, in graph order), with the method that chose them. {@code percentile}
 * is meaningful for {@link CalibrationMethod#PERCENTILE} only.
 */
public record CalibrationResult(CalibrationMethod method, double percentile, int samples,
    Map<String, ValueRange> ranges) {
  public CalibrationResult {
    ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
  }

  public ValueRange range(String value) {
    ValueRange r = ranges.get(value);
    if (r == null) {
      throw new IllegalArgumentException("calibration has no range for '" + value + "' (not a float value"
          + " computed at run time)");
    }
    return r;
  }
}
