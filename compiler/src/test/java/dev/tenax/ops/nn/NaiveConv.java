package dev.tenax.ops.nn;

import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import java.util.Random;

/**
 * Straightforward reference convolutions for tests: one output (or input) element at a time,
 * every index computed from scratch, nothing shared with the operators under test.
 */
final class NaiveConv {
  private NaiveConv() {}

  static Tensor random(Random r, int... shape) {
    float[] v = new float[Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Tensor.ofFloats(shape, v);
  }

  /** Conv of x [N, C, spatial] with w [M, C/group, kernel]; out gives the output spatial size. */
  static float[] conv(Tensor x, Tensor w, float[] bias, int group, int[] strides, int[] dilations,
      int[] padBegin, int[] out) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    int r = xs.length - 2;
    int n = xs[0];
    int c = xs[1];
    int m = ws[0];
    int cg = c / group;
    int mg = m / group;
    int[] yShape = new int[r + 2];
    yShape[0] = n;
    yShape[1] = m;
    System.arraycopy(out, 0, yShape, 2, r);
    float[] y = new float[Shapes.size(yShape)];
    int[] ys = Shapes.strides(yShape);
    int[] xst = Shapes.strides(xs);
    int[] wst = Shapes.strides(ws);
    int[] kernel = java.util.Arrays.copyOfRange(ws, 2, ws.length);
    for (int i = 0; i < y.length; i++) {
      int[] yi = unflatten(i, ys);
      int oc = yi[1];
      int g = oc / mg;
      double sum = bias == null ? 0 : bias[oc];
      for (int ic = 0; ic < cg; ic++) {
        for (int t = 0; t < Shapes.size(kernel); t++) {
          int[] ti = unflatten(t, Shapes.strides(kernel));
          int xOff = yi[0] * xst[0] + (g * cg + ic) * xst[1];
          boolean inside = true;
          for (int a = 0; a < r; a++) {
            int p = yi[a + 2] * strides[a] - padBegin[a] + ti[a] * dilations[a];
            inside &= p >= 0 && p < xs[a + 2];
            xOff += p * xst[a + 2];
          }
          if (inside) {
            int wOff = oc * wst[0] + ic * wst[1];
            for (int a = 0; a < r; a++) {
              wOff += ti[a] * wst[a + 2];
            }
            sum += (double) x.floats()[xOff] * w.floats()[wOff];
          }
        }
      }
      y[i] = (float) sum;
    }
    return y;
  }

  /** ConvTranspose of x [N, C, spatial] with w [C, M/group, kernel] into output spatial size out. */
  static float[] convTranspose(Tensor x, Tensor w, float[] bias, int group, int[] strides,
      int[] dilations, int[] padBegin, int[] out) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    int r = xs.length - 2;
    int c = xs[1];
    int mg = ws[1];
    int m = mg * group;
    int cg = c / group;
    int[] yShape = new int[r + 2];
    yShape[0] = xs[0];
    yShape[1] = m;
    System.arraycopy(out, 0, yShape, 2, r);
    double[] acc = new double[Shapes.size(yShape)];
    int[] ys = Shapes.strides(yShape);
    int[] xst = Shapes.strides(xs);
    int[] wst = Shapes.strides(ws);
    for (int i = 0; i < acc.length; i++) {
      acc[i] = bias == null ? 0 : bias[unflatten(i, ys)[1]];
    }
    for (int i = 0; i < x.size(); i++) {
      int[] xi = unflatten(i, xst);
      int g = xi[1] / cg;
      for (int oc = 0; oc < mg; oc++) {
        for (int t = 0; t < Shapes.size(ws) / (ws[0] * ws[1]); t++) {
          int[] ti = unflatten(t, Shapes.strides(java.util.Arrays.copyOfRange(ws, 2, ws.length)));
          int yOff = xi[0] * ys[0] + (g * mg + oc) * ys[1];
          boolean inside = true;
          for (int a = 0; a < r; a++) {
            int o = xi[a + 2] * strides[a] + ti[a] * dilations[a] - padBegin[a];
            inside &= o >= 0 && o < out[a];
            yOff += o * ys[a + 2];
          }
          if (inside) {
            int wOff = xi[1] * wst[0] + oc * wst[1];
            for (int a = 0; a < r; a++) {
              wOff += ti[a] * wst[a + 2];
            }
            acc[yOff] += (double) x.floats()[i] * w.floats()[wOff];
          }
        }
      }
    }
    float[] y = new float[acc.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) acc[i];
    }
    return y;
  }

  private static int[] unflatten(int flat, int[] strides) {
    int[] idx = new int[strides.length];
    for (int a = 0; a < strides.length; a++) {
      idx[a] = flat / strides[a];
      flat %= strides[a];
    }
    return idx;
  }

  static void assertClose(float[] expected, float[] actual) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.length, actual.length, "element count");
    for (int i = 0; i < expected.length; i++) {
      org.junit.jupiter.api.Assertions.assertEquals(expected[i], actual[i],
          1e-5 + 1e-5 * Math.abs(expected[i]), "element " + i);
    }
  }
}
