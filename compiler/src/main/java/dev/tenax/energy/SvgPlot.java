package dev.tenax.energy;

import java.util.List;
import java.util.Locale;

/**
 * A hand-written SVG of the capacitor voltage over time: the trace (thinned to one min/max pair
 * per pixel column), dashed Von and Voff lines, red ticks at power failures and green dots at
 * completed inferences, with labelled axes in seconds and volts.
 */
public final class SvgPlot {
  private SvgPlot() {}

  static final int WIDTH = 900;
  static final int HEIGHT = 360;
  static final int LEFT = 60;
  static final int RIGHT = 20;
  static final int TOP = 30;
  static final int BOTTOM = 50;

  public static String voltage(VoltageHistory h, Supervisor s, double vMax, String title) {
    List<double[]> pts = h.points();
    double t1 = pts.isEmpty() ? 1 : Math.max(pts.get(pts.size() - 1)[0], 1e-9);
    double vTop = Math.max(vMax, s.vOn()) * 1.05;
    Axes a = new Axes(0, t1, 0, vTop, v -> String.format(Locale.ROOT, "%.4g", v));
    StringBuilder sb = a.open(title, "time (s)", "capacitor voltage (V)");
    sb.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1\" points=\"");
    int w = WIDTH - LEFT - RIGHT;
    int i = 0;
    for (int col = 0; col < w && i < pts.size(); col++) {
      double end = t1 * (col + 1) / w;
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      double first = Double.NaN;
      double last = Double.NaN;
      while (i < pts.size() && pts.get(i)[0] <= end) {
        double v = pts.get(i)[1];
        if (Double.isNaN(first)) {
          first = v;
        }
        last = v;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        i++;
      }
      if (!Double.isNaN(first)) {
        double x = a.x(end);
        // keep the column's extremes in the order the voltage visited them
        double[] seq = first <= last ? new double[] {first, lo, hi, last} : new double[] {first, hi, lo, last};
        for (double v : seq) {
          sb.append(fmt(x)).append(',').append(fmt(a.y(v))).append(' ');
        }
      }
    }
    sb.append("\"/>\n");
    a.hline(sb, s.vOn(), "#888", String.format(Locale.ROOT, "Von %.2f V", s.vOn()));
    a.hline(sb, s.vOff(), "#888", String.format(Locale.ROOT, "Voff %.2f V", s.vOff()));
    // at most one marker of each kind per pixel column, so hour-long runs stay small files
    double lastFailureX = -1;
    double lastDoneX = -1;
    for (VoltageHistory.Event e : h.events()) {
      double ex = Math.floor(a.x(e.t()));
      boolean failure = e.kind() == VoltageHistory.Kind.POWER_FAILURE;
      if (ex == (failure ? lastFailureX : lastDoneX)) {
        continue;
      }
      if (failure) {
        lastFailureX = ex;
      } else {
        lastDoneX = ex;
      }
      if (failure) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#c0392b\" "
            + "stroke-width=\"1\"><title>power failure at %.6g s</title></line>%n", fmt(a.x(e.t())),
            fmt(a.y(e.volts()) + 4), fmt(a.x(e.t())), fmt(a.y(e.volts()) + 12), e.t()));
      } else {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"#27ae60\"><title>inference "
            + "completed at %.6g s</title></circle>%n", fmt(a.x(e.t())), fmt(a.y(e.volts())), e.t()));
      }
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#c0392b\">| power failure"
        + "</text><text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#27ae60\">&#9679; inference completed</text>%n",
        WIDTH - RIGHT - 250, TOP - 8, WIDTH - RIGHT - 150, TOP - 8));
    return sb.append("</svg>\n").toString();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Linear axes in a fixed frame, with five ticks each. */
  record Axes(double x0, double x1, double y0, double y1, java.util.function.DoubleFunction<String> xTick) {
    double x(double v) {
      return LEFT + (v - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
    }

    double y(double v) {
      return HEIGHT - BOTTOM - (v - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
    }

    StringBuilder open(String title, String xLabel, String yLabel) {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
          + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
          WIDTH, HEIGHT, WIDTH, HEIGHT));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s</text>%n", LEFT, escape(title)));
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT,
          HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT,
          TOP, LEFT, HEIGHT - BOTTOM));
      for (int k = 0; k <= 5; k++) {
        double xv = x0 + (x1 - x0) * k / 5;
        double yv = y0 + (y1 - y0) * k / 5;
        sb.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s"
            + "</text>%n", fmt(x(xv)), HEIGHT - BOTTOM + 15, escape(xTick.apply(xv))));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" font-size=\"11\" text-anchor=\"end\">%.3g"
            + "</text>%n", LEFT - 5, fmt(y(yv) + 4), yv));
      }
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
          (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12, escape(xLabel)));
      sb.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
          + "transform=\"rotate(-90 14 %d)\">%s</text>%n", (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2,
          escape(yLabel)));
      return sb;
    }

    void hline(StringBuilder sb, double v, String color, String label) {
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"%s\" "
          + "stroke-dasharray=\"5,4\"/><text x=\"%d\" y=\"%s\" font-size=\"11\" fill=\"%s\">%s</text>%n", LEFT,
          fmt(y(v)), WIDTH - RIGHT, fmt(y(v)), color, LEFT + 4, fmt(y(v) - 3), color, escape(label)));
    }
  }
}
