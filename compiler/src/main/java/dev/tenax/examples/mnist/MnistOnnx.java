package dev.tenax.examples.mnist;

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

/**
 * A trained {@link MnistCnn} as an ONNX graph (opset 13): input {@code image} float32
 * [1, 1, 28, 28] with pixels in [0, 1], output {@code probabilities} float32 [1, 10].
 */
final class MnistOnnx {
  static final String INPUT = "image";
  static final String OUTPUT = "probabilities";

  private MnistOnnx() {}

  static Graph graph(MnistCnn n) {
    Graph.Builder b = Graph.builder("tenax_mnist_cnn", Map.of("", 13));
    b.inputs(List.of(INPUT)).outputs(List.of(OUTPUT));
    b.putValue(Value.of(INPUT, new TensorType(DType.FLOAT32, new int[] {1, 1, MnistCnn.SIDE, MnistCnn.SIDE})));
    constant(b, "conv1.weight", n.w1, MnistCnn.C1, 1, MnistCnn.K1, MnistCnn.K1);
    constant(b, "conv1.bias", n.b1, MnistCnn.C1);
    constant(b, "conv2.weight", n.w2, MnistCnn.C2, MnistCnn.C1, MnistCnn.K2, MnistCnn.K2);
    constant(b, "conv2.bias", n.b2, MnistCnn.C2);
    constant(b, "fc1.weight", n.w3, MnistCnn.HIDDEN, MnistCnn.FLAT);
    constant(b, "fc1.bias", n.b3, MnistCnn.HIDDEN);
    constant(b, "fc2.weight", n.w4, MnistCnn.CLASSES, MnistCnn.HIDDEN);
    constant(b, "fc2.bias", n.b4, MnistCnn.CLASSES);
    Map<String, Attribute> pool = Map.of("kernel_shape", Attribute.ofInts(2, 2), "strides", Attribute.ofInts(2, 2));
    b.addNode(node("conv1", "Conv", List.of(INPUT, "conv1.weight", "conv1.bias"), "c1",
        Map.of("kernel_shape", Attribute.ofInts(MnistCnn.K1, MnistCnn.K1))));
    b.addNode(node("relu1", "Relu", List.of("c1"), "r1", Map.of()));
    b.addNode(node("pool1", "MaxPool", List.of("r1"), "p1", pool));
    b.addNode(node("conv2", "Conv", List.of("p1", "conv2.weight", "conv2.bias"), "c2",
        Map.of("kernel_shape", Attribute.ofInts(MnistCnn.K2, MnistCnn.K2))));
    b.addNode(node("relu2", "Relu", List.of("c2"), "r2", Map.of()));
    b.addNode(node("pool2", "MaxPool", List.of("r2"), "p2", pool));
    b.addNode(node("flatten", "Flatten", List.of("p2"), "f", Map.of()));
    b.addNode(node("fc1", "Gemm", List.of("f", "fc1.weight", "fc1.bias"), "h", Map.of("transB", Attribute.ofInt(1))));
    b.addNode(node("relu3", "Relu", List.of("h"), "r3", Map.of()));
    b.addNode(node("fc2", "Gemm", List.of("r3", "fc2.weight", "fc2.bias"), "logits",
        Map.of("transB", Attribute.ofInt(1))));
    b.addNode(node("softmax", "Softmax", List.of("logits"), OUTPUT, Map.of("axis", Attribute.ofInt(1))));
    TypeInference.Result typed = TypeInference.run(b.nodes(), b.valueMap(), OperatorRegistry.standard());
    if (!typed.diagnostics().isEmpty()) {
      throw new IllegalStateException("MNIST example does not type-check: " + typed.diagnostics());
    }
    return b.nodes(typed.nodes()).values(typed.values().values()).build();
  }

  private static void constant(Graph.Builder b, String name, float[] data, int... shape) {
    b.putValue(Value.constant(name, Tensor.ofFloats(shape, data.clone())));
  }

  private static Node node(String name, String op, List<String> inputs, String output, Map<String, Attribute> attrs) {
    return new Node(name, op, 13, inputs, List.of(output), attrs);
  }
}
