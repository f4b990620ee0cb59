package dev.tenax.models;

import dev.tenax.testing.Tolerance;
import java.util.Map;

/**
 * How to check one model of ../shared/models: where it is, how to resolve its open
 * dimensions, where its input comes from, and how close Tenax must come to the reference.
 *
 * @param folder folder under models/
 * @param file the .onnx file in it
 * @param dims values for symbolic dimensions (ImportOptions.withDims)
 * @param inputShapes whole input shapes (ImportOptions.withInputShapes)
 * @param input where the input tensor comes from; {@link Input.TestDataSet} also supplies the
 *     expected outputs, otherwise ONNX Runtime computes them from the same input
 * @param tolerance element-wise tolerance against the reference
 * @param toleranceReason why the tolerance is looser than Tolerance.FLOAT32 (empty when it is not)
 */
public record ModelSpec(String folder, String file, Map<String, Long> dims, Map<String, int[]> inputShapes,
    Input input, Tolerance tolerance, String toleranceReason) {

  /** The source of the (single) graph input. */
  public sealed interface Input permits Input.TestDataSet, Input.Npz, Input.Text, Input.Uniform {
    /** test_data_set_0/input_0.pb; expected outputs from output_K.pb. Reshaped to the import shape. */
    record TestDataSet() implements Input {}

    /** One array of a .npz archive, float64 narrowed to float32. */
    record Npz(String file, String key) implements Input {}

    /** Plain-text numbers separated by commas and/or whitespace, in row-major order. */
    record Text(String file) implements Input {}

    /**
     * Deterministic pseudo-random values, uniform in [lo, hi], rounded to integers when
     * {@code integral} (pixel-like inputs); the seed is fixed per model folder.
     */
    record Uniform(double lo, double hi, boolean integral) implements Input {}
  }

  public ModelSpec {
    dims = Map.copyOf(dims);
    inputShapes = Map.copyOf(inputShapes);
    if (tolerance.rtol() > 1e-3 || tolerance.atol() > 1e-4) {
      throw new IllegalArgumentException(folder + ": tolerance " + tolerance + " is looser than rtol 1e-3, atol 1e-4");
    }
    boolean loosened = tolerance.rtol() > Tolerance.FLOAT32.rtol() || tolerance.atol() > Tolerance.FLOAT32.atol();
    if (loosened && toleranceReason.isBlank()) {
      throw new IllegalArgumentException(folder + ": a tolerance looser than FLOAT32 needs a reason");
    }
  }

  /** A model checked with the default float32 tolerance. */
  public static ModelSpec of(String folder, String file, Input input) {
    return new ModelSpec(folder, file, Map.of(), Map.of(), input, Tolerance.FLOAT32, "");
  }

  public ModelSpec withDims(Map<String, Long> d) {
    return new ModelSpec(folder, file, d, inputShapes, input, tolerance, toleranceReason);
  }

  public ModelSpec withInputShapes(Map<String, int[]> s) {
    return new ModelSpec(folder, file, dims, s, input, tolerance, toleranceReason);
  }

  public ModelSpec withTolerance(Tolerance t, String reason) {
    return new ModelSpec(folder, file, dims, inputShapes, input, t, reason);
  }

  /** True when the expected outputs ship with the model; false means ONNX Runtime is the reference. */
  public boolean hasShippedOutputs() {
    return input instanceof Input.TestDataSet;
  }
}
