package dev.tenax.examples.sine;

import dev.tenax.examples.TrainingRandom;
import java.util.SplittableRandom;

/**
 * The bundled sine example's network, 1 -> 16 -> 16 -> 1 with Relu after both hidden layers,
 * and its float32 forward and backward passes written out loop by loop (one thread, Java's
 * strict float arithmetic: the same bits on every machine). 288 multiply-accumulates and 321
 * parameters: small enough for any microcontroller.
 */
final class SineMlp {
  static final int HIDDEN = 16;

  /** Parameters, in ONNX Gemm layout [out][in]. */
  final float[] w1 = new float[HIDDEN];
  final float[] b1 = new float[HIDDEN];
  final float[] w2 = new float[HIDDEN * HIDDEN];
  final float[] b2 = new float[HIDDEN];
  final float[] w3 = new float[HIDDEN];
  final float[] b3 = new float[1];

  /** All parameter arrays, in a fixed order (the optimizer keeps its state in the same order). */
  float[][] parameters() {
    return new float[][] {w1, b1, w2, b2, w3, b3};
  }

  /**
   * He-normal weights from a seeded generator. The first layer's biases put each unit's kink
   * at a random point of [0, 2 pi] (b = -w * c): with zero biases, every unit whose weight is
   * negative would be off for all positive x and never learn.
   */
  static SineMlp initialized(long seed) {
    SineMlp n = new SineMlp();
    SplittableRandom r = new SplittableRandom(seed);
    TrainingRandom.he(n.w1, 1, r);
    for (int j = 0; j < HIDDEN; j++) {
      n.b1[j] = (float) (-n.w1[j] * r.nextDouble(0, SineData.X_MAX));
    }
    TrainingRandom.he(n.w2, HIDDEN, r);
    TrainingRandom.he(n.w3, HIDDEN, r);
    return n;
  }

  /** One sample's activations, kept for the backward pass. */
  static final class Activations {
    float x;
    final float[] h1 = new float[HIDDEN]; // after Relu
    final float[] h2 = new float[HIDDEN]; // after Relu
    float y;
  }

  /** Forward pass of {@code a.x} into {@code a}; returns the output. */
  float forward(Activations a) {
    for (int j = 0; j < HIDDEN; j++) {
      a.h1[j] = Math.max(0f, w1[j] * a.x + b1[j]);
    }
    for (int k = 0; k < HIDDEN; k++) {
      float s = b2[k];
      for (int j = 0; j < HIDDEN; j++) {
        s += w2[k * HIDDEN + j] * a.h1[j];
      }
      a.h2[k] = Math.max(0f, s);
    }
    float y = b3[0];
    for (int k = 0; k < HIDDEN; k++) {
      y += w3[k] * a.h2[k];
    }
    a.y = y;
    return y;
  }

  /**
   * Adds the gradients of the squared error (y - target)^2 to {@code grads} (same order as
   * {@link #parameters()}) and returns the squared error.
   */
  float backward(Activations a, float target, float[][] grads) {
    float err = a.y - target;
    float dy = 2f * err;
    float[] gw1 = grads[0], gb1 = grads[1], gw2 = grads[2], gb2 = grads[3], gw3 = grads[4], gb3 = grads[5];
    gb3[0] += dy;
    float[] dh1 = new float[HIDDEN];
    for (int k = 0; k < HIDDEN; k++) {
      gw3[k] += dy * a.h2[k];
      if (a.h2[k] <= 0f) {
        continue;
      }
      float d = dy * w3[k];
      gb2[k] += d;
      for (int j = 0; j < HIDDEN; j++) {
        gw2[k * HIDDEN + j] += d * a.h1[j];
        dh1[j] += d * w2[k * HIDDEN + j];
      }
    }
    for (int j = 0; j < HIDDEN; j++) {
      if (a.h1[j] <= 0f) {
        continue;
      }
      gb1[j] += dh1[j];
      gw1[j] += dh1[j] * a.x;
    }
    return err * err;
  }
}
