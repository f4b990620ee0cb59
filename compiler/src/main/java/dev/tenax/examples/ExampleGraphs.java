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

/**
 * Building blocks for the bundled examples' ONNX graphs, all in opset 13 with float32
 * initializers, so that each example states only its own layers. Layer {@code L}'s parameters
 * are the initializers {@code L.weight} and {@code L.bias}, the names PyTorch exports.
 */
public final class ExampleGraphs {
  public static final int OPSET = 13;

  private ExampleGraphs() {}

  /** A builder for a graph with one float32 input and one output. */
  public static Graph.Builder builder(String name, String input, int[] inputShape, String output) {
    Graph.Builder b = Graph.builder(name, Map.of("", OPSET));
    b.inputs(List.of(input)).outputs(List.of(output));
    b.putValue(Value.of(input, new TensorType(DType.FLOAT32, inputShape.clone())));
    return b;
  }

  /** A float32 initializer (copied, so that later training steps cannot change the graph). */
  public static void initializer(Graph.Builder b, String name, float[] data, int... shape) {
    initializer(b, name, Tensor.ofFloats(shape, data.clone()));
  }

  public static void initializer(Graph.Builder b, String name, Tensor value) {
    b.putValue(Value.constant(name, value));
  }

  /** Adds node {@code name} with one output. */
  public static void add(Graph.Builder b, String name, String op, List<String> inputs, String output,
      Map<String, Attribute> attrs) {
    b.addNode(new Node(name, op, OPSET, inputs, List.of(output), attrs));
  }

  /** A fully connected layer: Gemm with weight {@code name.weight} [out][in] (transB=1) and {@code name.bias}. */
  public static void gemm(Graph.Builder b, String name, String input, String output) {
    add(b, name, "Gemm", List.of(input, name + ".weight", name + ".bias"), output,
        Map.of("transB", Attribute.ofInt(1)));
  }

  public static void relu(Graph.Builder b, String name, String input, String output) {
    add(b, name, "Relu", List.of(input), output, Map.of());
  }

  /** The finished graph with every value typed; an example that does not type-check is a bug here. */
  public static Graph typeChecked(Graph.Builder b, String what) {
    TypeInference.Result typed = TypeInference.run(b.nodes(), b.valueMap(), OperatorRegistry.standard());
    if (!typed.diagnostics().isEmpty()) {
      throw new IllegalStateException(what + " does not type-check: " + typed.diagnostics());
    }
    return b.nodes(typed.nodes()).values(typed.values().values()).build();
  }
}
