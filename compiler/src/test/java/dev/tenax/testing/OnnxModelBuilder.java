package dev.tenax.testing;

import com.google.protobuf.ByteString;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.frontend.TensorDecoder;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.onnx.proto.Onnx.AttributeProto;
import dev.tenax.onnx.proto.Onnx.GraphProto;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.onnx.proto.Onnx.NodeProto;
import dev.tenax.onnx.proto.Onnx.OperatorSetIdProto;
import dev.tenax.onnx.proto.Onnx.TensorShapeProto;
import dev.tenax.onnx.proto.Onnx.TypeProto;
import dev.tenax.onnx.proto.Onnx.ValueInfoProto;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Assembles small ONNX models in tests (IR version 8, ai.onnx opset 13 unless changed).
 * Example:
 * <pre>
 * ModelProto m = new OnnxModelBuilder().input("x", DType.FLOAT32, 2, 3)
 *     .initializer("b", bias).node("Add", List.of("x", "b"), List.of("s"))
 *     .node("Relu", List.of("s"), List.of("y")).output("y", DType.FLOAT32, 2, 3).build();
 * </pre>
 * A negative dimension in {@link #input} or {@link #output} is written as the symbolic
 * dimension "N".
 */
public final class OnnxModelBuilder {
  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private long irVersion = 8;
  private long opset = 13;
  private int nodeCount;

  public OnnxModelBuilder irVersion(long v) {
    irVersion = v;
    return this;
  }

  public OnnxModelBuilder opset(long v) {
    opset = v;
    return this;
  }

  public OnnxModelBuilder input(String name, DType dtype, int... dims) {
    graph.addInput(valueInfo(name, dtype, dims));
    return this;
  }

  /** A graph output of known rank; its dims are what the model declares, not checked. */
  public OnnxModelBuilder output(String name, DType dtype, int... dims) {
    graph.addOutput(valueInfo(name, dtype, dims));
    return this;
  }

  public OnnxModelBuilder initializer(String name, Tensor value) {
    graph.addInitializer(TensorDecoder.encode(value, name));
    return this;
  }

  public OnnxModelBuilder node(String opType, List<String> inputs, List<String> outputs) {
    return node(opType, inputs, outputs, Map.of());
  }

  public OnnxModelBuilder node(String opType, List<String> inputs, List<String> outputs,
      Map<String, Attribute> attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(opType + "_" + nodeCount++)
        .addAllInput(inputs).addAllOutput(outputs);
    attrs.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> n.addAttribute(attribute(e.getKey(), e.getValue())));
    graph.addNode(n);
    return this;
  }

  public ModelProto build() {
    return ModelProto.newBuilder().setIrVersion(irVersion).setProducerName("tenax-tests")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .setGraph(graph.build()).build();
  }

  public byte[] bytes() {
    return build().toByteArray();
  }

  private static ValueInfoProto valueInfo(String name, DType dtype, int[] dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int d : dims) {
      shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
          : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
        .setElemType(dtype.onnxCode()).setShape(shape)).build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  private static AttributeProto attribute(String name, Attribute a) {
    return OnnxExporter.attribute(name, a);
  }
}
