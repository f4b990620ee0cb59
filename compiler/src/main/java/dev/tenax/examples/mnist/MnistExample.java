package dev.tenax.examples.mnist;

import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.io.OutputDirectory;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

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
    StringBuilder text = new StringBuilder();
    Consumer<String> log = line -> {
      text.append(line).append('\n');
      progress.println(line);
      progress.flush();
    };
    log.accept(String.format(Locale.ROOT, "tenax %s, seed %d, %d epochs, batch %d, Adam lr %s, train images %d..%d,"
        + " held-out images %d..%d", version, s.seed(), s.epochs(), s.batch(), s.learningRate(), s.trainStart(),
        s.trainEnd() - 1, s.testStart(), s.testEnd() - 1));
    MnistCnn net = MnistTraining.train(data, s, log);
    Graph g = MnistOnnx.graph(net);
    double accuracy = onnxAccuracy(g, data, s.testStart(), s.testEnd());
    log.accept(String.format(Locale.ROOT, "model.onnx (float reference evaluator): %.2f%% top-1 on held-out images"
        + " %d..%d", 100 * accuracy, s.testStart(), s.testEnd() - 1));
    OutputDirectory dir = new OutputDirectory(out);
    // a fixed producer string, so that retraining with another tenax version gives the same bytes
    dir.add("model.onnx", OnnxExporter.export(g, PRODUCER).toByteArray());
    ReferenceEvaluator eval = new ReferenceEvaluator();
    for (int d = 0; d <= 9; d++) {
      Tensor x = SampleDigits.digit(d);
      dir.add("samples/digit-" + d + ".npy", TensorFiles.toNpy(x));
      Tensor y = eval.run(g, Map.of(MnistOnnx.INPUT, x)).get(MnistOnnx.OUTPUT);
      dir.add("samples/digit-" + d + ".expected.npy", TensorFiles.toNpy(y));
    }
    dir.add("training.txt", text.toString().getBytes(StandardCharsets.UTF_8));
    dir.commit();
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
