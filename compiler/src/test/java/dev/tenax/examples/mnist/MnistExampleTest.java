package dev.tenax.examples.mnist;

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
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed examples/mnist: its model reaches the 98% float top-1 on the held-out
 * images, its sample digits are the ones SampleDigits draws, its expected outputs are the
 * model's, and (thorough profile) retraining gives the same model.onnx bytes.
 */
class MnistExampleTest {
  private static final Path EXAMPLE = SharedData.repoRoot().resolve("examples/mnist");

  private static Graph model() throws Exception {
    return ModelImporter.load(EXAMPLE.resolve("model.onnx"), ImportOptions.defaults());
  }

  @Test
  void theModelReaches98PercentOnTheHeldOutImages() throws Exception {
    MnistTraining.Digits data = MnistExample.readTestSet(SharedData.require("datasets/mnist"));
    double accuracy = MnistExample.onnxAccuracy(model(), data, 8000, 10000);
    assertTrue(accuracy >= 0.98, "float top-1 on images 8000..9999: " + accuracy);
  }

  @Test
  void theSamplesAreOurDigitsAndTheExpectedOutputsTheModels() throws Exception {
    Graph g = model();
    ReferenceEvaluator eval = new ReferenceEvaluator();
    for (int d = 0; d <= 9; d++) {
      Tensor x = Npy.read(Files.readAllBytes(EXAMPLE.resolve("samples/digit-" + d + ".npy")));
      assertArrayEquals(SampleDigits.digit(d).floats(), x.floats(), "digit " + d + " is not what SampleDigits draws");
      Tensor want = Npy.read(Files.readAllBytes(EXAMPLE.resolve("samples/digit-" + d + ".expected.npy")));
      float[] got = eval.run(g, Map.of(MnistOnnx.INPUT, x)).get(MnistOnnx.OUTPUT).floats();
      assertArrayEquals(want.floats(), got, "digit " + d + ": expected output");
      assertEquals(d, MnistCnn.argmax(got), "the model should read our drawing of " + d);
    }
  }

  @Tag("thorough")
  @Test
  void retrainingGivesTheSameBytes(@TempDir Path dir) throws Exception {
    MnistTraining.Digits data = MnistExample.readTestSet(SharedData.require("datasets/mnist"));
    MnistExample.write(data, MnistTraining.Settings.defaults(), dir, "test", new PrintWriter(new StringWriter()));
    assertArrayEquals(Files.readAllBytes(EXAMPLE.resolve("model.onnx")), Files.readAllBytes(dir.resolve("model.onnx")),
        "examples/mnist/model.onnx is not what 'tenax train-example mnist' writes: retrain and commit it");
    for (int d = 0; d <= 9; d++) {
      assertArrayEquals(Files.readAllBytes(EXAMPLE.resolve("samples/digit-" + d + ".expected.npy")),
          Files.readAllBytes(dir.resolve("samples/digit-" + d + ".expected.npy")), "digit " + d);
    }
  }
}
