package dev.tenax.quantizer;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.IdxFile;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.SampleRange;
import dev.tenax.calib.SampleSource;
import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The shared MNIST test set and the MNIST models, for quantization accuracy checks. */
final class Mnist {
  static final double PIXEL = 1.0 / 255;

  /** A model and the preprocessing it expects (pixels 0..255 in). */
  record Model(String name, String file, boolean downsample) {
    Path path() {
      return SharedData.require("models/" + name + "/" + file);
    }

    Graph load() throws Exception {
      return Pipeline.standard().run(ModelImporter.load(path(), ImportOptions.defaults()));
    }
  }

  static final List<Model> MODELS = List.of(
      new Model("mnist-mlp-batchnorm-pytorch", "pytorch.onnx", false),
      new Model("onnx-mlir-mnist", "mnist.onnx", false),
      new Model("burn-mnist-cnn", "mnist.onnx", false),
      new Model("mnist-14x14-cnn-atmega", "mnist.simplified.onnx", true),
      new Model("deepc-mnist-mlp", "mnist.onnx", false));

  /** Candidate pixel mappings; each model's is chosen by float accuracy on calibration images. */
  static final Map<String, Preprocessing> PREPROCESSINGS = Map.of(
      "0..1", Preprocessing.scaled(PIXEL),
      "0..255", Preprocessing.IDENTITY,
      "mnist-normalized", Preprocessing.of(PIXEL, new double[] {0.1307}, new double[] {0.3081}));

  final float[][] images;
  final int[] labels;

  private Mnist(float[][] images, int[] labels) {
    this.images = images;
    this.labels = labels;
  }

  /** Images {@code start..end-1} as raw 0..255 floats, 28x28 or 2x2-averaged to 14x14. */
  static Mnist load(int start, int end, boolean downsample) throws UsageException {
    Path dir = SharedData.require("datasets/mnist");
    SampleRange range = new SampleRange(start, end);
    IdxFile f = IdxFile.open(dir.resolve("t10k-images-idx3-ubyte.gz"));
    float[][] images = new float[end - start][];
    try (SampleSource.Reader r = f.open(start)) {
      for (int i = 0; i < images.length; i++) {
        Tensor t = r.next();
        float[] x = new float[784];
        for (int j = 0; j < 784; j++) {
          x[j] = t.getFloat(j);
        }
        images[i] = downsample ? downsample(x) : x;
      }
    }
    return new Mnist(images, IdxFile.readLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), range));
  }

  private static float[] downsample(float[] x) {
    float[] y = new float[196];
    for (int r = 0; r < 14; r++) {
      for (int c = 0; c < 14; c++) {
        y[r * 14 + c] = (x[2 * r * 28 + 2 * c] + x[2 * r * 28 + 2 * c + 1] + x[(2 * r + 1) * 28 + 2 * c]
            + x[(2 * r + 1) * 28 + 2 * c + 1]) / 4;
      }
    }
    return y;
  }

  int size() {
    return images.length;
  }

  Tensor input(int i, TensorType type, Preprocessing pre) {
    int[] shape = type.shape();
    return Tensor.ofFloats(shape, pre.apply(images[i], shape));
  }

  /** Calibration data over all images of this set, preprocessed. */
  CalibrationData calibration(Graph g, Preprocessing pre) throws UsageException {
    String in = g.inputs().get(0);
    TensorType type = g.type(in);
    SampleSource src = new SampleSource() {
      @Override
      public int count() {
        return images.length;
      }

      @Override
      public int[] sampleShape() {
        return type.shape();
      }

      @Override
      public String describe() {
        return "MNIST images";
      }

      @Override
      public Reader open(int start) {
        return new Reader() {
          private int next = start;

          @Override
          public Tensor next() {
            return Tensor.ofFloats(type.shape(), images[next++]);
          }

          @Override
          public void close() {
          }
        };
      }
    };
    return CalibrationData.of(src, in, type, SampleRange.ALL, pre);
  }

  /** Top-1 predictions of {@code g} on every image. */
  int[] predict(Graph g, Preprocessing pre) {
    return predict(g, pre, t -> new ReferenceEvaluator().run(g, Map.of(g.inputs().get(0), t)));
  }

  int[] predict(Graph g, Preprocessing pre, Function<Tensor, Map<String, Tensor>> run) {
    TensorType type = g.type(g.inputs().get(0));
    int[] p = new int[size()];
    for (int i = 0; i < p.length; i++) {
      Tensor out = run.apply(input(i, type, pre)).values().iterator().next();
      p[i] = argmax(out);
    }
    return p;
  }

  double accuracy(int[] predictions) {
    int ok = 0;
    for (int i = 0; i < predictions.length; i++) {
      ok += predictions[i] == labels[i] ? 1 : 0;
    }
    return (double) ok / predictions.length;
  }

  static double agreement(int[] a, int[] b) {
    int ok = 0;
    for (int i = 0; i < a.length; i++) {
      ok += a[i] == b[i] ? 1 : 0;
    }
    return (double) ok / a.length;
  }

  static int argmax(Tensor t) {
    int best = 0;
    for (int i = 1; i < t.size(); i++) {
      if (t.getFloat(i) > t.getFloat(best)) {
        best = i;
      }
    }
    return best;
  }

  static List<String> names() {
    List<String> n = new ArrayList<>();
    MODELS.forEach(m -> n.add(m.name()));
    return n;
  }
}
