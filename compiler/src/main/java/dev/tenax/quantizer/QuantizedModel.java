package dev.tenax.quantizer;

import java.util.List;
import java.util.Map;

/**
 * The quantizer's result: the graph in canonical QDQ form, the quantization of every
 * activation tensor (by original tensor name), and the nodes left in float32
 * ("float islands", as "OpType 'name'").
 */
public record QuantizedModel(dev.tenax.ir.Graph graph, Map<String, QuantParams> activations,
    List<String> floatNodes) {
  public QuantizedModel {
    activations = Map.copyOf(activations);
    floatNodes = List.copyOf(floatNodes);
  }
}
