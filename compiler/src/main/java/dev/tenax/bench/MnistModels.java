package dev.tenax.bench;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.SampleRange;
import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MNIST models of ../shared/models and how their inputs are prepared. Which pixel mapping a
 * model was trained with is not always documented, so it is chosen by the float model's own
 * accuracy on calibration images (never on evaluation images).
 */
public final class MnistModels {
  private MnistModels() {}

  public static final double PIXEL = 1.0 / 255;

  /** A model folder, its file, and whether it takes 2x2-averaged 14x14 digits. */
  public record Model(String folder, String file, boolean downsample) {}

  public static final List<Model> MODELS = List.of(
      new Model("mnist-mlp-batchnorm-pytorch", "pytorch.onnx", false),
      new Model("onnx-mlir-mnist", "mnist.onnx", false),
      new Model("burn-mnist-cnn", "mnist.onnx", false),
      new Model("mnist-14x14-cnn-atmega", "mnist.simplified.onnx", true),
      new Model("deepc-mnist-mlp", "mnist.onnx", false));

  /** Candidate pixel mappings (raw pixels are 0..255). */
  public static final Map<String, Preprocessing> PREPROCESSINGS = new TreeMap<>(Map.of(
      "0..1", Preprocessing.scaled(PIXEL),
      "0..255", Preprocessing.IDENTITY,
      "mnist-normalized", Preprocessing.of(PIXEL, new double[] {0.1307}, new double[] {0.3081})));

  public static Model byFolder(String folder) {
    return MODELS.stream().filter(m -> m.folder().equals(folder)).findFirst().orElse(null);
  }

  /** Images {@code range} of the shared test set as samples for {@code g}'s input. */
  public static CalibrationData images(Path mnistDir, Model m, Graph g, SampleRange range, Preprocessing pre)
      throws UsageException {
    String in = g.inputs().get(0);
    return CalibrationData.of(MnistImages.open(mnistDir.resolve("t10k-images-idx3-ubyte.gz"), m.downsample()),
        in, g.type(in), range, pre);
  }

  /** The name of the pixel mapping under which {@code g} is most accurate on {@code range}. */
  public static String choosePreprocessing(Path mnistDir, Model m, Graph g, SampleRange range, int[] labels)
      throws UsageException {
    String best = null;
    int bestCorrect = -1;
    ReferenceEvaluator ev = new ReferenceEvaluator();
    for (Map.Entry<String, Preprocessing> e : PREPROCESSINGS.entrySet()) {
      int correct = 0;
      int i = 0;
      for (Tensor t : images(mnistDir, m, g, range, e.getValue())) {
        Tensor out = ev.run(g, Map.of(g.inputs().get(0), t)).values().iterator().next();
        correct += Evaluation.argmax(out) == labels[i++] ? 1 : 0;
      }
      if (correct > bestCorrect) {
        best = e.getKey();
        bestCorrect = correct;
      }
    }
    return best;
  }
}
