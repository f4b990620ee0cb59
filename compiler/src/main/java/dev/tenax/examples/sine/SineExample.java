package dev.tenax.examples.sine;

import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.examples.ExampleFiles;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Graph;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the bundled sine example (examples/sine): the trained model.onnx, the sample inputs
 * with the float model's answers, the calibration inputs, and training.txt, the training log
 * ending with the held-out error of the float model and of its int8 build.
 */
public final class SineExample {
  /** The producer version written into model.onnx. */
  public static final String PRODUCER = "train-example sine";

  /** Mean absolute errors against sin on the held-out grid. */
  public record Accuracy(double floatError, double int8Error) {}

  private SineExample() {}

  /** Trains, exports and writes everything into {@code out}; progress goes to {@code progress}. */
  public static Accuracy write(SineTraining.Settings s, Path out, String version, PrintWriter progress)
      throws IOException, UsageException, ModelRejectedException {
    ExampleFiles files = new ExampleFiles(out, progress);
    files.log(String.format(Locale.ROOT, "tenax %s, seed %d, %d noisy pairs (noise sd %s), %d epochs, batch %d,"
        + " Adam lr %s; held-out grid: %d points over [0, 2 pi]", version, s.seed(), s.samples(), s.noise(),
        s.epochs(), s.batch(), s.learningRate(), SineData.GRID));
    SineMlp net = SineTraining.train(s, files::log);
    Graph g = SineOnnx.graph(net);
    Accuracy acc = new Accuracy(onnxGridError(g), SineInt8.gridError(SineInt8.program(SineInt8.quantized(g))));
    files.log(String.format(Locale.ROOT, "model.onnx (float reference evaluator): mean absolute error %.4f vs sin"
        + " on the held-out grid", acc.floatError()));
    files.log(String.format(Locale.ROOT, "int8 (calibrated on samples/calibration.npy, Java integer evaluator = "
        + "compiled C): mean absolute error %.4f", acc.int8Error()));
    files.model(g, PRODUCER);
    files.add("samples/calibration.npy", TensorFiles.toNpy(SineData.calibration()));
    for (int k = 0; k < SineData.sampleCount(); k++) {
      files.sample("samples/x-" + k, g, SineOnnx.INPUT, SineOnnx.OUTPUT, SineData.sample(k));
    }
    files.commit();
    return acc;
  }

  /** Mean absolute error of the ONNX graph, run by the float reference evaluator, against sin on the grid. */
  public static double onnxGridError(Graph g) {
    ReferenceEvaluator eval = new ReferenceEvaluator();
    double sum = 0;
    for (float x : SineData.grid()) {
      float y = eval.run(g, Map.of(SineOnnx.INPUT, SineData.input(x))).get(SineOnnx.OUTPUT).floats()[0];
      sum += Math.abs(y - SineData.sin(x));
    }
    return sum / SineData.GRID;
  }
}
