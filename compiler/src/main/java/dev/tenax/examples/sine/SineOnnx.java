package dev.tenax.examples.sine;

import static dev.tenax.examples.ExampleGraphs.gemm;
import static dev.tenax.examples.ExampleGraphs.initializer;
import static dev.tenax.examples.ExampleGraphs.relu;

import dev.tenax.examples.ExampleGraphs;
import dev.tenax.ir.Graph;

/** A trained {@link SineMlp} as an ONNX graph (opset 13): input {@code x} float32 [1, 1], output {@code y} float32 [1, 1]. */
public final class SineOnnx {
  public static final String INPUT = "x";
  public static final String OUTPUT = "y";

  private SineOnnx() {}

  static Graph graph(SineMlp n) {
    int h = SineMlp.HIDDEN;
    Graph.Builder b = ExampleGraphs.builder("tenax_sine_mlp", INPUT, new int[] {1, 1}, OUTPUT);
    initializer(b, "fc1.weight", n.w1, h, 1);
    initializer(b, "fc1.bias", n.b1, h);
    initializer(b, "fc2.weight", n.w2, h, h);
    initializer(b, "fc2.bias", n.b2, h);
    initializer(b, "fc3.weight", n.w3, 1, h);
    initializer(b, "fc3.bias", n.b3, 1);
    gemm(b, "fc1", INPUT, "h1");
    relu(b, "relu1", "h1", "r1");
    gemm(b, "fc2", "r1", "h2");
    relu(b, "relu2", "h2", "r2");
    gemm(b, "fc3", "r2", OUTPUT);
    return ExampleGraphs.typeChecked(b, "sine example");
  }
}
