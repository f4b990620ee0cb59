package dev.tenax.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.frontend.TensorDecoder;
import dev.tenax.io.Npy;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.models.ModelSpec.Input;
import dev.tenax.testing.OnnxModelBuilder;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.SharedData;
import dev.tenax.testing.Tolerance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end numeric check of the real models in ../shared/models against their shipped
 * expected output or ONNX Runtime (one dynamic test per model, see {@link SharedModels}),
 * plus tests of the harness itself on small generated models.
 */
class SharedModelsTest {

  @TestFactory
  List<DynamicTest> sharedModels() {
    Path root = SharedData.require("models");
    List<DynamicTest> tests = new ArrayList<>();
    for (ModelSpec spec : SharedModels.ALL) {
      tests.add(DynamicTest.dynamicTest(spec.folder(), () -> ModelCheck.run(root, spec)));
      // The graph passes (BatchNorm folding, constant folding, ...) must not change the results.
      tests.add(DynamicTest.dynamicTest(spec.folder() + " after passes",
          () -> ModelCheck.run(root, spec, Pipeline.standard()::run)));
    }
    return tests;
  }

  @Test
  void theTableCoversEveryModelFolder() throws IOException {
    Path root = SharedData.require("models");
    Set<String> folders;
    try (Stream<Path> s = Files.list(root)) {
      folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> specs = SharedModels.ALL.stream().map(ModelSpec::folder).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(folders, specs);
    assertEquals(20, SharedModels.ALL.size());
    for (ModelSpec spec : SharedModels.ALL) {
      assertTrue(Files.isRegularFile(root.resolve(spec.folder()).resolve(spec.file())), spec.folder() + "/" + spec.file());
    }
  }

  private static OnnxModelBuilder addRelu(int... xShape) {
    Tensor b = Tensor.ofFloats(new int[] {2}, new float[] {0.25f, -0.5f});
    return new OnnxModelBuilder().input("x", DType.FLOAT32, xShape).initializer("b", b)
        .node("Add", List.of("x", "b"), List.of("s")).node("Relu", List.of("s"), List.of("y"))
        .output("y", DType.FLOAT32, xShape);
  }

  @Test
  void comparesWithOnnxRuntimeWhenNothingShips(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("m"));
    Files.write(root.resolve("m/m.onnx"), addRelu(-1, 2).bytes());
    ModelSpec spec = ModelSpec.of("m", "m.onnx", new Input.Uniform(-1, 1, false)).withDims(Map.of("N", 3L));
    ModelCheck.run(root, spec);
  }

  @Test
  void comparesWithShippedOutputsAndReportsDifferences(@TempDir Path root) throws IOException {
    Path data = Files.createDirectories(root.resolve("m/test_data_set_0"));
    Files.write(root.resolve("m/m.onnx"), addRelu(-1, 1, 2).bytes());
    // Stored with fewer dims than the import shape, like super-resolution's input_0.pb.
    Tensor x = Tensor.ofFloats(new int[] {2}, new float[] {1f, 1f});
    Files.write(data.resolve("input_0.pb"), TensorDecoder.encode(x, "x").toByteArray());
    Tensor y = Tensor.ofFloats(new int[] {1, 1, 2}, new float[] {1.25f, 0.5f});
    Files.write(data.resolve("output_0.pb"), TensorDecoder.encode(y, "y").toByteArray());
    ModelSpec spec = ModelSpec.of("m", "m.onnx", new Input.TestDataSet())
        .withInputShapes(Map.of("x", new int[] {1, 1, 2}));
    ModelCheck.run(root, spec);

    Tensor wrong = Tensor.ofFloats(new int[] {1, 1, 2}, new float[] {1.25f, 0.5001f});
    Files.write(data.resolve("output_0.pb"), TensorDecoder.encode(wrong, "y").toByteArray());
    ModelCheck.Mismatch m = assertThrows(ModelCheck.Mismatch.class, () -> ModelCheck.run(root, spec));
    assertTrue(m.getMessage().contains("differs from the shipped expected output"), m.getMessage());
  }

  @Test
  void reportsRejectedModelsWithTheirDiagnostics(@TempDir Path root) throws IOException {
    // Shipped outputs, so ONNX Runtime (which would refuse the unknown op first) is not asked.
    Path data = Files.createDirectories(root.resolve("m/test_data_set_0"));
    byte[] model = new OnnxModelBuilder().input("x", DType.FLOAT32, 2)
        .node("NoSuchOp", List.of("x"), List.of("y")).output("y", DType.FLOAT32, 2).bytes();
    Files.write(root.resolve("m/m.onnx"), model);
    Tensor x = Tensor.ofFloats(new int[] {2}, new float[] {1f, 2f});
    Files.write(data.resolve("input_0.pb"), TensorDecoder.encode(x, "x").toByteArray());
    Files.write(data.resolve("output_0.pb"), TensorDecoder.encode(x, "y").toByteArray());
    ModelCheck.Mismatch m = assertThrows(ModelCheck.Mismatch.class,
        () -> ModelCheck.run(root, ModelSpec.of("m", "m.onnx", new Input.TestDataSet())));
    assertEquals(List.of(Code.TX010), m.diagnostics().stream().map(d -> d.code()).collect(Collectors.toList()));
    assertTrue(m.getMessage().contains("NoSuchOp"), m.getMessage());
  }

  @Test
  void readsTextAndNpzInputsAndMakesRepeatableRandomOnes(@TempDir Path dir) throws IOException {
    TensorType type = new TensorType(DType.FLOAT32, new int[] {2, 3});
    Files.writeString(dir.resolve("in.txt"), "1.5,-2, 3\n4 5e-1\t6\n");
    Tensor text = ModelCheck.input(dir, ModelSpec.of("m", "m.onnx", new Input.Text("in.txt")), "x", type);
    assertEquals(Tensor.ofFloats(new int[] {2, 3}, new float[] {1.5f, -2f, 3f, 4f, 0.5f, 6f}), text);

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("x_0.npy"));
      z.write(Npy.write(Tensor.ofFloats(new int[] {1, 6}, new float[] {1, 2, 3, 4, 5, 6})));
      z.closeEntry();
    }
    Files.write(dir.resolve("in.npz"), zip.toByteArray());
    assertEquals(1, Npy.readNpz(new ByteArrayInputStream(zip.toByteArray())).size());
    Tensor npz = ModelCheck.input(dir, ModelSpec.of("m", "m.onnx", new Input.Npz("in.npz", "x_0")), "x", type);
    assertArrayEquals(new int[] {2, 3}, npz.shape());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, npz.floats());

    ModelSpec pixels = ModelSpec.of("m", "m.onnx", new Input.Uniform(0, 255, true));
    Tensor a = ModelCheck.input(dir, pixels, "x", type);
    assertEquals(a, ModelCheck.input(dir, pixels, "x", type));
    for (float v : a.floats()) {
      assertTrue(v >= 0 && v <= 255 && v == Math.rint(v), "pixel " + v);
    }

    ModelSpec tooShort = ModelSpec.of("m", "m.onnx", new Input.Text("in.txt"));
    TensorType bigger = new TensorType(DType.FLOAT32, new int[] {7});
    assertThrows(IOException.class, () -> ModelCheck.input(dir, tooShort, "x", bigger));
  }

  @Test
  void tolerancesCannotBeLoosenedSilentlyOrBeyondTheCap() {
    ModelSpec base = ModelSpec.of("m", "m.onnx", new Input.Uniform(0, 1, false));
    assertThrows(IllegalArgumentException.class, () -> base.withTolerance(new Tolerance(1e-3, 1e-4), ""));
    assertThrows(IllegalArgumentException.class, () -> base.withTolerance(new Tolerance(2e-3, 1e-5), "too loose"));
    assertEquals(1e-3, base.withTolerance(new Tolerance(1e-3, 1e-4), "deep conv stack").tolerance().rtol());
  }
}
