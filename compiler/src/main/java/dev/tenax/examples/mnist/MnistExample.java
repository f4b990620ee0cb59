package dev.tenax.examples.mnist;

import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.examples.ExampleFiles;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the bundled MNIST example (examples/mnist): the trained model.onnx, the hand-drawn
 * sample digits with the outputs the model gives them, and training.txt, the training log with
 * the held-out accuracy of the exported ONNX model as the float reference evaluator computes it.
 */
public final class MnistExample {
  /** The producer version written into model.onnx. */
  public static final String PRODUCER = "train-example mnist";

  private MnistExample() {}

  /** The MNIST test-set files in {@code mnist} (the only images ../shared/datasets/mnist has). */
  public static MnistTraining.Digits readTestSet(Path mnist) throws UsageException {
    return MnistTraining.read(mnist.resolve("t10k-images-idx3-ubyte.gz"), mnist.resolve("t10k-labels-idx1-ubyte.gz"));
  }

  /** Trains, exports and writes everything into {@code out}; progress goes to {@code progress}. */
  public static double write(MnistTraining.Digits data, MnistTraining.Settings s, Path out, String version,
      PrintWriter progress) throws IOException {
    if (s.trainEnd() > data.count() || s.testEnd() > data.count()) {
      throw new IllegalArgumentException("the data holds " + data.count() + " images");
    }
    ExampleFiles files = new ExampleFiles(out, progress);
    files.log(String.format(Locale.ROOT, "tenax %s, seed %d, %d epochs, batch %d, Adam lr %s, train images %d..%d,"
        + " held-out images %d..%d", version, s.seed(), s.epochs(), s.batch(), s.learningRate(), s.trainStart(),
        s.trainEnd() - 1, s.testStart(), s.testEnd() - 1));
    MnistCnn net = MnistTraining.train(data, s, files::log);
    Graph g = MnistOnnx.graph(net);
    double accuracy = onnxAccuracy(g, data, s.testStart(), s.testEnd());
    files.log(String.format(Locale.ROOT, "model.onnx (float reference evaluator): %.2f%% top-1 on held-out images"
        + " %d..%d", 100 * accuracy, s.testStart(), s.testEnd() - 1));
    files.model(g, PRODUCER);
    for (int d = 0; d <= 9; d++) {
      files.sample("samples/digit-" + d, g, MnistOnnx.INPUT, MnistOnnx.OUTPUT, SampleDigits.digit(d));
    }
    files.commit();
    return accuracy;
  }

  /** Top-1 accuracy of the ONNX graph, evaluated by the float reference evaluator. */
  public static double onnxAccuracy(Graph g, MnistTraining.Digits data, int from, int to) {
    ReferenceEvaluator eval = new ReferenceEvaluator();
    int right = 0;
    for (int i = from; i < to; i++) {
      Tensor x = Tensor.ofFloats(new int[] {1, 1, MnistCnn.SIDE, MnistCnn.SIDE}, data.images()[i].clone());
      float[] p = eval.run(g, Map.of(MnistOnnx.INPUT, x)).get(MnistOnnx.OUTPUT).floats();
      right += MnistCnn.argmax(p) == data.labels()[i] ? 1 : 0;
    }
    return right / (double) (to - from);
  }
}
