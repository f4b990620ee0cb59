package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.OnnxModelBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TenaxMain.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  Path model() throws Exception {
    Tensor w = Tensor.ofFloats(new int[] {3, 4}, new float[] {1, 0, -1, 0.5f, 0.2f, 0.3f, 0, -0.7f, 0, 1, 1, 0});
    Path p = dir.resolve("tiny.onnx");
    Files.write(p, new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 4).initializer("w", w)
        .node("Gemm", List.of("x", "w"), List.of("h"), Map.of("transB", Attribute.ofInt(1)))
        .node("Relu", List.of("h"), List.of("r"))
        .node("Erf", List.of("r"), List.of("y"))
        .output("y", DType.FLOAT32, 1, 3).bytes());
    return p;
  }

  List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void withoutCalibIsAUsageErrorSayingWhatToPass() throws Exception {
    Result r = run("quantize", model().toString(), "-o", dir.resolve("q.onnx").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("--calib PATH") && r.err().contains("--calib random"), r.err());
    assertEquals(List.of("tiny.onnx"), files());
  }

  @Test
  void randomCalibrationWarnsAndWritesAValidModel() throws Exception {
    Path out = dir.resolve("q.onnx");
    Result r = run("quantize", model().toString(), "--calib", "random", "--calib-count", "20", "-o", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.err().contains("WARNING") && r.err().contains("accuracy will be poor"), r.err());
    assertTrue(r.err().contains("calibrating 20/20"), r.err());
    assertTrue(r.out().contains("float islands (1 node left in float32): Erf"), r.out());
    assertTrue(r.out().contains("wrote " + out), r.out());
    assertEquals(List.of("q.onnx", "tiny.onnx"), files(), "no temporary file is left behind");
    Graph g = ModelImporter.load(out, ImportOptions.defaults());
    assertTrue(g.nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear")));
    assertEquals(DType.FLOAT32, g.type("x").dtype());
    assertEquals(List.of("y"), g.outputs());
  }

  @Test
  void calibrationFromNpyStackWithRange() throws Exception {
    float[] data = new float[10 * 4];
    for (int i = 0; i < data.length; i++) {
      data[i] = (i % 9) / 4f - 1;
    }
    Path npy = dir.resolve("calib.npy");
    Files.write(npy, TensorFiles.toNpy(Tensor.ofFloats(new int[] {10, 4}, data)));
    Path out = dir.resolve("sub/q.onnx");
    Result r = run("quantize", model().toString(), "--calib", npy.toString(), "--calib-range", "2:8",
        "--method", "percentile", "--percentile", "99.9", "--scale", "2", "-o", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("method: percentile 99.9, 6 samples"), r.out());
    assertTrue(Files.isRegularFile(out));
  }

  @Test
  void missingCalibrationFileIsAUsageErrorAndWritesNothing() throws Exception {
    Result r = run("quantize", model().toString(), "--calib", dir.resolve("nope.npy").toString(), "-o",
        dir.resolve("q.onnx").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("does not exist"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertEquals(List.of("tiny.onnx"), files());
  }

  @Test
  void wrongSampleShapeIsAUsageError() throws Exception {
    Path npy = dir.resolve("calib.npy");
    Files.write(npy, TensorFiles.toNpy(Tensor.ofFloats(new int[] {3, 5}, new float[15])));
    Result r = run("quantize", model().toString(), "--calib", npy.toString(), "-o", dir.resolve("q.onnx").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("needs 4"), r.err());
    assertEquals(List.of("calib.npy", "tiny.onnx"), files());
  }

  @Test
  void badMethodAndRangeAreUsageErrors() throws Exception {
    String m = model().toString();
    Result r = run("quantize", m, "--calib", "random", "--method", "entropy");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("minmax, percentile, mse"), r.err());
    r = run("quantize", m, "--calib", "random", "--calib-range", "5:2");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("START:END"), r.err());
  }

  @Test
  void mode16x8WritesInt16QdqAtOpset21() throws Exception {
    Result r = run("quantize", model().toString(), "--calib", "random", "--calib-count", "20", "--mode", "16x8");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("activation tensors to int16"), r.out());
    assertEquals(List.of("tiny.16x8.onnx", "tiny.onnx"), files(), "the default output name says the mode");
    Graph g = ModelImporter.load(dir.resolve("tiny.16x8.onnx"), ImportOptions.defaults());
    assertEquals(21, g.opsets().get(""));
    var quantize = g.nodes().stream().filter(n -> n.opType().equals("QuantizeLinear")).toList();
    assertFalse(quantize.isEmpty());
    quantize.forEach(n -> assertEquals(DType.INT16, g.type(n.output(0)).dtype(), n.describe()));
    Path input = dir.resolve("in.npy");
    Files.write(input, TensorFiles.toNpy(Tensor.ofFloats(new int[] {1, 4}, new float[] {0.5f, -1, 0.25f, 0.75f})));
    Result exec = run("exec", dir.resolve("tiny.16x8.onnx").toString(), "--input", input.toString(), "-o",
        dir.resolve("out").toString());
    assertEquals(ExitCodes.OK, exec.code(), "tenax exec runs the 16x8 QDQ model: " + exec.err());
  }

  @Test
  void badModeIsAUsageErrorAndWritesNothing() throws Exception {
    Result r = run("quantize", model().toString(), "--calib", "random", "--mode", "int4");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("--mode int4") && r.err().contains("int8, 16x8"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertEquals(List.of("tiny.onnx"), files());
  }

  @Test
  void missingModelIsReportedWithoutStackTrace() throws Exception {
    Result r = run("quantize", dir.resolve("absent.onnx").toString(), "--calib", "random");
    assertTrue(r.code() == ExitCodes.USAGE || r.code() == ExitCodes.MODEL_REJECTED, r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(List.of(), files());
  }
}
