package dev.tenax.calib;

/** A float range [min, max] to quantize a value over; it always contains zero. */
public record ValueRange(float min, float max) {
  public ValueRange {
    if (!(min <= 0 && 0 <= max)) {
      throw new IllegalArgumentException("a quantization range must contain 0, got [" + min + ", " + max + "]");
    }
  }

  public float width() {
    return max - min;
  }

  @Override
  public String toString() {
    return "[" + min + ", " + max + "]";
  }
}
