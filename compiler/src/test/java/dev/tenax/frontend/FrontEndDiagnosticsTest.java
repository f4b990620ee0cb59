package dev.tenax.frontend;

import static dev.tenax.testing.ProtoModels.model;
import static dev.tenax.testing.ProtoModels.node;
import static dev.tenax.testing.ProtoModels.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.onnx.proto.Onnx.AttributeProto;
import dev.tenax.onnx.proto.Onnx.GraphProto;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.onnx.proto.Onnx.StringStringEntryProto;
import dev.tenax.onnx.proto.Onnx.TensorProto;
import dev.tenax.ops.OperatorRegistry;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FrontEndDiagnosticsTest {
  private static final int FLOAT = 1;

  private static ModelProto addRelu() {
    return model(13, List.of(node("add", "Add", List.of("x", "y"), List.of("s")),
        node("relu", "Relu", List.of("s"), List.of("out"))),
        List.of(tensor("x", FLOAT, 2, 3), tensor("y", FLOAT, 3)), List.of(tensor("out", FLOAT, 2, 3)));
  }

  private static List<Diagnostic> rejectBytes(byte[] bytes) {
    return assertThrows(ModelRejectedException.class, () -> {
      ModelProto m = OnnxFile.parse(bytes, "test.onnx");
      new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(m);
    }).diagnostics();
  }

  private static List<Diagnostic> reject(ModelProto m, ImportOptions o) {
    return assertThrows(ModelRejectedException.class,
        () -> new ModelImporter(OperatorRegistry.standard(), o).importModel(m)).diagnostics();
  }

  private static List<Code> codes(List<Diagnostic> d) {
    return d.stream().map(Diagnostic::code).collect(Collectors.toList());
  }

  @Test
  void validModelImportsWithTypes() throws Exception {
    Graph g = new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(addRelu());
    assertEquals(List.of("x", "y"), g.inputs());
    assertArrayEquals(new int[] {2, 3}, g.type("s").shape());
  }

  @Test
  void truncatedFileIsNotAModel() {
    byte[] full = addRelu().toByteArray();
    byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
    List<Diagnostic> d = rejectBytes(half);
    assertEquals(Code.TX002, d.get(0).code());
  }

  @Test
  void randomBytesAreNotAModel() {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    assertEquals(List.of(Code.TX002), codes(rejectBytes(noise)));
    assertEquals(List.of(Code.TX002), codes(rejectBytes(new byte[0])));
    assertEquals(List.of(Code.TX002), codes(rejectBytes("name,value\n1,2\n".getBytes())));
  }

  @Test
  void everyUnsupportedOperatorIsReportedAtOnce() {
    ModelProto m = model(13, List.of(node("a", "FancyOp", List.of("x"), List.of("t")),
        node("b", "Relu", List.of("t"), List.of("u")), node("c", "OtherOp", List.of("u"), List.of("out"))),
        List.of(tensor("x", FLOAT, 4)), List.of(tensor("out", FLOAT, 4)));
    List<Diagnostic> d = reject(m, ImportOptions.defaults());
    assertEquals(List.of(Code.TX010, Code.TX010), codes(d));
    assertEquals("a", d.get(0).nodeName());
    assertEquals("FancyOp", d.get(0).opType());
    assertEquals(13, d.get(0).opset());
    assertTrue(d.get(1).format().contains("OtherOp"), d.get(1).format());
  }

  @Test
  void dynamicDimensionNeedsAValue() throws Exception {
    ModelProto m = model(13, List.of(node("relu", "Relu", List.of("x"), List.of("out"))),
        List.of(tensor("x", FLOAT, "batch", 3)), List.of(tensor("out", FLOAT, "batch", 3)));
    List<Diagnostic> d = reject(m, ImportOptions.defaults());
    assertEquals(List.of(Code.TX030), codes(d));
    assertTrue(d.get(0).hint().contains("--dim batch=") && d.get(0).hint().contains("--input-shape x="),
        d.get(0).hint());
    Graph g = new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()
        .withDims(Map.of("batch", 2L))).importModel(m);
    assertArrayEquals(new int[] {2, 3}, g.type("out").shape());
    Graph g2 = new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()
        .withInputShapes(Map.of("x", new int[] {5, 3}))).importModel(m);
    assertArrayEquals(new int[] {5, 3}, g2.type("out").shape());
    assertEquals(List.of(Code.TX031), codes(reject(m, ImportOptions.defaults()
        .withDims(Map.of("batch", 1L, "nosuch", 2L)))));
  }

  @Test
  void unsupportedElementTypesAreNamed() {
    ModelProto m = model(13, List.of(node("relu", "Relu", List.of("x"), List.of("out"))),
        List.of(tensor("x", 10, 4)), List.of(tensor("out", 10, 4)));
    List<Diagnostic> d = reject(m, ImportOptions.defaults());
    assertTrue(codes(d).contains(Code.TX020));
    assertTrue(d.get(0).message().contains("float16"), d.get(0).message());
  }

  @Test
  void externalDataIsRejected() {
    ModelProto base = addRelu();
    TensorProto ext = TensorProto.newBuilder().setName("y").setDataType(FLOAT).addDims(3)
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin")).build();
    ModelProto m = base.toBuilder().setGraph(base.getGraph().toBuilder().addInitializer(ext)).build();
    assertEquals(List.of(Code.TX003), codes(reject(m, ImportOptions.defaults())));
  }

  @Test
  void controlFlowIsRejected() {
    AttributeProto branch = AttributeProto.newBuilder().setName("then_branch")
        .setType(AttributeProto.AttributeType.GRAPH).setG(GraphProto.newBuilder().setName("b")).build();
    ModelProto m = model(13, List.of(node("if", "If", List.of("c"), List.of("out")).toBuilder()
        .addAttribute(branch).build()), List.of(tensor("c", 9)), List.of(tensor("out", FLOAT, 1)));
    assertTrue(codes(reject(m, ImportOptions.defaults())).contains(Code.TX012));
  }

  @Test
  void nodesOutOfOrderAndInitializersListedAsInputsLoad() throws Exception {
    TensorProto y = TensorDecoder.encode(Tensor.ofFloats(new int[] {3}, new float[] {1, -2, 3}), "y");
    ModelProto m = model(9, List.of(node("relu", "Relu", List.of("s"), List.of("out")),
        node("add", "Add", List.of("x", "y"), List.of("s"))),
        List.of(tensor("x", FLOAT, 2, 3), tensor("y", FLOAT, 3)), List.of(tensor("out", FLOAT, 2, 3)));
    m = m.toBuilder().setGraph(m.getGraph().toBuilder().addInitializer(y)).build();
    Graph g = new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(m);
    assertEquals(List.of("x"), g.inputs());
    assertEquals("add", g.nodes().get(0).name());
    assertTrue(g.value("y").isConstant());
  }

  @Test
  void undefinedValuesAndDuplicateProducersAreMalformed() {
    ModelProto m = model(13, List.of(node("a", "Relu", List.of("nowhere"), List.of("out")),
        node("b", "Relu", List.of("x"), List.of("out"))),
        List.of(tensor("x", FLOAT, 2)), List.of(tensor("out", FLOAT, 2)));
    List<Code> c = codes(reject(m, ImportOptions.defaults()));
    assertTrue(c.stream().allMatch(x -> x == Code.TX060) && c.size() >= 2, c.toString());
  }

  @Test
  void constInputsBindGraphInputs() throws Exception {
    Tensor y = Tensor.ofFloats(new int[] {3}, new float[] {1, 2, 3});
    Graph g = new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()
        .withConstInputs(Map.of("y", y))).importModel(addRelu());
    assertEquals(List.of("x"), g.inputs());
    assertEquals(y, g.value("y").constant());
  }

  @Test
  void typedPayloadsDecodeLikeRawOnes() throws Exception {
    TensorProto typed = TensorProto.newBuilder().setDataType(3).addDims(3).addInt32Data(-5).addInt32Data(0)
        .addInt32Data(127).build();
    assertArrayEquals(new long[] {-5, 0, 127}, TensorDecoder.decode(typed, "t").longs());
    TensorProto raw = TensorProto.newBuilder().setDataType(3).addDims(3)
        .setRawData(ByteString.copyFrom(new byte[] {-5, 0, 127})).build();
    assertEquals(DType.INT8, TensorDecoder.decode(raw, "t").dtype());
    TensorProto bad = raw.toBuilder().clearDims().addDims(4).build();
    assertThrows(ModelRejectedException.class, () -> TensorDecoder.decode(bad, "t"));
  }
}
