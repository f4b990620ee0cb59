package dev.tenax.examples.sine;

import dev.tenax.examples.Adam;
import dev.tenax.examples.TrainingRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains {@link SineMlp} with Adam on noisy synthetic pairs ({@link SineData#training}) to
 * minimise the mean squared error. Every random choice comes from one seed, so the same
 * settings give the same weights, bit for bit.
 */
public final class SineTraining {
  /** What a training run used; the defaults are the bundled example's. */
  public record Settings(long seed, int samples, double noise, int epochs, int batch, float learningRate) {
    /** The committed example's epochs (a constant, so that the CLI's help can name it). */
    public static final int EPOCHS = 300;

    public static Settings defaults() {
      return new Settings(20261124L, 1000, 0.1, EPOCHS, 16, 0.01f);
    }
  }

  /** Progress lines: the first epoch, every LOG_EVERY-th and the last. */
  private static final int LOG_EVERY = 50;

  private SineTraining() {}

  static SineMlp train(Settings s, Consumer<String> log) {
    SineData.Pairs data = SineData.training(s.seed(), s.samples(), s.noise());
    SineMlp net = SineMlp.initialized(s.seed() + 1);
    SplittableRandom r = new SplittableRandom(s.seed() + 2);
    Adam adam = new Adam(net.parameters(), s.learningRate());
    float[][] grads = Adam.zerosLike(net.parameters());
    SineMlp.Activations a = new SineMlp.Activations();
    int n = data.count();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int epoch = 1; epoch <= s.epochs(); epoch++) {
      TrainingRandom.shuffle(order, r);
      // a tenth of the step size over the last third of the epochs, to settle into the minimum
      adam.rate(epoch > 2 * s.epochs() / 3 ? s.learningRate() / 10 : s.learningRate());
      double loss = 0;
      for (int start = 0; start < n; start += s.batch()) {
        int end = Math.min(n, start + s.batch());
        for (float[] g : grads) {
          Arrays.fill(g, 0f);
        }
        for (int b = start; b < end; b++) {
          a.x = data.x()[order[b]];
          net.forward(a);
          loss += net.backward(a, data.y()[order[b]], grads);
        }
        adam.step(grads, 1f / (end - start));
      }
      if (epoch == 1 || epoch % LOG_EVERY == 0 || epoch == s.epochs()) {
        log.accept(String.format(Locale.ROOT, "epoch %d/%d: mean squared error %.5f (noisy training pairs), "
            + "mean absolute error %.4f vs sin on the held-out grid", epoch, s.epochs(), loss / n, gridError(net)));
      }
    }
    return net;
  }

  /** Mean absolute error of the float network against sin on the held-out grid. */
  static double gridError(SineMlp net) {
    SineMlp.Activations a = new SineMlp.Activations();
    double sum = 0;
    for (float x : SineData.grid()) {
      a.x = x;
      sum += Math.abs(net.forward(a) - SineData.sin(x));
    }
    return sum / SineData.GRID;
  }
}
