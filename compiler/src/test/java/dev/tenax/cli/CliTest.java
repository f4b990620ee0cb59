package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.frontend.OnnxExporter;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.io.Npy;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.ProtoModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir
  Path tmp;

  /** Exit code, stdout and stderr of one CLI run. */
  record Run(int code, String out, String err) {}

  static Run tenax(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TenaxMain.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * The tiny-cnn example written into {@code dir} and quantized there as the README does:
   * {@code dir/model.int8.onnx}, with {@code dir/input.npy} beside it.
   */
  static Path quantizedExample(Path dir) {
    assertEquals(0, tenax("example", "tiny-cnn", "-o", dir.toString()).code());
    Path q = dir.resolve("model.int8.onnx");
    Run r = tenax("quantize", dir.resolve("model.onnx").toString(), "--calib",
        dir.resolve("calibration.npy").toString(), "-o", q.toString());
    assertEquals(0, r.code(), r.err());
    return q;
  }

  private Path addReluModel() throws Exception {
    var m = ProtoModels.model(13, List.of(ProtoModels.node("add", "Add", List.of("x", "y"), List.of("s")),
        ProtoModels.node("relu", "Relu", List.of("s"), List.of("out:0"))),
        List.of(ProtoModels.tensor("x", 1, 2, 3), ProtoModels.tensor("y", 1, 3)),
        List.of(ProtoModels.tensor("out:0", 1, 2, 3)));
    Path p = tmp.resolve("m.onnx");
    Files.write(p, m.toByteArray());
    return p;
  }

  private Path npy(String name, Tensor t) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, Npy.write(t));
    return p;
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Run r = tenax("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("inspect") && r.out().contains("exec"), r.out());
    assertTrue(r.out().contains("65") && r.out().contains("70"), r.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, tenax("inspect", "--no-such-flag", "x.onnx").code());
  }

  @Test
  void execWritesOutputsByNameAndPosition() throws Exception {
    Path model = addReluModel();
    Path x = npy("x.npy", Tensor.ofFloats(new int[] {2, 3}, new float[] {-1, 2, -3, 4, -5, 6}));
    Path y = npy("y.npy", Tensor.ofFloats(new int[] {3}, new float[] {1, 1, 1}));
    Path out = tmp.resolve("out");
    Run r = tenax("exec", model.toString(), "--input", "x=" + x, "--input", y.toString(), "-o", out.toString(),
        "--format", "both");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("out:0: float32[2,3]"), r.out());
    Tensor got = Npy.read(Files.readAllBytes(out.resolve("out_0.npy")));
    assertEquals(Tensor.ofFloats(new int[] {2, 3}, new float[] {0, 3, 0, 5, 0, 7}), got);
    assertTrue(Files.exists(out.resolve("out_0.pb")));
  }

  @Test
  void wrongInputShapeIsAUsageErrorAndWritesNothing() throws Exception {
    Path model = addReluModel();
    Path x = npy("x.npy", Tensor.ofFloats(new int[] {3, 2}, new float[6]));
    Path y = npy("y.npy", Tensor.ofFloats(new int[] {3}, new float[3]));
    Path out = tmp.resolve("out");
    Run r = tenax("exec", model.toString(), "--input", "x=" + x, "--input", "y=" + y, "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("must have shape [2,3]"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void rejectedModelsExit65WithoutStackTraceOrOutput() throws Exception {
    Path bad = tmp.resolve("bad.onnx");
    Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    Path out = tmp.resolve("out");
    Run r = tenax("exec", bad.toString(), "-o", out.toString());
    assertEquals(65, r.code());
    assertTrue(r.err().contains("TX002"), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(out));
  }

  /** The four bad inputs the foundation issue names: each a documented code, exit 65, nothing written. */
  @Test
  void badModelsGiveTheirDiagnosticAndLeaveNoOutput() throws Exception {
    byte[] good = Files.readAllBytes(addReluModel());
    Path truncated = tmp.resolve("truncated.onnx");
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
    Path random = tmp.resolve("random.onnx");
    byte[] noise = new byte[2048];
    new java.util.Random(1).nextBytes(noise);
    Files.write(random, noise);
    Path unsupported = tmp.resolve("unsupported.onnx");
    Files.write(unsupported, ProtoModels.model(13, List.of(ProtoModels.node("n", "NonMaxSuppression",
        List.of("x"), List.of("y"))), List.of(ProtoModels.tensor("x", 1, 2)),
        List.of(ProtoModels.tensor("y", 1, 2))).toByteArray());
    Path dynamic = tmp.resolve("dynamic.onnx");
    Files.write(dynamic, ProtoModels.model(13, List.of(ProtoModels.node("n", "Relu", List.of("x"), List.of("y"))),
        List.of(ProtoModels.tensor("x", 1, "batch", 2)), List.of(ProtoModels.tensor("y", 1, "batch", 2)))
        .toByteArray());
    Map<Path, String> cases = Map.of(truncated, "TX002", random, "TX002", unsupported, "TX010", dynamic, "TX030");
    for (Map.Entry<Path, String> c : cases.entrySet()) {
      Path out = tmp.resolve("out-" + c.getKey().getFileName());
      Run r = tenax("exec", c.getKey().toString(), "-o", out.toString());
      assertEquals(65, r.code(), c.getKey() + ": " + r.err());
      assertTrue(r.err().contains("error " + c.getValue()), c.getKey() + ": " + r.err());
      assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
      assertFalse(Files.exists(out), "output directory left behind for " + c.getKey());
      try (var files = Files.list(tmp)) {
        assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "temporary files left");
      }
    }
  }

  @Test
  void inspectPrintsTableAndJson() throws Exception {
    Path model = addReluModel();
    Run text = tenax("inspect", model.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("input  x: float32[2,3]"), text.out());
    assertTrue(text.out().contains("total: 2 nodes"), text.out());
    Run json = tenax("inspect", "--json", model.toString());
    assertEquals(0, json.code());
    assertTrue(json.out().contains("\"op\": \"Relu\""), json.out());
    Run ir = tenax("inspect", "--ir", model.toString());
    assertTrue(ir.out().contains("relu = Relu(s) -> out:0: float32[2,3]"), ir.out());
  }

  @Test
  void inspectJsonListsDiagnosticsOfRejectedModel() throws Exception {
    var m = ProtoModels.model(13, List.of(ProtoModels.node("n", "Nope", List.of("x"), List.of("y"))),
        List.of(ProtoModels.tensor("x", 1, 2)), List.of(ProtoModels.tensor("y", 1, 2)));
    Path p = tmp.resolve("nope.onnx");
    Files.write(p, m.toByteArray());
    Run r = tenax("inspect", "--json", p.toString());
    assertEquals(65, r.code());
    assertTrue(r.out().contains("\"code\": \"TX010\""), r.out());
    assertTrue(r.out().contains("\"op\": \"Nope\""), r.out());
  }

  @Test
  void inspectShowsWhereInTheModelEachProblemSits() throws Exception {
    var m = ProtoModels.model(13, List.of(ProtoModels.node("r", "Relu", List.of("x"), List.of("a")),
        ProtoModels.node("n", "Nope", List.of("a"), List.of("b")),
        ProtoModels.node("s", "Sigmoid", List.of("b"), List.of("y"))),
        List.of(ProtoModels.tensor("x", 1, 2)), List.of(ProtoModels.tensor("y", 1, 2)));
    Path p = tmp.resolve("partial.onnx");
    Files.write(p, m.toByteArray());
    Run r = tenax("inspect", p.toString());
    assertEquals(65, r.code());
    String[] lines = r.out().split("\n");
    assertTrue(r.out().contains("input  x: float32[2]"), r.out());
    assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.matches("r +Relu +float32\\[2\\]")), r.out());
    assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.matches("n +Nope +\\? +TX010")), r.out());
    assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.matches("s +Sigmoid +\\?")), r.out());
    assertTrue(r.err().contains("error TX010 at node 'n'"), r.err());
  }

  @Test
  void exportedModelsReimportIdentically() throws Exception {
    Path model = addReluModel();
    var g = ModelImporter.load(model, ImportOptions.defaults());
    var again = new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(OnnxExporter.export(g, "test"));
    assertEquals(dev.tenax.ir.IrPrinter.print(g), dev.tenax.ir.IrPrinter.print(again));
  }
}
