package dev.tenax.examples;

import dev.tenax.frontend.TypeInference;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.ops.OperatorRegistry;
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
    Graph.Builder b = Graph.builder("tiny_cnn", Map.of("", 13));
    b.inputs(List.of("image")).outputs(List.of("probabilities"));
    b.putValue(Value.of("image", new TensorType(DType.FLOAT32, new int[] {1, 1, 12, 12})));
    constant(b, "conv1.weight", random(rng, new int[] {4, 1, 3, 3}, 0.5f));
    constant(b, "conv1.bias", random(rng, new int[] {4}, 0.1f));
    constant(b, "bn1.scale", offset(random(rng, new int[] {4}, 0.2f), 1f));
    constant(b, "bn1.bias", random(rng, new int[] {4}, 0.1f));
    constant(b, "bn1.mean", random(rng, new int[] {4}, 0.1f));
    constant(b, "bn1.var", offset(random(rng, new int[] {4}, 0.1f), 0.9f));
    constant(b, "conv2.weight", random(rng, new int[] {8, 4, 3, 3}, 0.3f));
    constant(b, "conv2.bias", random(rng, new int[] {8}, 0.1f));
    constant(b, "fc.weight", random(rng, new int[] {10, 8}, 0.5f));
    constant(b, "fc.bias", random(rng, new int[] {10}, 0.1f));
    b.addNode(node("conv1", "Conv", List.of("image", "conv1.weight", "conv1.bias"), "c1",
        Map.of("kernel_shape", Attribute.ofInts(3, 3), "pads", Attribute.ofInts(1, 1, 1, 1))));
    b.addNode(node("bn1", "BatchNormalization", List.of("c1", "bn1.scale", "bn1.bias", "bn1.mean", "bn1.var"),
        "b1", Map.of("epsilon", Attribute.ofFloat(1e-5f))));
    b.addNode(node("relu1", "Relu", List.of("b1"), "r1", Map.of()));
    b.addNode(node("pool1", "MaxPool", List.of("r1"), "p1",
        Map.of("kernel_shape", Attribute.ofInts(2, 2), "strides", Attribute.ofInts(2, 2))));
    b.addNode(node("conv2", "Conv", List.of("p1", "conv2.weight", "conv2.bias"), "c2",
        Map.of("kernel_shape", Attribute.ofInts(3, 3))));
    b.addNode(node("relu2", "Relu", List.of("c2"), "r2", Map.of()));
    b.addNode(node("gap", "GlobalAveragePool", List.of("r2"), "g", Map.of()));
    b.addNode(node("flatten", "Flatten", List.of("g"), "f", Map.of()));
    b.addNode(node("fc", "Gemm", List.of("f", "fc.weight", "fc.bias"), "logits",
        Map.of("transB", Attribute.ofInt(1))));
    b.addNode(node("softmax", "Softmax", List.of("logits"), "probabilities", Map.of("axis", Attribute.ofInt(1))));
    TypeInference.Result typed = TypeInference.run(b.nodes(), b.valueMap(), OperatorRegistry.standard());
    if (!typed.diagnostics().isEmpty()) {
      throw new IllegalStateException("example model does not type-check: " + typed.diagnostics());
    }
    return b.nodes(typed.nodes()).values(typed.values().values()).build();
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

  private static void constant(Graph.Builder b, String name, Tensor t) {
    b.putValue(Value.constant(name, t));
  }

  private static Node node(String name, String op, List<String> inputs, String output, Map<String, Attribute> attrs) {
    return new Node(name, op, 13, inputs, List.of(output), attrs);
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
