package dev.tenax.examples.sine;

import dev.tenax.examples.TrainingRandom;
import dev.tenax.ir.Tensor;
import java.util.SplittableRandom;

/**
 * The sine example's data, all synthetic: noisy training pairs (x uniform in [0, 2 pi),
 * y = sin x plus Gaussian noise, as real sensor readings would be), the noise-free held-out
 * grid the accuracy is measured on, the calibration inputs and the sample inputs. The true
 * curve is StrictMath.sin, which gives the same bits on every JVM.
 */
public final class SineData {
  /** Inputs range over [0, X_MAX]: one period. */
  public static final double X_MAX = 2 * Math.PI;
  /** Points of the held-out grid. */
  public static final int GRID = 1000;
  /** Calibration inputs: as many as {@code tenax quantize} reads by default (--calib-count 500). */
  static final int CALIBRATION = 500;
  /** The sample inputs written as samples/x-K.npy, K = 0, 1, ...: a few points across the period. */
  static final float[] SAMPLES = {0.5f, 1.5f, 3f, 4.5f, 6f};

  /** Training pairs. */
  record Pairs(float[] x, float[] y) {
    int count() {
      return x.length;
    }
  }

  private SineData() {}

  /** {@code count} noisy training pairs drawn from {@code seed} (noise standard deviation {@code noise}). */
  static Pairs training(long seed, int count, double noise) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[count];
    float[] y = new float[count];
    for (int i = 0; i < count; i++) {
      x[i] = (float) r.nextDouble(0, X_MAX);
      y[i] = (float) (StrictMath.sin(x[i]) + noise * TrainingRandom.gaussian(r));
    }
    return new Pairs(x, y);
  }

  /** The held-out grid: GRID points at the middles of equal steps over [0, 2 pi], none of them a training x. */
  public static float[] grid() {
    float[] x = new float[GRID];
    for (int k = 0; k < GRID; k++) {
      x[k] = (float) (X_MAX * (k + 0.5) / GRID);
    }
    return x;
  }

  /** The true curve at {@code x}. */
  public static float sin(float x) {
    return (float) StrictMath.sin(x);
  }

  /**
   * Calibration inputs for {@code tenax quantize}: CALIBRATION evenly spaced points from 0 to
   * 2 pi, both ends included so that the input range is the whole period, stacked as
   * [CALIBRATION, 1], one model input each.
   */
  static Tensor calibration() {
    float[] x = new float[CALIBRATION];
    for (int k = 0; k < CALIBRATION; k++) {
      x[k] = (float) (X_MAX * k / (CALIBRATION - 1));
    }
    return Tensor.ofFloats(new int[] {CALIBRATION, 1}, x);
  }

  /** Sample input K as the model takes it, float32 [1, 1]. */
  public static Tensor sample(int k) {
    return input(SAMPLES[k]);
  }

  public static int sampleCount() {
    return SAMPLES.length;
  }

  /** One model input, float32 [1, 1]. */
  public static Tensor input(float x) {
    return Tensor.ofFloats(new int[] {1, 1}, new float[] {x});
  }
}
