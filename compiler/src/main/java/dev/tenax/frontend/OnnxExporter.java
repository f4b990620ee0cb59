package dev.tenax.frontend;

import com.google.protobuf.ByteString;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.onnx.proto.Onnx.AttributeProto;
import dev.tenax.onnx.proto.Onnx.GraphProto;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.onnx.proto.Onnx.NodeProto;
import dev.tenax.onnx.proto.Onnx.OperatorSetIdProto;
import dev.tenax.onnx.proto.Onnx.TensorShapeProto;
import dev.tenax.onnx.proto.Onnx.TypeProto;
import dev.tenax.onnx.proto.Onnx.ValueInfoProto;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a typed {@link Graph} as an ONNX ModelProto (IR version 8) that ONNX Runtime and
 * the ONNX checker accept: constants become initializers, every value gets its type.
 * Annotations are Tenax-internal and are not written.
 */
public final class OnnxExporter {
  private static final long IR_VERSION = 8;

  private OnnxExporter() {}

  public static ModelProto export(Graph g, String producerVersion) {
    GraphProto.Builder gb = GraphProto.newBuilder().setName(g.name());
    for (String in : g.inputs()) {
      gb.addInput(valueInfo(in, g.type(in)));
    }
    for (String out : g.outputs()) {
      gb.addOutput(valueInfo(out, g.type(out)));
    }
    for (Value v : g.values().values()) {
      if (v.isConstant()) {
        gb.addInitializer(TensorDecoder.encode(v.constant(), v.name()));
      } else if (!g.inputs().contains(v.name()) && !g.outputs().contains(v.name())) {
        gb.addValueInfo(valueInfo(v.name(), v.type()));
      }
    }
    for (Node n : g.nodes()) {
      gb.addNode(node(n));
    }
    ModelProto.Builder mb = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("tenax")
        .setProducerVersion(producerVersion).setGraph(gb);
    for (Map.Entry<String, Integer> e : g.opsets().entrySet()) {
      mb.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(e.getKey()).setVersion(e.getValue()));
    }
    return mb.build();
  }

  static ValueInfoProto valueInfo(String name, TensorType t) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int d : t.shape()) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(t.dtype().onnxCode()).setShape(shape))).build();
  }

  static NodeProto node(Node n) {
    NodeProto.Builder nb = NodeProto.newBuilder().setName(n.name()).setOpType(n.opType())
        .addAllInput(n.inputs()).addAllOutput(n.outputs());
    if (!n.domain().isEmpty()) {
      nb.setDomain(n.domain());
    }
    for (Map.Entry<String, Attribute> e : n.attributes().entrySet()) {
      nb.addAttribute(attribute(e.getKey(), e.getValue()));
    }
    return nb.build();
  }

  /** One attribute in ONNX form. */
  public static AttributeProto attribute(String name, Attribute a) {
    AttributeProto.Builder ab = AttributeProto.newBuilder().setName(name);
    switch (a.kind()) {
      case FLOAT: return ab.setType(AttributeProto.AttributeType.FLOAT).setF(a.asFloat()).build();
      case INT: return ab.setType(AttributeProto.AttributeType.INT).setI(a.asInt()).build();
      case STRING: return ab.setType(AttributeProto.AttributeType.STRING)
          .setS(ByteString.copyFrom(a.asString(), StandardCharsets.UTF_8)).build();
      case TENSOR: return ab.setType(AttributeProto.AttributeType.TENSOR)
          .setT(TensorDecoder.encode(a.asTensor(), "")).build();
      case FLOATS: {
        ab.setType(AttributeProto.AttributeType.FLOATS);
        for (float f : a.asFloats()) {
          ab.addFloats(f);
        }
        return ab.build();
      }
      case INTS: {
        ab.setType(AttributeProto.AttributeType.INTS);
        for (long i : a.asInts()) {
          ab.addInts(i);
        }
        return ab.build();
      }
      case STRINGS: {
        ab.setType(AttributeProto.AttributeType.STRINGS);
        a.asStrings().forEach(s -> ab.addStrings(ByteString.copyFrom(s, StandardCharsets.UTF_8)));
        return ab.build();
      }
      default: throw new IllegalStateException("unhandled attribute kind " + a.kind());
    }
  }
}
