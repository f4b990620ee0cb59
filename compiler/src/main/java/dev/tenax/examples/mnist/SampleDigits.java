package dev.tenax.examples.mnist;

import dev.tenax.ir.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Digits 0..9 drawn by this code (MNIST's own images may not be redistributed): each a few pen
 * strokes on a 20x20 box, rendered with a soft 3-pixel pen into 28x28 and moved so that the
 * centre of mass sits in the middle, the way MNIST's digits were prepared.
 */
public final class SampleDigits {
  private SampleDigits() {}

  /** Digit {@code d} as float32 [1, 1, 28, 28], pixels in [0, 1]. */
  public static Tensor digit(int d) {
    float[] x = new float[MnistCnn.SIDE * MnistCnn.SIDE];
    for (double[] stroke : strokes(d)) {
      draw(stroke, x);
    }
    return Tensor.ofFloats(new int[] {1, 1, MnistCnn.SIDE, MnistCnn.SIDE}, centred(x));
  }

  /** Polylines as x0, y0, x1, y1, ... in the 20x20 box (x right, y down). */
  private static List<double[]> strokes(int d) {
    List<double[]> s = new ArrayList<>();
    switch (d) {
      case 0 -> s.add(ellipse(10, 10, 6, 9));
      case 1 -> s.add(new double[] {7, 4, 11, 1, 11, 19});
      case 2 -> s.add(new double[] {4, 5, 7, 1.5, 11, 1, 15, 3, 15.5, 7, 12, 11, 4, 19, 16.5, 19});
      case 3 -> {
        s.add(new double[] {4, 3, 8, 1, 13, 1.5, 15, 5, 13, 8.5, 8.5, 9.5});
        s.add(new double[] {8.5, 9.5, 14, 11, 16, 15, 13, 18.5, 8, 19, 4, 17});
      }
      case 4 -> s.add(new double[] {13, 19, 13, 1, 3, 13, 17, 13});
      case 5 -> s.add(new double[] {15.5, 1, 5.5, 1, 4.5, 9, 10, 8, 14.5, 10.5, 15, 15.5, 11.5, 19, 4, 17.5});
      case 6 -> s.add(new double[] {14, 1.5, 9, 1.5, 5.5, 6, 4.5, 12, 6, 17.5, 10, 19, 14, 17, 15, 13, 12, 10,
          8, 10, 5, 12.5});
      case 7 -> s.add(new double[] {3, 1, 17, 1, 8, 19});
      case 8 -> {
        s.add(ellipse(10, 5.5, 4.5, 4.5));
        s.add(ellipse(10, 14.5, 5.5, 4.5));
      }
      case 9 -> {
        s.add(ellipse(10, 6.5, 5, 5));
        s.add(new double[] {15, 6.5, 14, 19});
      }
      default -> throw new IllegalArgumentException("not a digit: " + d);
    }
    return s;
  }

  private static double[] ellipse(double cx, double cy, double rx, double ry) {
    int n = 24;
    double[] p = new double[2 * (n + 1)];
    for (int i = 0; i <= n; i++) {
      double a = 2 * Math.PI * i / n;
      p[2 * i] = cx + rx * StrictMath.sin(a);
      p[2 * i + 1] = cy - ry * StrictMath.cos(a);
    }
    return p;
  }

  /** Ink = 1 within 1 pixel of the stroke, fading to 0 at 2 pixels (the box sits at offset 4). */
  private static void draw(double[] line, float[] x) {
    int side = MnistCnn.SIDE;
    for (int y = 0; y < side; y++) {
      for (int c = 0; c < side; c++) {
        double px = c + 0.5 - 4;
        double py = y + 0.5 - 4;
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 3 < line.length; i += 2) {
          best = Math.min(best, distance(px, py, line[i], line[i + 1], line[i + 2], line[i + 3]));
        }
        float ink = (float) Math.max(0, Math.min(1, 2 - best));
        x[y * side + c] = Math.max(x[y * side + c], ink);
      }
    }
  }

  private static double distance(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }

  /** The image moved by whole pixels so that its centre of mass is the image centre. */
  private static float[] centred(float[] x) {
    int side = MnistCnn.SIDE;
    double mass = 0;
    double my = 0;
    double mx = 0;
    for (int y = 0; y < side; y++) {
      for (int c = 0; c < side; c++) {
        mass += x[y * side + c];
        my += x[y * side + c] * (y + 0.5);
        mx += x[y * side + c] * (c + 0.5);
      }
    }
    int dy = (int) Math.round(side / 2.0 - my / mass);
    int dx = (int) Math.round(side / 2.0 - mx / mass);
    float[] out = new float[x.length];
    MnistTraining.shifted(x, dy, dx, out);
    return out;
  }
}
