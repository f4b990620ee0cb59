package dev.tenax.examples.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.io.Npy;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed examples/sine: retraining gives the same bytes, the committed files are what
 * {@code tenax train-example sine} writes, the samples' expected outputs are the float model's,
 * and the float model is as close to sin as its README says. The int8 builds are checked by
 * {@link SineFirmwareTest}.
 */
class SineExampleTest {
  static final Path EXAMPLE = SharedData.repoRoot().resolve("examples/sine");
  /** The README's bound for the float model (training.txt gives the measured 0.0122). */
  static final double FLOAT_ERROR_BOUND = 0.02;

  static Graph model() throws Exception {
    return ModelImporter.load(EXAMPLE.resolve("model.onnx"), ImportOptions.defaults());
  }

  private static Path train(Path dir) throws Exception {
    SineExample.write(SineTraining.Settings.defaults(), dir, "test", new PrintWriter(new StringWriter()));
    return dir;
  }

  /** Every file the command writes except training.txt (whose first line names the tenax version). */
  private static List<String> reproducibleFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.equals("training.txt")).sorted().toList();
    }
  }

  @Test
  void retrainingGivesTheSameBytes(@TempDir Path tmp) throws Exception {
    Path a = train(tmp.resolve("a"));
    Path b = train(tmp.resolve("b"));
    List<String> files = reproducibleFiles(a);
    assertEquals(files, reproducibleFiles(b));
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void theCommittedFilesAreWhatTheCommandWrites(@TempDir Path tmp) throws Exception {
    Path fresh = train(tmp);
    List<String> files = reproducibleFiles(fresh);
    assertEquals(files, reproducibleFiles(EXAMPLE).stream().filter(f -> !f.equals("README.md")).toList(),
        "examples/sine holds other files than 'tenax train-example sine' writes");
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(EXAMPLE.resolve(f)),
          "examples/sine/" + f + " is not what 'tenax train-example sine -o examples/sine' writes: run it and commit");
    }
    // the log but for its first line, which names the tenax version that trained
    assertEquals(afterFirstLine(Files.readString(fresh.resolve("training.txt"))),
        afterFirstLine(Files.readString(EXAMPLE.resolve("training.txt"))));
  }

  private static String afterFirstLine(String s) {
    return s.substring(s.indexOf('\n') + 1);
  }

  @Test
  void theSamplesAreOursAndTheExpectedOutputsTheFloatModels() throws Exception {
    Graph g = model();
    ReferenceEvaluator eval = new ReferenceEvaluator();
    for (int k = 0; k < SineData.sampleCount(); k++) {
      Tensor x = Npy.read(Files.readAllBytes(EXAMPLE.resolve("samples/x-" + k + ".npy")));
      assertArrayEquals(SineData.sample(k).floats(), x.floats(), "x-" + k + " is not SineData's sample " + k);
      Tensor want = Npy.read(Files.readAllBytes(EXAMPLE.resolve("samples/x-" + k + ".expected.npy")));
      Tensor got = eval.run(g, Map.of(SineOnnx.INPUT, x)).get(SineOnnx.OUTPUT);
      assertArrayEquals(want.shape(), got.shape(), "x-" + k);
      assertArrayEquals(want.floats(), got.floats(), "x-" + k + ": expected output");
    }
  }

  @Test
  void theFloatModelFollowsSinOnTheHeldOutGrid() throws Exception {
    double error = SineExample.onnxGridError(model());
    assertTrue(error <= FLOAT_ERROR_BOUND, "mean absolute error vs sin: " + error);
  }
}
