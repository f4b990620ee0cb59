package dev.tenax.frontend;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the bytes of an .onnx file into a ModelProto, with diagnostics instead of exceptions. */
public final class OnnxFile {
  private OnnxFile() {}

  public static ModelProto read(Path path) throws ModelRejectedException {
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) {
        throw new ModelRejectedException(Diagnostic.of(Code.TX001, path + " is a directory, not an .onnx file"));
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ModelRejectedException(Diagnostic.of(Code.TX001, "cannot read " + path + ": " + why));
    }
    return parse(bytes, path.toString());
  }

  public static ModelProto parse(byte[] bytes, String where) throws ModelRejectedException {
    if (bytes.length == 0) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX002, where + " is empty"));
    }
    ModelProto model;
    try {
      model = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX002, where + " is not a valid ONNX model ("
          + describe(e) + ")"));
    }
    // Random bytes occasionally parse as a protobuf message; a real model has these.
    if (model.getIrVersion() <= 0 || model.getIrVersion() > 100 || !model.hasGraph()) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX002, where
          + " is not an ONNX model (it parses as protobuf but has no IR version or graph)"));
    }
    if (!model.getUnknownFields().asMap().isEmpty() && model.getGraph().getNodeCount() == 0) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX002, where
          + " is not an ONNX model (unexpected fields and no nodes)"));
    }
    return model;
  }

  private static String describe(InvalidProtocolBufferException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("truncated") || m.contains("end-group")) {
      return "the file is truncated or corrupted";
    }
    return "the protobuf data is corrupted";
  }
}
