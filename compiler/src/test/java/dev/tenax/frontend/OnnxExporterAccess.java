package dev.tenax.frontend;

import dev.tenax.ir.Attribute;
import dev.tenax.onnx.proto.Onnx.AttributeProto;

/** Test access to the exporter's attribute encoding. */
public final class OnnxExporterAccess {
  private OnnxExporterAccess() {}

  public static AttributeProto attribute(String name, Attribute a) {
    return OnnxExporter.attribute(name, a);
  }
}
