package dev.tenax.frontend;

import dev.tenax.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to resolve what an ONNX file leaves open: values for symbolic dimensions
 * ({@code --dim}), whole input shapes ({@code --input-shape}), and graph inputs to bind as
 * constants ({@code --const-inputs}; ONNX test models often feed weights as inputs).
 */
public record ImportOptions(Map<String, Long> dims, Map<String, int[]> inputShapes,
    Map<String, Tensor> constInputs) {

  public ImportOptions {
    dims = Map.copyOf(dims);
    inputShapes = Map.copyOf(inputShapes);
    constInputs = new LinkedHashMap<>(constInputs);
  }

  public static ImportOptions defaults() {
    return new ImportOptions(Map.of(), Map.of(), Map.of());
  }

  public ImportOptions withConstInputs(Map<String, Tensor> constants) {
    return new ImportOptions(dims, inputShapes, constants);
  }

  public ImportOptions withDims(Map<String, Long> newDims) {
    return new ImportOptions(newDims, inputShapes, constInputs);
  }

  public ImportOptions withInputShapes(Map<String, int[]> shapes) {
    return new ImportOptions(dims, shapes, constInputs);
  }
}
