package dev.tenax.bench;

/**
 * Signal-to-quantization-noise ratio of one int8 buffer against the float value it quantizes,
 * accumulated over samples: energies are summed first, so one sample with a tiny signal does
 * not dominate the figure the way averaging per-sample decibels would.
 */
public final class LayerSqnr {
  private final String name;
  private double signal;
  private double noise;
  private long elements;

  public LayerSqnr(String name) {
    this.name = name;
  }

  /** Adds one sample: {@code ref} the float value, {@code quantized} the dequantized int8 buffer. */
  public void add(float[] ref, float[] quantized) {
    if (ref.length != quantized.length) {
      throw new IllegalArgumentException(name + ": " + ref.length + " reference values, "
          + quantized.length + " quantized");
    }
    for (int i = 0; i < ref.length; i++) {
      double r = ref[i];
      double d = r - quantized[i];
      signal += r * r;
      noise += d * d;
    }
    elements += ref.length;
  }

  public String name() {
    return name;
  }

  public long elements() {
    return elements;
  }

  /** 10 log10(signal / noise); +infinity when the int8 values are exact, NaN without signal. */
  public double sqnrDb() {
    if (signal == 0) {
      return noise == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
  }
}
