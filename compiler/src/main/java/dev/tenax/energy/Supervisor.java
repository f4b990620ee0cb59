package dev.tenax.energy;

/**
 * The voltage supervisor: it connects the MCU when the capacitor reaches {@code vOn} and
 * disconnects it when the voltage the MCU sees falls to {@code vOff} (brown-out).
 */
public record Supervisor(double vOn, double vOff) {
  public Supervisor {
    if (!(vOff > 0) || !(vOn > vOff)) {
      throw new IllegalArgumentException("the supervisor needs Von > Voff > 0, not Von " + vOn + " V, Voff " + vOff + " V");
    }
  }
}
