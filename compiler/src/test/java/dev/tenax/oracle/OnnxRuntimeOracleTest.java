package dev.tenax.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.OnnxModelBuilder;
import dev.tenax.testing.OnnxTestCase;
import dev.tenax.testing.SharedData;
import dev.tenax.testing.Tolerance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxRuntimeOracleTest {

  private static Tensor randomFloats(Random r, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) (r.nextDouble() * 4 - 2);
    }
    return Tensor.ofFloats(shape, f);
  }

  @Test
  void addReluAgreesWithHandComputationAndTenax() throws Exception {
    Random r = new Random(42);
    Tensor x = randomFloats(r, 2, 3, 4);
    Tensor b = randomFloats(r, 3, 4);
    byte[] model = new OnnxModelBuilder().input("x", DType.FLOAT32, 2, 3, 4).initializer("b", b)
        .node("Add", List.of("x", "b"), List.of("s")).node("Relu", List.of("s"), List.of("y"))
        .output("y", DType.FLOAT32, 2, 3, 4).bytes();

    Tensor ort = OnnxRuntimeOracle.run(model, Map.of("x", x)).get("y");

    float[] expected = new float[24];
    for (int i = 0; i < 24; i++) {
      expected[i] = Math.max(0f, x.floats()[i] + b.floats()[i % 12]);
    }
    assertArrayEquals(new int[] {2, 3, 4}, ort.shape());
    assertArrayEquals(expected, ort.floats());
    Graph g = new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(new OnnxModelBuilder().input("x", DType.FLOAT32, 2, 3, 4).initializer("b", b)
            .node("Add", List.of("x", "b"), List.of("s")).node("Relu", List.of("s"), List.of("y"))
            .output("y", DType.FLOAT32, 2, 3, 4).build());
    Tensor tenax = new ReferenceEvaluator().run(g, Map.of("x", x)).get("y");
    assertNull(Tolerance.FLOAT32.compare(tenax, ort));
    assertEquals(tenax, ort, "Add and Relu are exact in float32, so both must agree bit for bit");
  }

  @Test
  void everyTensorDtypeRoundTripsThroughIdentity() {
    Tensor f = Tensor.scalar(-1.5f);
    Tensor i64 = Tensor.ofLongs(DType.INT64, new int[] {2}, new long[] {Long.MIN_VALUE, 1L << 40});
    Tensor i32 = Tensor.ofLongs(DType.INT32, new int[] {1, 3}, new long[] {-7, 0, Integer.MAX_VALUE});
    Tensor i8 = Tensor.ofLongs(DType.INT8, new int[] {3}, new long[] {-128, -1, 127});
    Tensor u8 = Tensor.ofLongs(DType.UINT8, new int[] {3}, new long[] {0, 128, 255});
    Tensor bool = Tensor.ofLongs(DType.BOOL, new int[] {2, 1}, new long[] {1, 0});
    Tensor empty = Tensor.ofFloats(new int[] {0, 3}, new float[0]);
    OnnxModelBuilder mb = new OnnxModelBuilder();
    Map<String, Tensor> in = new java.util.LinkedHashMap<>();
    List<Tensor> all = List.of(f, i64, i32, i8, u8, bool, empty);
    for (int k = 0; k < all.size(); k++) {
      Tensor t = all.get(k);
      mb.input("in" + k, t.dtype(), t.shape()).node("Identity", List.of("in" + k), List.of("out" + k))
          .output("out" + k, t.dtype(), t.shape());
      in.put("in" + k, t);
    }
    Map<String, Tensor> out = OnnxRuntimeOracle.run(mb.bytes(), in);
    assertEquals(List.of("out0", "out1", "out2", "out3", "out4", "out5", "out6"), List.copyOf(out.keySet()));
    for (int k = 0; k < all.size(); k++) {
      assertEquals(all.get(k), out.get("out" + k), "dtype " + all.get(k).dtype());
    }
  }

  @Test
  void symbolicBatchFollowsTheFedShape() {
    byte[] model = new OnnxModelBuilder().input("x", DType.FLOAT32, -1, 2)
        .node("Relu", List.of("x"), List.of("y")).output("y", DType.FLOAT32, -1, 2).bytes();
    Tensor x = Tensor.ofFloats(new int[] {3, 2}, new float[] {-1, 2, -3, 4, 5, -6});
    Tensor y = OnnxRuntimeOracle.run(model, Map.of("x", x)).get("y");
    assertEquals(Tensor.ofFloats(new int[] {3, 2}, new float[] {0, 2, 0, 4, 5, 0}), y);
  }

  @Test
  void reproducesTheAddConformanceCase() throws Exception {
    Path dir = SharedData.require("onnx-node/test_add");
    Tensor x = OnnxTestCase.readPb(dir.resolve("test_data_set_0/input_0.pb"));
    Tensor y = OnnxTestCase.readPb(dir.resolve("test_data_set_0/input_1.pb"));
    Tensor expected = OnnxTestCase.readPb(dir.resolve("test_data_set_0/output_0.pb"));
    Map<String, Tensor> out = OnnxRuntimeOracle.run(dir.resolve("model.onnx"), Map.of("x", x, "y", y));
    assertEquals(1, out.size());
    assertNull(Tolerance.FLOAT32.compare(out.values().iterator().next(), expected));
  }

  @Test
  void reproducesTheShippedSuperResolutionOutput() throws Exception {
    // A real model: symbolic batch, IR 4 weights listed as graph inputs, 6-D pixel shuffle.
    Path dir = SharedData.require("models/super-resolution-10");
    Tensor x = OnnxTestCase.readPb(dir.resolve("test_data_set_0/input_0.pb")).reshape(new int[] {1, 1, 224, 224});
    Tensor expected = OnnxTestCase.readPb(dir.resolve("test_data_set_0/output_0.pb"));
    Map<String, Tensor> out = OnnxRuntimeOracle.run(dir.resolve("super_resolution.onnx"), Map.of("input", x));
    assertEquals(List.of("output"), List.copyOf(out.keySet()));
    assertNull(Tolerance.FLOAT32.compare(out.get("output"), expected));
  }

  @Test
  void reportsMissingAndUnknownInputs() {
    byte[] model = new OnnxModelBuilder().input("x", DType.FLOAT32, 2)
        .node("Relu", List.of("x"), List.of("y")).output("y", DType.FLOAT32, 2).bytes();
    Tensor x = Tensor.ofFloats(new int[] {2}, new float[] {1, 2});
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> OnnxRuntimeOracle.run(model, Map.of()));
    assertTrue(missing.getMessage().contains("'x'"), missing.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> OnnxRuntimeOracle.run(model, Map.of("x", x, "z", x)));
    assertTrue(unknown.getMessage().contains("'z'"), unknown.getMessage());
  }

  @Test
  void reportsModelsOnnxRuntimeRejects() {
    byte[] model = new OnnxModelBuilder().input("x", DType.FLOAT32, 2)
        .node("NoSuchOp", List.of("x"), List.of("y")).output("y", DType.FLOAT32, 2).bytes();
    Tensor x = Tensor.ofFloats(new int[] {2}, new float[] {1, 2});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OnnxRuntimeOracle.run(model, Map.of("x", x)));
    assertTrue(e.getMessage().contains("NoSuchOp"), e.getMessage());
  }
}
