package dev.tenax.examples.mnist;

import static dev.tenax.examples.ExampleGraphs.add;
import static dev.tenax.examples.ExampleGraphs.gemm;
import static dev.tenax.examples.ExampleGraphs.initializer;
import static dev.tenax.examples.ExampleGraphs.relu;

import dev.tenax.examples.ExampleGraphs;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Graph;
import java.util.List;
import java.util.Map;

/**
 * A trained {@link MnistCnn} as an ONNX graph (opset 13): input {@code image} float32
 * [1, 1, 28, 28] with pixels in [0, 1], output {@code probabilities} float32 [1, 10].
 */
final class MnistOnnx {
  static final String INPUT = "image";
  static final String OUTPUT = "probabilities";

  private MnistOnnx() {}

  static Graph graph(MnistCnn n) {
    Graph.Builder b = ExampleGraphs.builder("tenax_mnist_cnn", INPUT,
        new int[] {1, 1, MnistCnn.SIDE, MnistCnn.SIDE}, OUTPUT);
    initializer(b, "conv1.weight", n.w1, MnistCnn.C1, 1, MnistCnn.K1, MnistCnn.K1);
    initializer(b, "conv1.bias", n.b1, MnistCnn.C1);
    initializer(b, "conv2.weight", n.w2, MnistCnn.C2, MnistCnn.C1, MnistCnn.K2, MnistCnn.K2);
    initializer(b, "conv2.bias", n.b2, MnistCnn.C2);
    initializer(b, "fc1.weight", n.w3, MnistCnn.HIDDEN, MnistCnn.FLAT);
    initializer(b, "fc1.bias", n.b3, MnistCnn.HIDDEN);
    initializer(b, "fc2.weight", n.w4, MnistCnn.CLASSES, MnistCnn.HIDDEN);
    initializer(b, "fc2.bias", n.b4, MnistCnn.CLASSES);
    Map<String, Attribute> pool = Map.of("kernel_shape", Attribute.ofInts(2, 2), "strides", Attribute.ofInts(2, 2));
    add(b, "conv1", "Conv", List.of(INPUT, "conv1.weight", "conv1.bias"), "c1",
        Map.of("kernel_shape", Attribute.ofInts(MnistCnn.K1, MnistCnn.K1)));
    relu(b, "relu1", "c1", "r1");
    add(b, "pool1", "MaxPool", List.of("r1"), "p1", pool);
    add(b, "conv2", "Conv", List.of("p1", "conv2.weight", "conv2.bias"), "c2",
        Map.of("kernel_shape", Attribute.ofInts(MnistCnn.K2, MnistCnn.K2)));
    relu(b, "relu2", "c2", "r2");
    add(b, "pool2", "MaxPool", List.of("r2"), "p2", pool);
    add(b, "flatten", "Flatten", List.of("p2"), "f", Map.of());
    gemm(b, "fc1", "f", "h");
    relu(b, "relu3", "h", "r3");
    gemm(b, "fc2", "r3", "logits");
    add(b, "softmax", "Softmax", List.of("logits"), OUTPUT, Map.of("axis", Attribute.ofInt(1)));
    return ExampleGraphs.typeChecked(b, "MNIST example");
  }
}
