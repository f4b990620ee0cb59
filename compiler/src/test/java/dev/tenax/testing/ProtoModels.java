package dev.tenax.testing;

import dev.tenax.onnx.proto.Onnx.GraphProto;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.onnx.proto.Onnx.NodeProto;
import dev.tenax.onnx.proto.Onnx.OperatorSetIdProto;
import dev.tenax.onnx.proto.Onnx.TensorShapeProto;
import dev.tenax.onnx.proto.Onnx.TypeProto;
import dev.tenax.onnx.proto.Onnx.ValueInfoProto;
import java.util.List;

/** Raw ONNX protobuf pieces for front-end tests that need models Tenax itself would not write. */
public final class ProtoModels {
  private ProtoModels() {}

  /** A tensor value info; a String dimension is symbolic, an Integer is fixed. */
  public static ValueInfoProto tensor(String name, int elemType, Object... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder db = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof String) {
        db.setDimParam((String) d);
      } else {
        db.setDimValue((Integer) d);
      }
      shape.addDim(db);
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
  }

  public static NodeProto node(String name, String op, List<String> inputs, List<String> outputs) {
    return NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(inputs).addAllOutput(outputs).build();
  }

  /** Adds initializers to a model. */
  public static ModelProto withInitializers(ModelProto m, java.util.Map<String, dev.tenax.ir.Tensor> inits) {
    GraphProto.Builder g = m.getGraph().toBuilder();
    inits.forEach((name, t) -> g.addInitializer(dev.tenax.frontend.TensorDecoder.encode(t, name)));
    return m.toBuilder().setGraph(g).build();
  }

  /** Adds an attribute to a node. */
  public static NodeProto attr(NodeProto n, String name, dev.tenax.ir.Attribute a) {
    return n.toBuilder().addAttribute(dev.tenax.frontend.OnnxExporter.attribute(name, a)).build();
  }

  public static ModelProto model(int opset, List<NodeProto> nodes, List<ValueInfoProto> inputs,
      List<ValueInfoProto> outputs) {
    return ModelProto.newBuilder().setIrVersion(8)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .setGraph(GraphProto.newBuilder().setName("g").addAllNode(nodes).addAllInput(inputs)
            .addAllOutput(outputs)).build();
  }
}
