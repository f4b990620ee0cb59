package dev.tenax.examples;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bundled self-made example: a small digit-classifier-shaped CNN on a 1x1x12x12 input,
 * Conv-BatchNorm-Relu-MaxPool-Conv-Relu-GlobalAveragePool-Flatten-Gemm-Softmax, with
 * deterministic pseudo-random weights (untrained; issue 8 brings a trained model). It touches
 * every stage: BatchNorm folding, activation marking, pooling, matrix products.
 */
public final class TinyCnn {
  public static final String NAME = "tiny-cnn";
  private static final long SEED = 20261124L;

  private TinyCnn() {}

  public static Graph graph() {
    SplittableRandom rng = new SplittableRandom(SEED);
    Graph.Builder b = ExampleGraphs.builder("tiny_cnn", "image", new int[] {1, 1, 12, 12}, "probabilities");
    ExampleGraphs.initializer(b, "conv1.weight", random(rng, new int[] {4, 1, 3, 3}, 0.5f));
    ExampleGraphs.initializer(b, "conv1.bias", random(rng, new int[] {4}, 0.1f));
    ExampleGraphs.initializer(b, "bn1.scale", offset(random(rng, new int[] {4}, 0.2f), 1f));
    ExampleGraphs.initializer(b, "bn1.bias", random(rng, new int[] {4}, 0.1f));
    ExampleGraphs.initializer(b, "bn1.mean", random(rng, new int[] {4}, 0.1f));
    ExampleGraphs.initializer(b, "bn1.var", offset(random(rng, new int[] {4}, 0.1f), 0.9f));
    ExampleGraphs.initializer(b, "conv2.weight", random(rng, new int[] {8, 4, 3, 3}, 0.3f));
    ExampleGraphs.initializer(b, "conv2.bias", random(rng, new int[] {8}, 0.1f));
    ExampleGraphs.initializer(b, "fc.weight", random(rng, new int[] {10, 8}, 0.5f));
    ExampleGraphs.initializer(b, "fc.bias", random(rng, new int[] {10}, 0.1f));
    ExampleGraphs.add(b, "conv1", "Conv", List.of("image", "conv1.weight", "conv1.bias"), "c1",
        Map.of("kernel_shape", Attribute.ofInts(3, 3), "pads", Attribute.ofInts(1, 1, 1, 1)));
    ExampleGraphs.add(b, "bn1", "BatchNormalization", List.of("c1", "bn1.scale", "bn1.bias", "bn1.mean", "bn1.var"),
        "b1", Map.of("epsilon", Attribute.ofFloat(1e-5f)));
    ExampleGraphs.relu(b, "relu1", "b1", "r1");
    ExampleGraphs.add(b, "pool1", "MaxPool", List.of("r1"), "p1",
        Map.of("kernel_shape", Attribute.ofInts(2, 2), "strides", Attribute.ofInts(2, 2)));
    ExampleGraphs.add(b, "conv2", "Conv", List.of("p1", "conv2.weight", "conv2.bias"), "c2",
        Map.of("kernel_shape", Attribute.ofInts(3, 3)));
    ExampleGraphs.relu(b, "relu2", "c2", "r2");
    ExampleGraphs.add(b, "gap", "GlobalAveragePool", List.of("r2"), "g", Map.of());
    ExampleGraphs.add(b, "flatten", "Flatten", List.of("g"), "f", Map.of());
    ExampleGraphs.gemm(b, "fc", "f", "logits");
    ExampleGraphs.add(b, "softmax", "Softmax", List.of("logits"), "probabilities", Map.of("axis", Attribute.ofInt(1)));
    return ExampleGraphs.typeChecked(b, "example model");
  }

  /** A deterministic input: a bright diagonal stroke on a dark background, values in [0, 1]. */
  public static Tensor input() {
    float[] x = new float[144];
    for (int r = 0; r < 12; r++) {
      for (int c = 0; c < 12; c++) {
        int d = Math.abs(r - c);
        x[r * 12 + c] = d == 0 ? 1f : d == 1 ? 0.5f : 0.05f * ((r + c) % 3);
      }
    }
    return Tensor.ofFloats(new int[] {1, 1, 12, 12}, x);
  }

  /**
   * Calibration samples for {@code tenax quantize}: {@code count} images like {@link #input()}
   * (strokes in both diagonal directions and at several offsets, with faint noise), stacked on
   * the first axis as {@code [count, 1, 12, 12]}.
   */
  public static Tensor calibration(int count) {
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    float[] x = new float[count * 144];
    for (int n = 0; n < count; n++) {
      int offset = rng.nextInt(-4, 5);
      boolean anti = rng.nextBoolean();
      for (int r = 0; r < 12; r++) {
        for (int c = 0; c < 12; c++) {
          int d = Math.abs((anti ? 11 - r : r) - c + offset);
          float v = d == 0 ? 1f : d == 1 ? 0.5f : 0f;
          x[n * 144 + r * 12 + c] = Math.min(1f, v + (float) (rng.nextDouble() * 0.1));
        }
      }
    }
    return Tensor.ofFloats(new int[] {count, 1, 12, 12}, x);
  }

  private static Tensor random(SplittableRandom rng, int[] shape, float scale) {
    float[] f = new float[dev.tenax.ir.Shapes.size(shape)];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
    }
    return Tensor.ofFloats(shape, f);
  }

  private static Tensor offset(Tensor t, float by) {
    float[] f = t.floats().clone();
    for (int i = 0; i < f.length; i++) {
      f[i] = Math.abs(f[i]) + by;
    }
    return Tensor.ofFloats(t.shape(), f);
  }
}
