package dev.tenax.examples.mnist;

import dev.tenax.examples.TrainingRandom;
import java.util.SplittableRandom;

/**
 * The bundled MNIST example's network and its float32 forward and backward passes, written out
 * loop by loop so that training needs nothing beyond the JDK and gives the same bits on every
 * machine (Java float arithmetic is strict, and one thread does all of it):
 * Conv 5x5 1->8, Relu, MaxPool 2 | Conv 3x3 8->16, Relu, MaxPool 2 | Gemm 400->32, Relu |
 * Gemm 32->10 (logits; the ONNX model adds Softmax). About 170k MACs and 14k weights, so that
 * the int8 model fits an MSP430FR5994 with room for an intermittent build.
 */
final class MnistCnn {
  static final int SIDE = 28;
  static final int C1 = 8;
  static final int K1 = 5;
  static final int S1 = SIDE - K1 + 1; // 24
  static final int P1 = S1 / 2; // 12
  static final int C2 = 16;
  static final int K2 = 3;
  static final int S2 = P1 - K2 + 1; // 10
  static final int P2 = S2 / 2; // 5
  static final int FLAT = C2 * P2 * P2; // 400
  static final int HIDDEN = 32;
  static final int CLASSES = 10;

  /** Parameters, in ONNX layouts: conv OIHW, Gemm [out][in]. */
  final float[] w1 = new float[C1 * K1 * K1];
  final float[] b1 = new float[C1];
  final float[] w2 = new float[C2 * C1 * K2 * K2];
  final float[] b2 = new float[C2];
  final float[] w3 = new float[HIDDEN * FLAT];
  final float[] b3 = new float[HIDDEN];
  final float[] w4 = new float[CLASSES * HIDDEN];
  final float[] b4 = new float[CLASSES];

  /** All parameter arrays, in a fixed order (the optimizer keeps its state in the same order). */
  float[][] parameters() {
    return new float[][] {w1, b1, w2, b2, w3, b3, w4, b4};
  }

  /** He-normal initialization from a seeded generator, biases zero. */
  static MnistCnn initialized(long seed) {
    MnistCnn n = new MnistCnn();
    SplittableRandom r = new SplittableRandom(seed);
    TrainingRandom.he(n.w1, K1 * K1, r);
    TrainingRandom.he(n.w2, C1 * K2 * K2, r);
    TrainingRandom.he(n.w3, FLAT, r);
    TrainingRandom.he(n.w4, HIDDEN, r);
    return n;
  }

  /** One sample's activations, kept for the backward pass. */
  static final class Activations {
    final float[] x = new float[SIDE * SIDE];
    final float[] a1 = new float[C1 * S1 * S1]; // after Relu
    final float[] p1 = new float[C1 * P1 * P1];
    final int[] arg1 = new int[C1 * P1 * P1]; // index into a1 of each max
    final float[] a2 = new float[C2 * S2 * S2];
    final float[] p2 = new float[FLAT];
    final int[] arg2 = new int[FLAT];
    final float[] h = new float[HIDDEN]; // after Relu
    final float[] logits = new float[CLASSES];
  }

  /** Forward pass of {@code a.x} into {@code a}. */
  void forward(Activations a) {
    for (int o = 0; o < C1; o++) {
      for (int y = 0; y < S1; y++) {
        for (int x = 0; x < S1; x++) {
          float s = b1[o];
          for (int ky = 0; ky < K1; ky++) {
            for (int kx = 0; kx < K1; kx++) {
              s += w1[(o * K1 + ky) * K1 + kx] * a.x[(y + ky) * SIDE + x + kx];
            }
          }
          a.a1[(o * S1 + y) * S1 + x] = Math.max(0f, s);
        }
      }
    }
    pool(a.a1, C1, S1, a.p1, a.arg1);
    for (int o = 0; o < C2; o++) {
      for (int y = 0; y < S2; y++) {
        for (int x = 0; x < S2; x++) {
          float s = b2[o];
          for (int i = 0; i < C1; i++) {
            for (int ky = 0; ky < K2; ky++) {
              for (int kx = 0; kx < K2; kx++) {
                s += w2[((o * C1 + i) * K2 + ky) * K2 + kx] * a.p1[(i * P1 + y + ky) * P1 + x + kx];
              }
            }
          }
          a.a2[(o * S2 + y) * S2 + x] = Math.max(0f, s);
        }
      }
    }
    pool(a.a2, C2, S2, a.p2, a.arg2);
    for (int j = 0; j < HIDDEN; j++) {
      float s = b3[j];
      for (int i = 0; i < FLAT; i++) {
        s += w3[j * FLAT + i] * a.p2[i];
      }
      a.h[j] = Math.max(0f, s);
    }
    for (int k = 0; k < CLASSES; k++) {
      float s = b4[k];
      for (int j = 0; j < HIDDEN; j++) {
        s += w4[k * HIDDEN + j] * a.h[j];
      }
      a.logits[k] = s;
    }
  }

  /** 2x2 max pooling with stride 2 (the first maximum wins ties), remembering where each came from. */
  private static void pool(float[] in, int channels, int side, float[] out, int[] arg) {
    int half = side / 2;
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < half; y++) {
        for (int x = 0; x < half; x++) {
          int best = (c * side + 2 * y) * side + 2 * x;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              int i = (c * side + 2 * y + dy) * side + 2 * x + dx;
              if (in[i] > in[best]) {
                best = i;
              }
            }
          }
          out[(c * half + y) * half + x] = in[best];
          arg[(c * half + y) * half + x] = best;
        }
      }
    }
  }

  /**
   * Adds the gradients of softmax cross-entropy for {@code label} to {@code grads} (same order as
   * {@link #parameters()}) and returns the loss.
   */
  float backward(Activations a, int label, float[][] grads) {
    float max = a.logits[0];
    for (float v : a.logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    float[] dz = new float[CLASSES];
    for (int k = 0; k < CLASSES; k++) {
      dz[k] = (float) StrictMath.exp(a.logits[k] - max);
      sum += dz[k];
    }
    for (int k = 0; k < CLASSES; k++) {
      dz[k] = (float) (dz[k] / sum) - (k == label ? 1f : 0f);
    }
    float loss = (float) -(a.logits[label] - max - StrictMath.log(sum));
    float[] gw1 = grads[0], gb1 = grads[1], gw2 = grads[2], gb2 = grads[3];
    float[] gw3 = grads[4], gb3 = grads[5], gw4 = grads[6], gb4 = grads[7];
    float[] dh = new float[HIDDEN];
    for (int k = 0; k < CLASSES; k++) {
      gb4[k] += dz[k];
      for (int j = 0; j < HIDDEN; j++) {
        gw4[k * HIDDEN + j] += dz[k] * a.h[j];
        dh[j] += dz[k] * w4[k * HIDDEN + j];
      }
    }
    float[] dp2 = new float[FLAT];
    for (int j = 0; j < HIDDEN; j++) {
      if (a.h[j] <= 0f) {
        continue;
      }
      gb3[j] += dh[j];
      for (int i = 0; i < FLAT; i++) {
        gw3[j * FLAT + i] += dh[j] * a.p2[i];
        dp2[i] += dh[j] * w3[j * FLAT + i];
      }
    }
    float[] da2 = new float[C2 * S2 * S2];
    for (int i = 0; i < FLAT; i++) {
      da2[a.arg2[i]] += dp2[i];
    }
    float[] dp1 = new float[C1 * P1 * P1];
    for (int o = 0; o < C2; o++) {
      for (int y = 0; y < S2; y++) {
        for (int x = 0; x < S2; x++) {
          int at = (o * S2 + y) * S2 + x;
          float d = a.a2[at] > 0f ? da2[at] : 0f;
          if (d == 0f) {
            continue;
          }
          gb2[o] += d;
          for (int i = 0; i < C1; i++) {
            for (int ky = 0; ky < K2; ky++) {
              for (int kx = 0; kx < K2; kx++) {
                int w = ((o * C1 + i) * K2 + ky) * K2 + kx;
                int p = (i * P1 + y + ky) * P1 + x + kx;
                gw2[w] += d * a.p1[p];
                dp1[p] += d * w2[w];
              }
            }
          }
        }
      }
    }
    float[] da1 = new float[C1 * S1 * S1];
    for (int i = 0; i < dp1.length; i++) {
      da1[a.arg1[i]] += dp1[i];
    }
    for (int o = 0; o < C1; o++) {
      for (int y = 0; y < S1; y++) {
        for (int x = 0; x < S1; x++) {
          int at = (o * S1 + y) * S1 + x;
          float d = a.a1[at] > 0f ? da1[at] : 0f;
          if (d == 0f) {
            continue;
          }
          gb1[o] += d;
          for (int ky = 0; ky < K1; ky++) {
            for (int kx = 0; kx < K1; kx++) {
              gw1[(o * K1 + ky) * K1 + kx] += d * a.x[(y + ky) * SIDE + x + kx];
            }
          }
        }
      }
    }
    return loss;
  }

  /** The class with the largest logit (the first on ties). */
  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
