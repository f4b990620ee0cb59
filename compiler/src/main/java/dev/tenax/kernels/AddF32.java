package dev.tenax.kernels;

/**
 * Elementwise float32 addition, the specification of {@code tx_add_f32}. Inputs have the same
 * shape; the compiler expands broadcasting.
 */
public final class AddF32 {
  private AddF32() {}

  public static float[] run(float[] in1, float[] in2) {
    if (in1.length != in2.length) {
      throw new IllegalArgumentException(
          "inputs differ in size: " + in1.length + " and " + in2.length);
    }
    float[] out = new float[in1.length];
    for (int i = 0; i < in1.length; i++) {
      out[i] = in1[i] + in2[i];
    }
    return out;
  }
}
