package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.frontend.TypeInference;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReshapeTest {
  private static final Tensor X = NodeRunner.floats(new int[] {2, 3, 4}, new float[24]);

  private static int[] shapeFor(long... target) throws Exception {
    return NodeRunner.op("Reshape").opset(13).input(X).constInput(Tensor.vector(DType.INT64, target))
        .infer().get(0).shape();
  }

  @Test
  void zeroCopiesAndMinusOneInfers() throws Exception {
    assertArrayEquals(new int[] {2, 12}, shapeFor(0, -1));
    assertArrayEquals(new int[] {4, 3, 2}, shapeFor(4, 0, -1));
    assertArrayEquals(new int[] {24}, shapeFor(-1));
  }

  @Test
  void keepsTheDataInOrder() throws Exception {
    Tensor x = Tensor.ofLongs(DType.INT16, new int[] {2, 2}, new long[] {1, 2, 3, 4});
    Tensor y = NodeRunner.op("Reshape").opset(13).input(x).constInput(Tensor.vector(DType.INT64, 4))
        .run().get(0);
    assertArrayEquals(new long[] {1, 2, 3, 4}, y.longs());
    assertEquals(DType.INT16, y.dtype());
  }

  @Test
  void allowZeroMakesZeroARealDimension() throws Exception {
    Tensor empty = Tensor.zeros(DType.FLOAT32, new int[] {0, 3});
    int[] s = NodeRunner.op("Reshape").opset(14).attr("allowzero", Attribute.ofInt(1)).input(empty)
        .constInput(Tensor.vector(DType.INT64, 3, 0)).infer().get(0).shape();
    assertArrayEquals(new int[] {3, 0}, s);
  }

  @Test
  void opset1TakesTheShapeAttribute() throws Exception {
    int[] s = NodeRunner.op("Reshape").opset(1).attr("shape", Attribute.ofInts(6, -1)).input(X)
        .infer().get(0).shape();
    assertArrayEquals(new int[] {6, 4}, s);
  }

  @Test
  void badTargetsAreRejected() {
    for (long[] t : new long[][] {{-1, -1}, {5, -1}, {2, 3, 5}, {-2, 12}}) {
      var d = NodeRunner.op("Reshape").opset(13).input(X).constInput(Tensor.vector(DType.INT64, t))
          .diagnostics();
      assertEquals(Code.TX050, d.get(0).code(), java.util.Arrays.toString(t));
    }
  }

  @Test
  void runtimeShapeIsReported() {
    var d = NodeRunner.op("Reshape").opset(13).input(X).input(Tensor.vector(DType.INT64, 24)).diagnostics();
    assertEquals(Code.TX051, d.get(0).code());
  }

  /** PyTorch exports x.view(x.size(0), -1) as Shape-Gather-Unsqueeze-Concat-Reshape. */
  @Test
  void exportedShapeChainIsKnownAheadOfTime() {
    List<Node> nodes = List.of(
        node("Shape", List.of("x"), "s", Map.of()),
        node("Gather", List.of("s", "zero"), "n", Map.of("axis", Attribute.ofInt(0))),
        node("Unsqueeze", List.of("n", "axes"), "n1", Map.of()),
        node("Concat", List.of("n1", "minus1"), "target", Map.of("axis", Attribute.ofInt(0))),
        node("Reshape", List.of("x", "target"), "y", Map.of()));
    Map<String, Value> initial = Map.of(
        "x", Value.of("x", new TensorType(DType.FLOAT32, new int[] {2, 3, 4})),
        "zero", Value.constant("zero", Tensor.scalar(DType.INT64, 0)),
        "axes", Value.constant("axes", Tensor.vector(DType.INT64, 0)),
        "minus1", Value.constant("minus1", Tensor.vector(DType.INT64, -1)));
    TypeInference.Result r = TypeInference.run(nodes, initial, OperatorRegistry.standard());
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    assertArrayEquals(new int[] {2, 12}, r.values().get("y").type().shape());
  }

  private static Node node(String op, List<String> in, String out, Map<String, Attribute> attrs) {
    return new Node(op + "_" + out, op, 13, in, List.of(out), attrs);
  }
}
