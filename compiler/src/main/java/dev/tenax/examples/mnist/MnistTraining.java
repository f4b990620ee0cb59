package dev.tenax.examples.mnist;

import dev.tenax.calib.IdxFile;
import dev.tenax.calib.SampleSource;
import dev.tenax.diag.UsageException;
import dev.tenax.examples.Adam;
import dev.tenax.examples.TrainingRandom;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains {@link MnistCnn} with Adam on MNIST images (by default the first 8000 of the t10k set,
 * the only images ../shared has, holding out 8000..9999 for the accuracy figure), with random
 * shifts of up to two pixels as augmentation. Every random choice comes from one seed, so the
 * same command gives the same weights, bit for bit.
 */
public final class MnistTraining {
  /** What a training run used; the defaults are the bundled example's. */
  public record Settings(long seed, int epochs, int batch, float learningRate, int trainStart, int trainEnd,
      int testStart, int testEnd) {
    /** The committed example's epochs (a constant, so that the CLI's help can name it). */
    public static final int EPOCHS = 12;

    public static Settings defaults() {
      return new Settings(20261124L, EPOCHS, 32, 0.002f, 0, 8000, 8000, 10000);
    }
  }

  /** Images scaled to [0, 1] and their labels. */
  public record Digits(float[][] images, int[] labels) {
    public int count() {
      return labels.length;
    }
  }

  private MnistTraining() {}

  /** Reads an IDX image file and its label file (gzip or not), images scaled to [0, 1]. */
  public static Digits read(Path images, Path labels) throws UsageException {
    IdxFile file = IdxFile.open(images);
    int[] shape = file.sampleShape();
    if (shape.length != 2 || shape[0] != MnistCnn.SIDE || shape[1] != MnistCnn.SIDE) {
      throw new UsageException(images + " does not hold 28x28 images");
    }
    int[] l = IdxFile.readLabels(labels);
    if (l.length != file.count()) {
      throw new UsageException(images + " holds " + file.count() + " images but " + labels + " " + l.length
          + " labels");
    }
    float[][] x = new float[file.count()][];
    try (SampleSource.Reader r = file.open(0)) {
      for (int i = 0; i < x.length; i++) {
        long[] v = r.next().longs();
        x[i] = new float[v.length];
        for (int k = 0; k < v.length; k++) {
          x[i][k] = v[k] / 255f;
        }
      }
    }
    return new Digits(x, l);
  }

  /** Trains a network from scratch, reporting one line per epoch to {@code log}. */
  static MnistCnn train(Digits data, Settings s, Consumer<String> log) {
    MnistCnn net = MnistCnn.initialized(s.seed());
    SplittableRandom r = new SplittableRandom(s.seed() + 1);
    Adam adam = new Adam(net.parameters(), s.learningRate());
    float[][] grads = Adam.zerosLike(net.parameters());
    MnistCnn.Activations a = new MnistCnn.Activations();
    int n = s.trainEnd() - s.trainStart();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = s.trainStart() + i;
    }
    for (int epoch = 1; epoch <= s.epochs(); epoch++) {
      TrainingRandom.shuffle(order, r);
      // a quarter of the step size over the last third of the epochs
      adam.rate(epoch > 2 * s.epochs() / 3 ? s.learningRate() / 4 : s.learningRate());
      double loss = 0;
      for (int start = 0; start < n; start += s.batch()) {
        int end = Math.min(n, start + s.batch());
        for (float[] g : grads) {
          java.util.Arrays.fill(g, 0f);
        }
        for (int b = start; b < end; b++) {
          int i = order[b];
          shifted(data.images()[i], r.nextInt(-2, 3), r.nextInt(-2, 3), a.x);
          net.forward(a);
          loss += net.backward(a, data.labels()[i], grads);
        }
        adam.step(grads, 1f / (end - start));
      }
      log.accept(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, held-out accuracy %.2f%%", epoch, s.epochs(),
          loss / n, 100 * accuracy(net, data, s.testStart(), s.testEnd())));
    }
    return net;
  }

  /** Share of images {@code from..to-1} the float network classifies right. */
  static double accuracy(MnistCnn net, Digits data, int from, int to) {
    MnistCnn.Activations a = new MnistCnn.Activations();
    int right = 0;
    for (int i = from; i < to; i++) {
      System.arraycopy(data.images()[i], 0, a.x, 0, a.x.length);
      net.forward(a);
      right += MnistCnn.argmax(a.logits) == data.labels()[i] ? 1 : 0;
    }
    return right / (double) (to - from);
  }

  /** {@code image} moved by (dy, dx) pixels, the uncovered border black. */
  static void shifted(float[] image, int dy, int dx, float[] out) {
    int side = MnistCnn.SIDE;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int sy = y - dy;
        int sx = x - dx;
        out[y * side + x] = sy >= 0 && sy < side && sx >= 0 && sx < side ? image[sy * side + sx] : 0f;
      }
    }
  }
}
